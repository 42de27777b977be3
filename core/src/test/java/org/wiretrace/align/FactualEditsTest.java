package org.wiretrace.align;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FactualEditsTest {

  private static Edit substitution(String a, String b) {
    return new Edit(EditOp.SUBSTITUTE, 0, a.length(), 0, b.length(), 1, 1, a, b);
  }

  @ParameterizedTest(name = "{0} -> {1}: factual {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "125|50|true",
        "five|six|true",
        "March 25|November 2|true",
        "Tuesday|Friday|true",
        "paying 5-1/8|with a five|true",
        "Nikko Securities Co|IBJ International|true",
        "London|Luxembourg|true",
        "Cold War|Chilly Battle|false",
        "military aid|army assist|false",
        "urgent need|pressing want|false",
        "Defence|Protection|false",
        "said|stated|false"
      })
  void numbersDatesAndNamesAreFactualOrdinaryWordsAreNot(String a, String b, boolean factual) {
    assertThat(FactualEdits.isFactual(substitution(a, b))).isEqualTo(factual);
  }

  @ParameterizedTest(name = "kept {0}, substituted {1} ({2} factual), indels {3}: spin {4}")
  @CsvSource({
    "80, 20, 0, 0, true",
    "80, 20, 15, 0, false",
    "80, 20, 4, 10, true",
    "80, 20, 8, 10, false",
    "95, 5, 0, 0, false",
    "0, 0, 0, 0, false"
  })
  void spinNeedsEnoughNonFactualSubstitutions(
      int kept, int subs, int factual, int indels, boolean spin) {
    assertThat(FactualEdits.isSpin(kept, subs, factual, indels, 0.15)).isEqualTo(spin);
  }
}
