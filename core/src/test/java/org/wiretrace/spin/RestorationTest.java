package org.wiretrace.spin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wiretrace.text.Tokens;

class RestorationTest {

  private static SpunPhrase phrase(String text, String span, String suggestion, double conf) {
    int s = text.indexOf(span);
    return new SpunPhrase(s, s + span.length(), span, suggestion, List.of(), conf, "test");
  }

  @Test
  void keepsTheMostConfidentOfOverlappingPhrasesAndAppliesThemInOrder() {
    String text = "A chilly battle mentality and a pressing want.";
    Restoration r =
        Restoration.of(
            text,
            0.5,
            List.of(
                phrase(text, "battle mentality", "war mentality", 0.6),
                phrase(text, "chilly battle", "cold war", 0.9),
                phrase(text, "pressing want", "urgent need", 0.8)));
    assertThat(r.phrases())
        .extracting(SpunPhrase::text)
        .containsExactly("chilly battle", "pressing want");
    assertThat(r.restoredText()).isEqualTo("A cold war mentality and a urgent need.");
  }

  @Test
  void rejectsASpanThatDoesNotMatchItsText() {
    assertThatThrownBy(() -> new SpunPhrase(0, 3, "abcd", "x", List.of(), 0.5, ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SpunPhrase(0, 3, "abc", "x", List.of(), 1.5, ""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void stylesSuggestionsLikeTheOriginalPhrase() {
    Tokens t = Tokens.of("NATO Secretary-Normal and the Chilly Battle, a pressing want.");
    assertThat(Casing.styleLike(t, 1, 3, "secretary general")).isEqualTo("Secretary-General");
    assertThat(Casing.styleLike(t, 5, 7, "cold war")).isEqualTo("Cold War");
    assertThat(Casing.styleLike(t, 8, 10, "urgent need")).isEqualTo("urgent need");
    assertThat(Casing.styleLike(t, 5, 7, "conflict")).isEqualTo("Conflict");
  }
}
