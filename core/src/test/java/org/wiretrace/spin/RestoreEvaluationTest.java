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
}
