package org.wiretrace.text;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Splits text into words with their offsets into the text as read. A word is a maximal run of
 * letters and digits; an apostrophe (straight or typographic) or a period between two letters or
 * digits stays inside it ({@code don’t}, {@code 3.5}, {@code U.S}), hyphens split ({@code
 * Secretary-General} is two words). Terms are lower-cased with accents and apostrophes folded.
 *
 * <p>Sentence starts are marked after {@code .}, {@code !}, {@code ?} followed by white space and
 * an upper-case letter, digit or quote, and after blank lines. Stateless and thread-safe.
 */
public final class Tokenizer {

  private Tokenizer() {}

  /** Tokenizes {@code text}. */
  public static Tokens tokenize(String text) {
    int n = text.length();
    int cap = Math.max(16, n / 5);
    int[] starts = new int[cap];
    int[] ends = new int[cap];
    String[] terms = new String[cap];
    byte[] flags = new byte[cap];
    int count = 0;
    boolean sentenceStart = true;
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        if ((c == '.' || c == '!' || c == '?') && endsSentence(text, i)) {
          sentenceStart = true;
        } else if (c == '\n' && i + 1 < n && blankLineFollows(text, i + 1)) {
          sentenceStart = true;
        }
        i++;
        continue;
      }
      int s = i;
      boolean digits = true;
      boolean plain = true;
      while (i < n) {
        char d = text.charAt(i);
        if (Character.isLetterOrDigit(d)) {
          digits &= Character.isDigit(d);
          plain &= d < 0x80 && !(d >= 'A' && d <= 'Z');
          i++;
        } else if ((d == '\'' || d == '’' || d == '.' || d == ',' && digits)
            && i + 1 < n
            && Character.isLetterOrDigit(text.charAt(i + 1))
            && (d != '.' || isAbbrevOrNumberDot(text, s, i))) {
          plain = false;
          i++;
        } else {
          break;
        }
      }
      if (count == starts.length) {
        int grown = count * 2;
        starts = Arrays.copyOf(starts, grown);
        ends = Arrays.copyOf(ends, grown);
        terms = Arrays.copyOf(terms, grown);
        flags = Arrays.copyOf(flags, grown);
      }
      starts[count] = s;
      ends[count] = i;
      String surface = text.substring(s, i);
      terms[count] = plain ? surface : normalize(surface);
      byte f = 0;
      if (Character.isUpperCase(c)) {
        f |= Tokens.CAPITALIZED;
      }
      if (digits || Character.isDigit(c)) {
        f |= Tokens.NUMERIC;
      }
      if (sentenceStart) {
        f |= Tokens.SENTENCE_START;
        sentenceStart = false;
      }
      flags[count] = f;
      count++;
    }
    return new Tokens(
        text,
        Arrays.copyOf(starts, count),
        Arrays.copyOf(ends, count),
        Arrays.copyOf(terms, count),
        Arrays.copyOf(flags, count));
  }

  /** The normalised form of one word: lower case, no accents, apostrophes folded to {@code '}. */
  public static String normalize(String word) {
    String s = word.toLowerCase(Locale.ROOT).replace('’', '\'');
    boolean ascii = true;
    for (int k = 0; k < s.length(); k++) {
      if (s.charAt(k) >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return s;
    }
    String d = Normalizer.normalize(s, Normalizer.Form.NFD);
    StringBuilder sb = new StringBuilder(d.length());
    for (int k = 0; k < d.length(); k++) {
      char ch = d.charAt(k);
      if (Character.getType(ch) != Character.NON_SPACING_MARK) {
        sb.append(ch);
      }
    }
    return sb.toString();
  }

  private static boolean isAbbrevOrNumberDot(String text, int wordStart, int dot) {
    // 3.5 or U.S.: a dot inside a number, or after a single letter
    return Character.isDigit(text.charAt(dot - 1)) && Character.isDigit(text.charAt(dot + 1))
        || dot - wordStart == 1
        || dot >= 2 && text.charAt(dot - 2) == '.';
  }

  private static boolean endsSentence(String text, int i) {
    int j = i + 1;
    int n = text.length();
    while (j < n
        && (text.charAt(j) == '"'
            || text.charAt(j) == '”'
            || text.charAt(j) == '’'
            || text.charAt(j) == ')')) {
      j++;
    }
    if (j >= n || !Character.isWhitespace(text.charAt(j))) {
      return j >= n;
    }
    while (j < n && Character.isWhitespace(text.charAt(j))) {
      j++;
    }
    if (j >= n) {
      return true;
    }
    char c = text.charAt(j);
    return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '“' || c == '‘';
  }

  private static boolean blankLineFollows(String text, int i) {
    int j = i;
    while (j < text.length() && text.charAt(j) != '\n' && Character.isWhitespace(text.charAt(j))) {
      j++;
    }
    return j < text.length() && text.charAt(j) == '\n';
  }
}
