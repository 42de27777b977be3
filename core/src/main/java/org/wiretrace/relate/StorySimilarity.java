package org.wiretrace.relate;

import java.util.Arrays;
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

  static final Set<String> STOP =
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

  /**
   * The weighted, normalised term vector of an article: each distinct term (by its 64-bit hash)
   * weighs {@code 1 + log tf}, times {@link #NAME_WEIGHT} when any occurrence is a number or a
   * capitalised word not opening a sentence. Runs on primitive arrays: one hash per token, one
   * sort.
   */
  public static TermVector vector(Tokens t) {
    int n = t.size();
    long[] keys = new long[n];
    long[] named = new long[n];
    int m = 0;
    int nn = 0;
    for (int i = 0; i < n; i++) {
      String term = t.term(i);
      if (term.length() < 2 || STOP.contains(term)) {
        continue;
      }
      long h = hash(term);
      keys[m++] = h;
      if (t.isNumeric(i) || t.isCapitalized(i) && !t.startsSentence(i)) {
        named[nn++] = h;
      }
    }
    Arrays.sort(keys, 0, m);
    Arrays.sort(named, 0, nn);
    long[] terms = new long[m];
    double[] weights = new double[m];
    int d = 0;
    int k = 0;
    double norm = 0;
    for (int i = 0; i < m; ) {
      long h = keys[i];
      int j = i + 1;
      while (j < m && keys[j] == h) {
        j++;
      }
      double v = 1 + Math.log(j - i);
      while (k < nn && named[k] < h) {
        k++;
      }
      if (k < nn && named[k] == h) {
        v *= NAME_WEIGHT;
      }
      terms[d] = h;
      weights[d++] = v;
      norm += v * v;
      i = j;
    }
    double norm2 = Math.sqrt(norm);
    for (int i = 0; i < d; i++) {
      weights[i] = norm2 == 0 ? 0 : weights[i] / norm2;
    }
    return new TermVector(Arrays.copyOf(terms, d), Arrays.copyOf(weights, d));
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
