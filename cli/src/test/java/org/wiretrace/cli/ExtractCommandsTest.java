package org.wiretrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandsTest {

  @TempDir Path dir;

  private static final String BODY =
      "The ferry between Nordvik and the island of Holm will run twice a day from May, the"
          + " operator said, after a year in which storms cancelled one crossing in five.";
  private static final String BODY2 =
      "Islanders had asked for an earlier morning boat so that children can reach the school on"
          + " the mainland before eight, and the new timetable leaves Holm at ten past six.";

  private static String page(String title) {
    return "<html><head><title>"
        + title
        + "</title></head><body><nav><a href=/>Home</a>"
        + " <a href=/news>News</a></nav><article><h1>"
        + title
        + "</h1><p>"
        + BODY
        + "</p><p>"
        + BODY2
        + "</p></article><footer>Contact us</footer></body></html>";
  }

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = WiretraceCli.run(args);
      return new Run(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void extractPrintsArticlesAndSummary() throws IOException {
    Path html = Files.writeString(dir.resolve("ferry.html"), page("Ferry twice a day"));
    Path junk = Files.write(dir.resolve("junk.html"), new byte[] {0, 1, 2, 3});
    Run r = run("extract", "--json", html.toString(), junk.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("\"title\":\"Ferry twice a day\"")
        .contains(BODY)
        .doesNotContain("Home");
    assertThat(r.err()).contains("junk.html").contains("records read 2: ingested 1, skipped 1");
    assertThat(run("extract", junk.toString()).code()).isEqualTo(WiretraceCli.EXIT_FAILURE);
  }

  @Test
  void evalExtractScoresAndGatesOnMinF1() throws IOException {
    Files.createDirectories(dir.resolve("html"));
    for (String id : new String[] {"p1", "p2"}) {
      try (OutputStream gz =
          new GZIPOutputStream(Files.newOutputStream(dir.resolve("html/" + id + ".html.gz")))) {
        gz.write(page("Ferry " + id).getBytes(StandardCharsets.UTF_8));
      }
    }
    Files.writeString(
        dir.resolve("ground-truth.json"),
        "{\"p1\": {\"articleBody\": \""
            + BODY
            + "\\n\\n"
            + BODY2
            + "\", \"url\": \"https://x.example/1\"},"
            + " \"p2\": {\"articleBody\": \""
            + BODY
            + "\", \"url\": \"https://x.example/2\"}}");
    Path pred = dir.resolve("pred.jsonl");
    Run r = run("eval", "extract", dir.toString(), "--out", pred.toString(), "--min-f1", "0.5");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("precision").contains("recall").contains("F1");
    assertThat(Files.readAllLines(pred)).hasSize(2).allMatch(l -> l.startsWith("{\"id\":"));
    Run gate = run("eval", "extract", dir.toString(), "--min-f1", "0.99");
    assertThat(gate.code()).isEqualTo(WiretraceCli.EXIT_FAILURE);
    assertThat(gate.err()).contains("below --min-f1");
    assertThat(run("eval", "extract", dir.resolve("nope").toString()).code())
        .isEqualTo(WiretraceCli.EXIT_USAGE);
  }

  @Test
  void benchExtractPrintsThroughputAndPercentiles() throws IOException {
    Files.writeString(dir.resolve("a.html"), page("A"));
    Run r = run("bench", "extract", dir.toString(), "--rounds", "2", "--warmup", "1");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("pages/s per core").contains("p50").contains("p99");
  }
}
