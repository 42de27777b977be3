package org.wiretrace.spin;

import java.util.List;
import java.util.Locale;
import org.wiretrace.text.Tokens;

/**
 * Writes a lower-case suggestion in the manner of the phrase it replaces: the capitalisation of
 * each word and, when the number of words is the same, the separators between them ("Chilly Battle"
 * to "Cold War", "Secretary-Normal" to "Secretary-General"). Stateless and thread-safe.
 */
public final class Casing {
  private Casing() {}

  /**
   * {@code suggestion} (words separated by spaces) styled like {@code original}, whose words are
   * tokens {@code [from, to)} of {@code t}.
   */
  public static String styleLike(Tokens t, int from, int to, String suggestion) {
    String[] words = suggestion.split(" ");
    int n = to - from;
    boolean allCaps = true;
    boolean allCapitalised = true;
    for (int i = from; i < to; i++) {
      String s = t.surface(i);
      allCaps &= s.length() > 1 && s.equals(s.toUpperCase(Locale.ROOT));
      allCapitalised &= t.isCapitalized(i);
    }
    boolean firstCapitalised = t.isCapitalized(from);
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < words.length; k++) {
      String w = words[k];
      if (allCaps) {
        w = w.toUpperCase(Locale.ROOT);
      } else if (allCapitalised || k == 0 && firstCapitalised) {
        w = capitalise(w);
      }
      if (k > 0) {
        sb.append(words.length == n ? separator(t, from + k) : " ");
      }
      sb.append(w);
    }
    return sb.toString();
  }

  /** The suggestion's words with each first letter in upper case. */
  public static String titleCase(List<String> words) {
    StringBuilder sb = new StringBuilder();
    for (String w : words) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(capitalise(w));
    }
    return sb.toString();
  }

  private static String separator(Tokens t, int i) {
    return t.text().substring(t.end(i - 1), t.start(i));
  }

  private static String capitalise(String w) {
    return w.isEmpty() ? w : w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1);
  }
}
