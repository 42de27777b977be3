package org.wiretrace.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenizerTest {

  @Test
  void tokensCarryExactOffsetsIntoTheTextAsRead() {
    String text = "NATO’s Secretary-General said: “step up” aid by 3.5%.";
    Tokens t = Tokens.of(text);
    for (int i = 0; i < t.size(); i++) {
      assertThat(text.substring(t.start(i), t.end(i))).isEqualTo(t.surface(i));
    }
    assertThat(t.surface(0)).isEqualTo("NATO’s");
    assertThat(t.term(0)).isEqualTo("nato's");
    assertThat(t.term(1)).isEqualTo("secretary");
    assertThat(t.term(2)).isEqualTo("general");
    assertThat(t.surface(t.size() - 1)).isEqualTo("3.5");
    assertThat(t.isNumeric(t.size() - 1)).isTrue();
    assertThat(t.isCapitalized(0)).isTrue();
  }

  @Test
  void accentsAreFoldedInTermsOnly() {
    Tokens t = Tokens.of("Café Zürich");
    assertThat(t.surface(0)).isEqualTo("Café");
    assertThat(t.term(0)).isEqualTo("cafe");
    assertThat(t.term(1)).isEqualTo("zurich");
  }

  @Test
  void sentencesStartAfterTerminalPunctuationAndBlankLines() {
    Tokens t = Tokens.of("Title line\n\nFirst one. Second one! U.S. troops left. 3 more");
    int[] b = t.sentenceBounds();
    assertThat(b).containsExactly(0, 2, 4, 6, 9, 11);
  }

  @Test
  void emptyAndPunctuationOnlyTextsHaveNoTokens() {
    assertThat(Tokens.of("").size()).isZero();
    assertThat(Tokens.of(" … — !").size()).isZero();
    assertThat(Tokens.of("").sentenceBounds()).containsExactly(0);
  }
}
