package org.wiretrace.align.pan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wiretrace.align.RepairedText;

class PanDetectorTest {

  private static final String PASSAGE =
      "Mayor Ellen Brooks said the city’s plan would fund twelve bridges and four schools by next"
          + " spring. Opposition members argued that the “harbour project” had been pushed aside"
          + " without any vote, and a public hearing is planned for March in Dunmore.";

  private static String mojibake(String s) {
    return new String(
        s.getBytes(StandardCharsets.UTF_8), java.nio.charset.Charset.forName("windows-1252"));
  }

  @Test
  void misEncodedCopyIsFoundWithRawOffsets() {
    String source = "Heavy snow closed the passes. " + PASSAGE + " Nothing else happened.";
    String susp = "Skiers stayed indoors all week long. " + mojibake(PASSAGE) + " The end.";
    List<PanFeature> found = PanDetector.standard().detect(source, susp, "source-1.txt");
    assertThat(found).hasSize(1);
    PanFeature f = found.get(0);
    String copied = susp.substring(f.thisOffset(), f.thisEnd());
    assertThat(copied).startsWith("Mayor").endsWith("Dunmore.");
    assertThat(copied).isEqualTo(mojibake(PASSAGE));
    assertThat(source.substring(f.sourceOffset(), f.sourceEnd())).isEqualTo(PASSAGE);
  }

  @Test
  void repairedOffsetsMapBackToRaw() {
    String raw = "caf" + mojibake("é") + " and " + mojibake("’") + "x";
    RepairedText t = RepairedText.of(raw);
    assertThat(t.text()).isEqualTo("café and ’x");
    assertThat(t.toRaw(t.text().indexOf("and"), false)).isEqualTo(raw.indexOf("and"));
    assertThat(t.toRaw(t.text().length(), true)).isEqualTo(raw.length());
    assertThat(t.toRaw(3, false)).isEqualTo(3);
    assertThat(t.toRaw(4, true)).isEqualTo(5);
  }
}
