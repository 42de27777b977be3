package org.wiretrace.fingerprint;

import java.util.Arrays;
import org.wiretrace.text.Tokens;

/**
 * Word shingles (Broder, Glassman, Manasse, Zweig, "Syntactic clustering of the Web", WWW 1997):
 * the set of all runs of {@code k} consecutive normalised terms, each hashed to 64 bits, returned
 * sorted and without repeats.
 *
 * <p>Short documents are handled explicitly: a text of {@code 0 < n < k} words yields one shingle
 * over all its words (so two tiny texts share a shingle only when they read the same), and an empty
 * text yields the empty set (it matches nothing). Tiny texts therefore never collapse into one
 * common signature. Stateless and thread-safe.
 */
public final class Shingles {
  /** The default shingle length in words. */
  public static final int DEFAULT_K = 5;

  private Shingles() {}

  /** Per-token term hashes of {@code tokens}. */
  public static long[] termHashes(Tokens tokens) {
    long[] h = new long[tokens.size()];
    for (int i = 0; i < h.length; i++) {
      h[i] = Hash64.of(tokens.term(i));
    }
    return h;
  }

  /** The sorted, distinct hashes of the word {@code k}-shingles of {@code tokens}. */
  public static long[] of(Tokens tokens, int k) {
    return of(termHashes(tokens), k);
  }

  /** The sorted, distinct {@code k}-shingle hashes over precomputed term hashes. */
  public static long[] of(long[] termHashes, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("shingle length must be >= 1, got " + k);
    }
    int n = termHashes.length;
    if (n == 0) {
      return new long[0];
    }
    int len = Math.min(k, n);
    long[] out = new long[n - len + 1];
    for (int i = 0; i < out.length; i++) {
      long h = len;
      for (int j = 0; j < len; j++) {
        h = h * 0x9e3779b97f4a7c15L + termHashes[i + j];
        h ^= h >>> 29;
      }
      out[i] = Hash64.mix(h);
    }
    return SortedSets.distinct(out);
  }

  /** True when {@code hash} falls in the 1-in-{@code 2^bits} content-defined sample. */
  public static boolean sampled(long hash, int bits) {
    return bits == 0 || hash >>> (64 - bits) == 0;
  }

  /** The content-defined 1-in-{@code 2^bits} sample of sorted {@code shingles}, still sorted. */
  public static long[] sample(long[] shingles, int bits) {
    long[] out = new long[shingles.length];
    int m = 0;
    for (long s : shingles) {
      if (sampled(s, bits)) {
        out[m++] = s;
      }
    }
    return Arrays.copyOf(out, m);
  }
}
