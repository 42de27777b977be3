package org.wiretrace.ingest.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShingleMatchTest {

  @Test
  void tokensAreRunsOfLettersDigitsAndUnderscores() {
    assertThat(ShingleMatch.tokens("It's 12.5% — naïve_x, 北京!"))
        .containsExactly("It", "s", "12", "5", "naïve_x", "北京");
  }

  @Test
  void identicalTextsScorePerfectly() {
    ShingleMatch m =
        ShingleMatch.of("one two three four five six", "one two  three, four five six");
    assertThat(m.precision()).isEqualTo(1.0);
    assertThat(m.recall()).isEqualTo(1.0);
  }

  @Test
  void extraAndMissingShinglesCountAsFalsePositivesAndNegatives() {
    // truth: 6 tokens -> 3 shingles; prediction adds 2 tokens -> 5 shingles, 3 shared
    ShingleMatch m = ShingleMatch.of("a b c d e f", "a b c d e f g h");
    assertThat(m.tp() * 5).isCloseTo(3, within(1e-9));
    assertThat(m.fp() * 5).isCloseTo(2, within(1e-9));
    assertThat(m.precision()).isCloseTo(0.6, within(1e-9));
    assertThat(m.recall()).isEqualTo(1.0);
    ShingleMatch missed = ShingleMatch.of("a b c d e f", "");
    assertThat(missed.recall()).isZero();
    assertThat(missed.hasPrediction()).isFalse();
  }

  @Test
  void shortTextsAreOneShingle() {
    assertThat(ShingleMatch.of("two words", "two words").precision()).isEqualTo(1.0);
    assertThat(ShingleMatch.of("two words", "two other").recall()).isZero();
  }

  @Test
  void scoreAveragesPagesThenTakesTheHarmonicMean() {
    ExtractionScore s =
        ExtractionScore.of(
            List.of(
                ShingleMatch.of("a b c d e f", "a b c d e f g h"), ShingleMatch.of("a b c d", "")));
    assertThat(s.precision()).isCloseTo(0.6, within(1e-9)); // the empty prediction is not averaged
    assertThat(s.recall()).isCloseTo(0.5, within(1e-9));
    assertThat(s.f1()).isCloseTo(2 * 0.6 * 0.5 / 1.1, within(1e-9));
  }
}
