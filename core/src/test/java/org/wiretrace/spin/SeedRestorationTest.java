package org.wiretrace.spin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The spun Reuters seed of ../shared: its tortured phrases are flagged and restored. */
class SeedRestorationTest {

  private static Path seed() {
    String shared = System.getProperty("wiretrace.shared", "../shared");
    return Path.of(shared, "seeds", "001_b98f72392e795dd1.txt");
  }

  @Test
  void flagsAndRestoresTheSpunPhrasesOfSeed001() throws Exception {
    Path seed = seed();
    assumeTrue(Files.isReadable(seed), "../shared absent: skipping the seed test (" + seed + ")");
    String text = Files.readString(seed);
    Restoration r = SpinDetector.standard().restore(text);
    Map<String, String> restored =
        r.phrases().stream()
            .collect(Collectors.toMap(SpunPhrase::text, SpunPhrase::suggestion, (a, b) -> a));
    assertThat(restored).containsEntry("pressing want", "urgent need");
    assertThat(restored).containsEntry("Chilly Battle", "Cold War");
    for (SpunPhrase p : r.phrases()) {
      assertThat(text.substring(p.start(), p.end())).isEqualTo(p.text());
    }
    assertThat(r.restoredText()).contains("Cold War mentality", "“urgent need”");
    assertThat(r.spinScore()).isGreaterThan(0.3);
  }
}
