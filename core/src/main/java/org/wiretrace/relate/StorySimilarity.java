package org.wiretrace.relate;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.wiretrace.text.Tokens;

/**
 * Cosine similarity of two articles' content words, with capitalised words (names, places) and
 * numbers weighted up: two reports of one event share their names, places and figures even when
 * they share no sentence. Sub-linear term frequency (1 + log tf). Stateless and thread-safe.
 */
public final class StorySimilarity {

  /** Weight of a capitalised (not sentence-initial) word or a number relative to a plain word. */
  public static final double NAME_WEIGHT = 3.0;

  private static final Set<String> STOP =
      Set.of(
          "the",
          "a",
          "an",
          "and",
          "or",
          "but",
          "of",
          "to",
          "in",
          "on",
          "at",
          "for",
          "with",
          "by",
          "from",
          "as",
          "is",
          "are",
          "was",
          "were",
          "be",
          "been",
          "being",
          "it",
          "its",
          "this",
          "that",
          "these",
          "those",
          "he",
          "she",
          "they",
          "we",
          "you",
          "i",
          "his",
          "her",
          "their",
          "our",
          "has",
          "have",
          "had",
          "not",
          "no",
          "will",
          "would",
          "can",
          "could",
          "said",
          "says",
          "also",
          "which",
          "who",
          "whom",
          "what",
          "when",
          "where",
          "than",
          "then",
          "there",
          "if",
          "into",
          "about",
          "after",
          "before",
          "over",
          "more",
          "most",
          "some",
          "such",
          "do",
          "does",
          "did",
          "so",
          "up",
          "out",
          "all",
          "one",
          "new",
          "mr",
          "ms",
          "s",
          "t",
          "year",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "last",
          "other");

  private StorySimilarity() {}

  /** Cosine of the two articles' weighted term vectors, 0..1. */
  public static double of(Tokens a, Tokens b) {
    return vector(a).cosine(vector(b));
  }

  /**
   * A unit-length sparse vector of term hashes, sorted, for fast repeated cosines: compute once per
   * article. Immutable.
   */
  public record TermVector(long[] terms, double[] weights) {

    /** Cosine with {@code other} by a merge of the sorted term arrays. */
    public double cosine(TermVector other) {
      long[] x = terms;
      long[] y = other.terms;
      int i = 0;
      int j = 0;
      double dot = 0;
      while (i < x.length && j < y.length) {
        if (x[i] == y[j]) {
          dot += weights[i++] * other.weights[j++];
        } else if (x[i] < y[j]) {
          i++;
        } else {
          j++;
        }
      }
      return Math.min(1.0, dot);
    }
  }

  /** The weighted, normalised term vector of an article. */
  public static TermVector vector(Tokens t) {
    Map<String, Integer> tf = new HashMap<>();
    Map<String, Boolean> named = new HashMap<>();
    for (int i = 0; i < t.size(); i++) {
      String term = t.term(i);
      if (term.length() < 2 || STOP.contains(term)) {
        continue;
      }
      tf.merge(term, 1, Integer::sum);
      if (t.isNumeric(i) || t.isCapitalized(i) && !t.startsSentence(i)) {
        named.put(term, Boolean.TRUE);
      }
    }
    long[] keys = new long[tf.size()];
    Map<Long, Double> w = new HashMap<>();
    int k = 0;
    double norm = 0;
    for (Map.Entry<String, Integer> e : tf.entrySet()) {
      double v = 1 + Math.log(e.getValue());
      if (named.containsKey(e.getKey())) {
        v *= NAME_WEIGHT;
      }
      long h = hash(e.getKey());
      keys[k++] = h;
      w.merge(h, v, Double::sum);
      norm += v * v;
    }
    Arrays.sort(keys);
    long[] uniq = Arrays.stream(keys).distinct().toArray();
    double[] weights = new double[uniq.length];
    double n = Math.sqrt(norm);
    for (int i = 0; i < uniq.length; i++) {
      weights[i] = n == 0 ? 0 : w.get(uniq[i]) / n;
    }
    return new TermVector(uniq, weights);
  }

  private static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }
}
