package org.wiretrace.index;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The heaviest terms of an article's unit-length content-word vector (hashed terms ascending, one
 * weight each), kept in the store so that articles reporting the same story can be found without
 * reading their texts: {@link ArticleIndex#topicNeighbours} retrieves by the heaviest terms and
 * re-ranks by {@link #dot}. Because every weight is positive, the dot product of two truncated
 * vectors is a lower bound of the cosine of the full ones. Immutable and thread-safe.
 *
 * @param terms hashed terms, strictly ascending
 * @param weights their weights (the full vector has unit length)
 */
public record TopicVector(long[] terms, float[] weights) {

  /** Terms kept per article by {@link #of}. */
  public static final int DEFAULT_TERMS = 48;

  /** The empty vector. */
  public static final TopicVector EMPTY = new TopicVector(new long[0], new float[0]);

  public TopicVector {
    if (terms.length != weights.length) {
      throw new IllegalArgumentException(
          "terms and weights differ in length: " + terms.length + " vs " + weights.length);
    }
    for (int i = 1; i < terms.length; i++) {
      if (terms[i - 1] >= terms[i]) {
        throw new IllegalArgumentException("terms must be strictly ascending");
      }
    }
  }

  /**
   * The {@code maxTerms} heaviest of {@code terms} (strictly ascending) with {@code weights} (ties
   * broken by term, so the choice is deterministic).
   */
  public static TopicVector of(long[] terms, double[] weights, int maxTerms) {
    if (maxTerms < 0) {
      throw new IllegalArgumentException("maxTerms must be >= 0: " + maxTerms);
    }
    int n = terms.length;
    int[] order = top(weights, Math.min(n, maxTerms));
    Arrays.sort(order);
    long[] t = new long[order.length];
    float[] w = new float[order.length];
    for (int i = 0; i < order.length; i++) {
      t[i] = terms[order[i]];
      w[i] = (float) weights[order[i]];
    }
    return new TopicVector(t, w);
  }

  /** Indexes of the {@code k} largest of {@code w}, heaviest first (ties: lower index first). */
  private static int[] top(double[] w, int k) {
    Integer[] idx = new Integer[w.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> w[a] != w[b] ? Double.compare(w[b], w[a]) : Integer.compare(a, b));
    int[] out = new int[k];
    for (int i = 0; i < k; i++) {
      out[i] = idx[i];
    }
    return out;
  }

  public int size() {
    return terms.length;
  }

  /** The indexes of the {@code k} heaviest terms, heaviest first: the query terms. */
  public int[] heaviest(int k) {
    double[] w = new double[weights.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = weights[i];
    }
    return top(w, Math.min(k, w.length));
  }

  /** Dot product with {@code other} by a merge of the sorted term arrays, at most 1. */
  public double dot(TopicVector other) {
    double[] w = new double[other.weights.length];
    for (int j = 0; j < w.length; j++) {
      w[j] = other.weights[j];
    }
    return dot(other.terms, w);
  }

  /**
   * Dot product with a vector given as its sorted terms and their weights (a full content vector,
   * say, against this truncated one: a lower bound of their cosine), by a merge of the sorted term
   * arrays, at most 1.
   */
  public double dot(long[] otherTerms, double[] otherWeights) {
    long[] x = terms;
    int i = 0;
    int j = 0;
    double dot = 0;
    while (i < x.length && j < otherTerms.length) {
      if (x[i] == otherTerms[j]) {
        dot += otherWeights[j++] * weights[i++];
      } else if (x[i] < otherTerms[j]) {
        i++;
      } else {
        j++;
      }
    }
    return Math.min(1.0, dot);
  }

  /** The vector as bytes: count, terms, weights. */
  public byte[] encode() {
    ByteBuffer b = ByteBuffer.allocate(4 + 12 * terms.length);
    b.putInt(terms.length);
    for (long t : terms) {
      b.putLong(t);
    }
    for (float w : weights) {
      b.putFloat(w);
    }
    return b.array();
  }

  /** Reads {@link #encode()}'s bytes. */
  public static TopicVector decode(byte[] bytes, int offset, int length) {
    ByteBuffer b = ByteBuffer.wrap(bytes, offset, length);
    int n = b.getInt();
    if (n < 0 || n * 12L > b.remaining()) {
      throw new IllegalArgumentException("bad topic vector of " + n + " terms");
    }
    long[] t = new long[n];
    float[] w = new float[n];
    for (int i = 0; i < n; i++) {
      t[i] = b.getLong();
    }
    for (int i = 0; i < n; i++) {
      w[i] = b.getFloat();
    }
    return new TopicVector(t, w);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TopicVector v
        && Arrays.equals(terms, v.terms)
        && Arrays.equals(weights, v.weights);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(terms) + Arrays.hashCode(weights);
  }

  @Override
  public String toString() {
    return "TopicVector[" + terms.length + " terms]";
  }
}
