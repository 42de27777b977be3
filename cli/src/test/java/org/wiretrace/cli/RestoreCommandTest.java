package org.wiretrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestoreCommandTest {

  private static final String SOURCE =
      "The harbour authority said on Tuesday that the old lighthouse at the end of the north pier"
          + " will be repaired before the winter storms reach the coast. The work will cost two"
          + " million crowns and will be paid by the town council, the authority said.\n";

  private static final String SPUN =
      "The harbour authority stated on Tuesday that the old lighthouse at the end of the north"
          + " pier will be fixed before the winter storms reach the coast. The work will value two"
          + " million crowns and will be paid by the town council, the authority said.\n";

  static String[] run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = WiretraceCli.run(args);
      return new String[] {
        String.valueOf(code),
        out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8)
      };
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void printsJsonWithOffsetsIntoTheTextAsRead(@TempDir Path dir) throws Exception {
    Path spun = Files.writeString(dir.resolve("spun.txt"), SPUN);
    Path src = Files.writeString(dir.resolve("wire.txt"), SOURCE);
    String[] r = run("restore", spun.toString(), "--source", src.toString(), "--json");
    assertThat(r[0]).isEqualTo("0");
    JsonNode j = new ObjectMapper().readTree(r[1]);
    assertThat(j.get("spin_score").asDouble()).isBetween(0.0, 1.0);
    assertThat(j.get("phrases")).isNotEmpty();
    for (JsonNode p : j.get("phrases")) {
      int s = p.get("start").asInt();
      int e = p.get("end").asInt();
      assertThat(SPUN.substring(s, e)).isEqualTo(p.get("text").asText());
      assertThat(p.get("confidence").asDouble()).isBetween(0.0, 1.0);
      assertThat(p.has("alternatives") && p.has("evidence") && p.has("suggestion")).isTrue();
    }
    assertThat(j.get("restored_text").asText()).contains("authority said on Tuesday");
    assertThat(j.get("restored_text").asText()).contains("will be repaired", "will cost two");
  }

  @Test
  void rendersTheRestoredWordingReadablyWithoutColoursWhenAsked(@TempDir Path dir)
      throws Exception {
    Path spun = Files.writeString(dir.resolve("spun.txt"), SPUN);
    Path src = Files.writeString(dir.resolve("wire.txt"), SOURCE);
    String[] r = run("restore", spun.toString(), "--source", src.toString(), "--color", "never");
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1]).contains("spin score").contains("[repaired]{was: fixed}");
    assertThat(r[1]).doesNotContain("\u001b[");
  }

  @Test
  void reportsAMissingFileWithExitCode1(@TempDir Path dir) {
    String[] r = run("restore", dir.resolve("nope.txt").toString());
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[2]).contains("nope.txt");
  }
}
