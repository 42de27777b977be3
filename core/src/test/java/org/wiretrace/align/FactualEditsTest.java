package org.wiretrace.align;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wiretrace.text.Tokens;

class FactualEditsTest {

  /** Whether {@code a} replaced by {@code b} in mid-sentence is a factual substitution. */
  private static boolean factual(String a, String b) {
    Tokens ta = Tokens.of("He said " + a + " today.");
    Tokens tb = Tokens.of("He said " + b + " today.");
    return FactualEdits.factualWords(ta, 2, ta.size() - 1, tb, 2, tb.size() - 1) > 0;
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
        "Zorbists|Quaxists|true",
        "the Nikko unit|the new arm|false",
        "Cold War|Chilly Battle|false",
        "military aid|army assist|false",
        "urgent need|pressing want|false",
        "Defence|Protection|false",
        "said|stated|false"
      })
  void numbersDatesAndNamesAreFactualOrdinaryWordsAreNot(String a, String b, boolean factual) {
    assertThat(factual(a, b)).isEqualTo(factual);
  }

  @Test
  void aCapitalisedWordOpeningASentenceIsNoName() {
    Tokens a = Tokens.of("Zorbists said so.");
    Tokens b = Tokens.of("Quaxists said so.");
    assertThat(FactualEdits.factualWords(a, 0, 1, b, 0, 1)).isZero();
  }

  @Test
  void onlyTheFiguresAndNamesOfARunCountAsFactual() {
    Tokens a = Tokens.of("He said the Nikko unit sold 125 bonds today.");
    Tokens b = Tokens.of("He said the Berliner arm offered 50 bonds today.");
    // "Nikko unit sold 125" -> "Berliner arm offered 50": the name and the number are factual
    assertThat(FactualEdits.factualWords(a, 3, 7, b, 3, 7)).isEqualTo(2);
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
