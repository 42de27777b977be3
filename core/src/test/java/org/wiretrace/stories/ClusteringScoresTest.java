package org.wiretrace.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusteringScoresTest {

  @Test
  void perfectClusteringScoresOne() {
    Map<String, String> gold = Map.of("a", "x", "b", "x", "c", "y");
    ClusteringScores s = ClusteringScores.of(gold, Map.of("a", 1, "b", 1, "c", 2));
    assertThat(s.bcubedF1()).isEqualTo(1.0);
    assertThat(s.pairF1()).isEqualTo(1.0);
  }

  @Test
  void oneBigClusterHasFullRecallAndLowPrecision() {
    Map<String, String> gold = Map.of("a", "x", "b", "x", "c", "y", "d", "y");
    ClusteringScores s = ClusteringScores.of(gold, Map.of("a", 1, "b", 1, "c", 1, "d", 1));
    assertThat(s.bcubedRecall()).isEqualTo(1.0);
    assertThat(s.bcubedPrecision()).isCloseTo(0.5, within(1e-9));
    assertThat(s.pairPrecision()).isCloseTo(2.0 / 6, within(1e-9));
  }
}
