package org.wiretrace.spin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RestoreEvaluationTest {

  @Test
  void reachCountsTheOriginalAnywhereAmongTheFirstK() {
    PhrasePair a = new PhrasePair("chilly battle", "cold war");
    PhrasePair b = new PhrasePair("pressing want", "urgent need");
    PhrasePair unknown = new PhrasePair("bogus phrase", "???");
    RestoreEvaluation.Score s =
        RestoreEvaluation.summarise(
            List.of(
                new RestoreEvaluation.Prediction(a, List.of("cold war")),
                new RestoreEvaluation.Prediction(
                    b,
                    List.of(
                        "urgent care", "pressing need", "acute want", "dire need", "urgent need")),
                new RestoreEvaluation.Prediction(unknown, List.of("x"))));
    assertThat(s.scored()).isEqualTo(2);
    assertThat(s.skipped()).isEqualTo(1);
    assertThat(s.top1()).isEqualTo(0.5);
    assertThat(s.top3()).isEqualTo(0.5);
    assertThat(RestoreEvaluation.reach(s, 5)).isEqualTo(1.0);
    assertThat(RestoreEvaluation.reach(s, 4)).isEqualTo(0.5);
  }

  @Test
  void foldsAreBalancedAndReproducible() {
    int[] f = RestoreEvaluation.folds(23, 5);
    assertThat(f).containsExactly(RestoreEvaluation.folds(23, 5));
    int[] size = new int[5];
    for (int x : f) {
      size[x]++;
    }
    assertThat(size).containsOnly(4, 5);
  }

  @Test
  void outsideLeavesTheNamedFoldsOut() {
    List<PhrasePair> pairs = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      pairs.add(new PhrasePair("a" + i, "b" + i));
    }
    int[] fold = {0, 1, 2, 0, 1, 2, 0, 1, 2, 0};
    assertThat(RestoreEvaluation.outside(pairs, fold, 0, 2))
        .containsExactly(pairs.get(1), pairs.get(4), pairs.get(7));
  }
}
