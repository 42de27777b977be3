package org.wiretrace.fingerprint;

import org.wiretrace.text.Tokens;

/**
 * Computes a {@link Fingerprint} from a text's {@link Tokens}: word {@value Shingles#DEFAULT_K}
 * -shingles, a MinHash signature of {@code bands * rows} functions with its LSH band keys, the
 * 1-in-{@code 2^}{@value #SAMPLE_BITS} content-defined shingle sample, all shingles of texts with
 * fewer than {@value #SHORT_SHINGLES} shingles, and the spin-robust features. Immutable and
 * thread-safe; one instance serves all threads.
 */
public final class Fingerprinter {
  /** The shingle sample keeps hashes whose top bits are zero: 1 in 2^SAMPLE_BITS. */
  public static final int SAMPLE_BITS = 3;

  /** Texts with fewer distinct shingles than this keep all of them. */
  public static final int SHORT_SHINGLES = 64;

  private final int k;
  private final MinHash minHash;
  private final LshBands bands;
  private final int spinN;

  /** The default fingerprinter: 5-shingles, 24 x 5 LSH bands, immutable 4-grams. */
  public Fingerprinter() {
    this(
        Shingles.DEFAULT_K,
        new LshBands(LshBands.DEFAULT_BANDS, LshBands.DEFAULT_ROWS),
        SpinFeatures.DEFAULT_N);
  }

  public Fingerprinter(int k, LshBands bands, int spinN) {
    if (k < 1 || spinN < 1) {
      throw new IllegalArgumentException("shingle and n-gram lengths must be >= 1");
    }
    this.k = k;
    this.bands = bands;
    this.minHash = new MinHash(bands.signatureLength());
    this.spinN = spinN;
  }

  public int shingleLength() {
    return k;
  }

  public LshBands bands() {
    return bands;
  }

  /** The word shingles of {@code tokens} as this fingerprinter sees them. */
  public long[] shingles(Tokens tokens) {
    return Shingles.of(tokens, k);
  }

  /** The fingerprint of {@code tokens}. */
  public Fingerprint of(Tokens tokens) {
    long[] shingles = shingles(tokens);
    long[] keys;
    int[] sig;
    if (shingles.length == 0) {
      keys = new long[0];
      sig = new int[minHash.size()];
    } else {
      long[] full = minHash.signature(shingles);
      keys = bands.keys(full);
      sig = new int[full.length];
      for (int i = 0; i < full.length; i++) {
        sig[i] = (int) (full[i] >>> 32);
      }
    }
    long[] sample = Shingles.sample(shingles, SAMPLE_BITS);
    long[] all = shingles.length < SHORT_SHINGLES ? shingles : new long[0];
    return new Fingerprint(
        tokens.size(),
        shingles.length,
        sig,
        keys,
        sample,
        all,
        SpinFeatures.immutableGrams(tokens, spinN),
        SpinFeatures.nameGrams(tokens));
  }
}
