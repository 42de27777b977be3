package org.wiretrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad inputs are named in {@code skipped} with their reason; the rest is processed. */
class BadInputTest {

  @TempDir Path tmp;

  private static final String GOOD =
      "Ferry service resumes on the Tarn estuary\n\nThe ferry between Odrin and Caspe resumed on"
          + " Tuesday after a week of repairs to its landing ramp, the operator said.\n";

  @Test
  void everyBadInputIsSkippedWithItsReasonAndTheRestIsProcessed() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(in.resolve("good.txt"), GOOD);
    Files.write(in.resolve("empty.txt"), new byte[0]);
    Files.write(in.resolve("binary.txt"), new byte[] {0, 1, 2, 3, (byte) 0xFF, 0, 0, 9, 10});
    Files.write(in.resolve("truncated.txt.gz"), truncatedGzip(GOOD.repeat(50)));
    Files.createSymbolicLink(in.resolve("dangling.txt"), in.resolve("no-such-target.txt"));
    Files.writeString(
        in.resolve("feed.jsonl"),
        "{\"id\":\"ok-1\",\"title\":\"Ok\",\"text\":\"Some text about a ferry that runs again.\"}\n"
            + "{not json}\n"
            + "[1,2,3]\n"
            + "{\"id\":\"no-body\"}\n");
    CliRun run =
        CliRun.of(
            "scan",
            in.toString(),
            "--data",
            tmp.resolve("data").toString(),
            "--json",
            "--no-report-files");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode r = new ObjectMapper().readTree(run.out());
    assertThat(r.get("articles")).hasSize(2);
    Map<String, String> reasons = new HashMap<>();
    r.get("skipped")
        .forEach(
            s -> {
              String p = s.get("path").asText();
              reasons.put(p.substring(p.lastIndexOf('/') + 1), s.get("reason").asText());
            });
    assertThat(reasons.get("empty.txt")).contains("empty");
    assertThat(reasons.get("binary.txt#offset 0")).contains("binary");
    // the locator gives the decompressed offset where the gzip stream ends
    assertThat(
            reasons.entrySet().stream()
                .filter(e -> e.getKey().startsWith("truncated.txt.gz#offset "))
                .map(Map.Entry::getValue)
                .findFirst())
        .hasValueSatisfying(v -> assertThat(v).contains("cannot read").contains("truncated gzip"));
    assertThat(reasons.get("dangling.txt")).contains("not a regular file");
    assertThat(reasons.get("feed.jsonl#line 2")).contains("invalid JSON");
    assertThat(reasons.get("feed.jsonl#line 3")).contains("not a JSON object");
    assertThat(reasons.get("feed.jsonl#line 4")).contains("no text");
    assertThat(run.err()).contains("truncated.txt.gz");
  }

  @Test
  void exitsOneWhenNoInputCouldBeProcessed() throws Exception {
    Files.write(tmp.resolve("empty.txt"), new byte[0]);
    CliRun run =
        CliRun.of(
            "scan",
            tmp.resolve("empty.txt").toString(),
            "--data",
            tmp.resolve("data").toString(),
            "--no-report-files");
    assertThat(run.exitCode()).isEqualTo(WiretraceCli.EXIT_FAILURE);
    assertThat(run.err()).contains("no article could be read");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(CliRun.of("scan").exitCode()).isEqualTo(WiretraceCli.EXIT_USAGE);
    assertThat(CliRun.of("no-such-command").exitCode()).isEqualTo(WiretraceCli.EXIT_USAGE);
    assertThat(CliRun.of("compare", "only-one").exitCode()).isEqualTo(WiretraceCli.EXIT_USAGE);
  }

  @Test
  void helpTeachesEveryCommand() {
    for (String cmd : new String[] {"scan", "compare", "report"}) {
      CliRun run = CliRun.of(cmd, "--help");
      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).contains("Usage: wiretrace " + cmd).contains("Examples:");
    }
  }

  private static byte[] truncatedGzip(String text) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    byte[] all = bytes.toByteArray();
    return Arrays.copyOf(all, all.length / 2);
  }
}
