package org.wiretrace.fingerprint;

import java.util.SplittableRandom;

/**
 * MinHash signatures (Broder, "On the resemblance and containment of documents", SEQUENCES 1997):
 * for each of {@code n} hash functions the minimum over a set's elements; the fraction of positions
 * where two signatures agree is an unbiased estimate of the sets' Jaccard similarity, with standard
 * error {@code sqrt(J(1-J)/n)}.
 *
 * <p>The functions are {@code h_i(x) = a_i x + b_i mod 2^64} with odd {@code a_i} compared as
 * unsigned values, applied to elements already mixed by {@link Hash64}; the coefficients derive
 * from a fixed seed, so signatures are stable on disk. Immutable and thread-safe.
 */
public final class MinHash {
  /** The seed of the hash coefficients; part of the on-disk format. */
  public static final long SEED = 0x5717E7AC3L;

  private final long[] a;
  private final long[] b;

  /** A MinHash with {@code n} hash functions. */
  public MinHash(int n) {
    if (n < 1 || n > 4096) {
      throw new IllegalArgumentException("number of hash functions must be in [1, 4096], got " + n);
    }
    SplittableRandom r = new SplittableRandom(SEED);
    a = new long[n];
    b = new long[n];
    for (int i = 0; i < n; i++) {
      a[i] = r.nextLong() | 1L;
      b[i] = r.nextLong();
    }
  }

  public int size() {
    return a.length;
  }

  /**
   * The signature of a set of hashed elements; all {@code -1} (unsigned maximum) for the empty set.
   */
  public long[] signature(long[] elements) {
    int n = a.length;
    long[] sig = new long[n];
    // compare unsigned by flipping the sign bit: keep the flipped values, flip back at the end
    java.util.Arrays.fill(sig, Long.MAX_VALUE);
    for (long x : elements) {
      for (int i = 0; i < n; i++) {
        long v = (a[i] * x + b[i]) ^ Long.MIN_VALUE;
        if (v < sig[i]) {
          sig[i] = v;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      sig[i] ^= Long.MIN_VALUE;
    }
    return sig;
  }

  /** The fraction of agreeing positions: the Jaccard estimate of two signatures. */
  public static double similarity(long[] s, long[] t) {
    if (s.length != t.length) {
      throw new IllegalArgumentException(
          "signatures differ in length: " + s.length + " vs " + t.length);
    }
    int same = 0;
    for (int i = 0; i < s.length; i++) {
      if (s[i] == t[i]) {
        same++;
      }
    }
    return s.length == 0 ? 0 : (double) same / s.length;
  }

  /** The fraction of agreeing positions of two 32-bit truncated signatures. */
  public static double similarity(int[] s, int[] t) {
    if (s.length != t.length) {
      throw new IllegalArgumentException(
          "signatures differ in length: " + s.length + " vs " + t.length);
    }
    int same = 0;
    for (int i = 0; i < s.length; i++) {
      if (s[i] == t[i]) {
        same++;
      }
    }
    return s.length == 0 ? 0 : (double) same / s.length;
  }
}
