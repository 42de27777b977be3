package org.wiretrace.fingerprint;

/**
 * Locality-sensitive hashing by banding MinHash signatures (Indyk and Motwani, STOC 1998; the
 * banding of Leskovec, Rajaraman, Ullman, "Mining of Massive Datasets", ch. 3): a signature of
 * {@code bands * rows} values is cut into {@code bands} bands whose {@code rows} values are hashed
 * to one key; two sets become candidates when any band key agrees, which happens with probability
 * {@code 1 - (1 - s^rows)^bands} for Jaccard similarity {@code s}.
 *
 * <p>The default 24 bands of 5 rows (120 hash functions) finds pairs of similarity 0.8 with
 * probability 0.99993 and 0.7 with 0.988, while pairs of similarity 0.3 become candidates with
 * probability 0.057 (every candidate is then verified). Immutable and thread-safe.
 */
public final class LshBands {
  /** Default number of bands. */
  public static final int DEFAULT_BANDS = 24;

  /** Default rows per band. */
  public static final int DEFAULT_ROWS = 5;

  private final int bands;
  private final int rows;

  public LshBands(int bands, int rows) {
    if (bands < 1 || rows < 1) {
      throw new IllegalArgumentException("bands and rows must be >= 1, got " + bands + "x" + rows);
    }
    this.bands = bands;
    this.rows = rows;
  }

  public int bands() {
    return bands;
  }

  public int rows() {
    return rows;
  }

  /** The signature length these bands need. */
  public int signatureLength() {
    return bands * rows;
  }

  /** Probability that two sets of Jaccard similarity {@code s} share at least one band key. */
  public double candidateProbability(double s) {
    return 1 - Math.pow(1 - Math.pow(s, rows), bands);
  }

  /** The band keys of {@code signature}; key {@code i} also encodes the band number. */
  public long[] keys(long[] signature) {
    if (signature.length != bands * rows) {
      throw new IllegalArgumentException(
          "signature has " + signature.length + " values, bands need " + bands * rows);
    }
    long[] keys = new long[bands];
    for (int band = 0; band < bands; band++) {
      long h = band + 1;
      for (int r = 0; r < rows; r++) {
        h = Hash64.combine(h, signature[band * rows + r]);
      }
      keys[band] = h;
    }
    return keys;
  }
}
