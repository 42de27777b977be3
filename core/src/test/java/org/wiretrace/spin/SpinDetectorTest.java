package org.wiretrace.spin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Intrinsic detection on spun and plain sentences written for this test. */
class SpinDetectorTest {

  private static final SpinDetector DETECTOR = SpinDetector.standard();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "The hospital said there is a pressing want for nurses this winter.|pressing want|urgent need",
        "The mayor promised a better catastrophe response before the storm season."
            + "|catastrophe response|disaster response",
        "The overseas ministry declined to comment on the report.|overseas ministry|foreign ministry"
      })
  void restoresHandSpunSentences(String sentence, String spun, String original) {
    Restoration r = DETECTOR.restore(sentence);
    assertThat(r.phrases()).hasSize(1);
    SpunPhrase p = r.phrases().get(0);
    assertThat(p.text()).isEqualTo(spun);
    assertThat(p.suggestion()).isEqualTo(original);
    assertThat(sentence.substring(p.start(), p.end())).isEqualTo(spun);
    assertThat(p.confidence()).isBetween(DetectorDefaults.MIN_CONFIDENCE, 1.0);
    assertThat(p.evidence()).contains("corpus:");
    assertThat(r.restoredText()).isEqualTo(sentence.replace(spun, original));
    assertThat(r.spinScore()).isGreaterThan(0);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Officials met in the capital on Monday to discuss the budget for next year.",
        "The river flooded the old town after three days of heavy rain, the mayor said.",
        "Shares of the company rose sharply after it reported strong quarterly profits.",
        "The minister told reporters that talks with the unions would resume in March.",
        "Police said the driver was taken to hospital with minor injuries after the crash."
      })
  void leavesPlainNewsAlone(String sentence) {
    Restoration r = DETECTOR.restore(sentence);
    assertThat(r.phrases()).isEmpty();
    assertThat(r.restoredText()).isEqualTo(sentence);
    assertThat(r.spinScore()).isZero();
  }

  @Test
  void keepsTheCapitalisationOfANamedPhrase() {
    String s = "Analysts warned of a new Chilly Battle between the two powers.";
    Restoration r = DETECTOR.restore(s);
    assertThat(r.restoredText())
        .isEqualTo("Analysts warned of a new Cold War between the two powers.");
  }

  @Test
  void rejectsFunctionWordSwaps() {
    assertThat(
            SpinDetector.plausibleSubstitution(
                java.util.List.of("first", "biotechnology"), new String[] {"get", "it"}))
        .isFalse();
    assertThat(
            SpinDetector.plausibleSubstitution(
                java.util.List.of("pressing", "want"), new String[] {"urgent", "need"}))
        .isTrue();
  }

  /** The detector's default confidence floor, named for the assertions above. */
  private static final class DetectorDefaults {
    static final double MIN_CONFIDENCE = SpinDetector.Settings.DEFAULT.minConfidence();
  }
}
