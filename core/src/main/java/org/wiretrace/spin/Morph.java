package org.wiretrace.spin;

/**
 * English inflection of nouns and verbs by suffix rules: reduces a word to a base form with its
 * inflection, and applies an inflection to another base form, so that a substitution learned or
 * found for "network" also serves "networks" ("organizations"). Stateless and thread-safe.
 */
public final class Morph {

  /** An inflection: none, plural/third person {@code -s}, {@code -ing}, {@code -ed}. */
  public enum Inflection {
    NONE,
    S,
    ING,
    ED
  }

  /** A base form with the inflection that produced the word. */
  public record Form(String base, Inflection inflection) {}

  private Morph() {}

  /** The likely base form of a lower-case word (the word itself when no rule applies). */
  public static Form analyse(String w) {
    int n = w.length();
    if (n > 4 && w.endsWith("ies")) {
      return new Form(w.substring(0, n - 3) + "y", Inflection.S);
    }
    if (n > 4
        && (w.endsWith("sses")
            || w.endsWith("xes")
            || w.endsWith("ches")
            || w.endsWith("shes")
            || w.endsWith("zes"))) {
      return new Form(w.substring(0, n - 2), Inflection.S);
    }
    if (n > 3
        && w.endsWith("s")
        && !w.endsWith("ss")
        && !w.endsWith("us")
        && !w.endsWith("is")
        && !w.endsWith("ics")) {
      return new Form(w.substring(0, n - 1), Inflection.S);
    }
    if (n > 5 && w.endsWith("ing")) {
      return new Form(stem(w.substring(0, n - 3)), Inflection.ING);
    }
    if (n > 4 && w.endsWith("ied")) {
      return new Form(w.substring(0, n - 3) + "y", Inflection.ED);
    }
    if (n > 4 && w.endsWith("ed") && !w.endsWith("eed")) {
      return new Form(stem(w.substring(0, n - 2)), Inflection.ED);
    }
    return new Form(w, Inflection.NONE);
  }

  private static String stem(String s) {
    int n = s.length();
    // doubled final consonant: "stopp" -> "stop"
    if (n > 3 && s.charAt(n - 1) == s.charAt(n - 2) && "bdgmnprt".indexOf(s.charAt(n - 1)) >= 0) {
      return s.substring(0, n - 1);
    }
    return s;
  }

  /** {@code base} with {@code inflection} applied to its last word. */
  public static String inflect(String base, Inflection inflection) {
    if (inflection == Inflection.NONE || base.isEmpty()) {
      return base;
    }
    int sp = base.lastIndexOf(' ');
    String head = base.substring(0, sp + 1);
    String w = base.substring(sp + 1);
    return head + inflectWord(w, inflection);
  }

  private static String inflectWord(String w, Inflection inflection) {
    int n = w.length();
    boolean consonantY = n > 1 && w.endsWith("y") && "aeiou".indexOf(w.charAt(n - 2)) < 0;
    switch (inflection) {
      case S:
        if (consonantY) {
          return w.substring(0, n - 1) + "ies";
        }
        if (w.endsWith("s") || w.endsWith("x") || w.endsWith("ch") || w.endsWith("sh")) {
          return w + "es";
        }
        return w + "s";
      case ING:
        if (w.endsWith("e") && !w.endsWith("ee") && n > 2) {
          return w.substring(0, n - 1) + "ing";
        }
        return w + "ing";
      case ED:
        if (consonantY) {
          return w.substring(0, n - 1) + "ied";
        }
        return w.endsWith("e") ? w + "d" : w + "ed";
      default:
        return w;
    }
  }
}
