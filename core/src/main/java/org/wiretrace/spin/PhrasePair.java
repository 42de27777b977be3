package org.wiretrace.spin;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.wiretrace.text.Tokens;

/**
 * A tortured phrase and the phrase it replaced ({@code "information mining"} for {@code "data
 * mining"}), as listed by the Problematic Paper Screener (Cabanac, Labbé and Magazinov 2021).
 */
public record PhrasePair(String tortured, String expected) {

  private static final Pattern TRAILING_PAREN = Pattern.compile("\\s*\\([^()]*\\)\\s*$");

  public PhrasePair {
    if (tortured == null || tortured.isBlank()) {
      throw new IllegalArgumentException("empty tortured phrase");
    }
    if (expected == null) {
      throw new IllegalArgumentException("missing expected phrase for '" + tortured + "'");
    }
  }

  /** True when the expected phrase is known (the list marks unknown ones with question marks). */
  public boolean hasExpected() {
    return !expected.isBlank() && expected.indexOf('?') < 0;
  }

  /**
   * The words of a phrase as compared: lower case, a trailing parenthetical (an acronym such as
   * "(roi)") removed, split like {@link Tokens} (hyphens split words).
   */
  public static List<String> words(String phrase) {
    String s = TRAILING_PAREN.matcher(phrase.toLowerCase(Locale.ROOT)).replaceAll("");
    return List.of(Tokens.of(s).terms());
  }

  /** The comparable form of a phrase: {@link #words} joined by single spaces. */
  public static String comparable(String phrase) {
    return String.join(" ", words(phrase));
  }
}
