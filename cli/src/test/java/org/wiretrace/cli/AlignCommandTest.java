package org.wiretrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlignCommandTest {

  private static final String PASSAGE =
      "Mayor Ellen Brooks said the plan would fund twelve bridges and four schools by next"
          + " spring. Opposition members argued that the harbour project had been pushed aside"
          + " without any vote, and a public hearing is planned for March in Dunmore.";

  @TempDir Path tmp;

  private void corpus() throws Exception {
    Files.createDirectories(tmp.resolve("src"));
    Files.createDirectories(tmp.resolve("susp"));
    Files.createDirectories(tmp.resolve("truth"));
    String source = "Heavy snow closed the passes. " + PASSAGE + " Nothing else happened.";
    String susp = "Skiers stayed indoors all week. " + PASSAGE + " The end.";
    Files.writeString(tmp.resolve("src/source-1.txt"), source);
    Files.writeString(tmp.resolve("susp/suspicious-1.txt"), susp);
    Files.writeString(
        tmp.resolve("susp/suspicious-2.txt"), "A text about something else entirely, short.");
    int so = source.indexOf("Mayor");
    int to = susp.indexOf("Mayor");
    Files.writeString(
        tmp.resolve("truth/suspicious-1-source-1.xml"),
        "<document reference=\"suspicious-1.txt\"><feature name=\"plagiarism\""
            + " obfuscation=\"none\" this_offset=\""
            + to
            + "\" this_length=\""
            + PASSAGE.length()
            + "\" source_reference=\"source-1.txt\" source_offset=\""
            + so
            + "\" source_length=\""
            + PASSAGE.length()
            + "\"/></document>");
    Files.writeString(
        tmp.resolve("pairs"),
        "suspicious-1.txt source-1.txt\nsuspicious-9.txt source-1.txt\n"
            + "suspicious-2.txt source-1.txt\n");
  }

  @Test
  void writesOneXmlPerPairAndReportsMissingFiles() throws Exception {
    corpus();
    CliRun run =
        CliRun.of(
            "align",
            "--pairs",
            tmp.resolve("pairs").toString(),
            "--src-dir",
            tmp.resolve("src").toString(),
            "--susp-dir",
            tmp.resolve("susp").toString(),
            "--out",
            tmp.resolve("out").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("suspicious-9.txt").contains("no such file");
    String xml = Files.readString(tmp.resolve("out/suspicious-1-source-1.xml"));
    assertThat(xml)
        .contains("<document reference=\"suspicious-1.txt\">")
        .contains("name=\"detected-plagiarism\"")
        .contains("this_offset=\"32\"")
        .contains("source_reference=\"source-1.txt\"");
    assertThat(Files.readString(tmp.resolve("out/suspicious-2-source-1.xml")))
        .doesNotContain("<feature");
    assertThat(tmp.resolve("out/suspicious-9-source-1.xml")).doesNotExist();
  }

  @Test
  void evalAlignScoresAndGates() throws Exception {
    corpus();
    Files.writeString(
        tmp.resolve("pairs"), "suspicious-1.txt source-1.txt\nsuspicious-2.txt source-1.txt\n");
    String[] base = {
      "eval", "align",
      "--pairs", tmp.resolve("pairs").toString(),
      "--src-dir", tmp.resolve("src").toString(),
      "--susp-dir", tmp.resolve("susp").toString(),
      "--truth", tmp.resolve("truth").toString(),
      "--min-plagdet", "0.95",
      "--min-negative-clean", "1"
    };
    CliRun run = CliRun.of(base);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("overall").contains("none").contains("1 of 1");
    String[] strict = java.util.Arrays.copyOf(base, base.length + 2);
    strict[base.length] = "--min-type-plagdet";
    strict[base.length + 1] = "spun-heavy=0.5";
    assertThat(CliRun.of(strict).exitCode()).isEqualTo(1);
  }
}
