package org.wiretrace.fingerprint;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * What Wiretrace remembers of a text to find its relatives: a MinHash signature and its LSH band
 * keys (near duplicates, Jaccard on word 5-shingles), a content-defined 1-in-8 sample of the
 * shingles (containment: excerpts and their sources), all shingles of short texts (which the sample
 * would leave nearly empty), and the spin-robust {@link SpinFeatures}.
 *
 * <p>The signature is kept as the upper 32 bits of each minimum (agreement by chance: 2^-32). All
 * arrays are sorted and distinct except the signature. Immutable by convention (arrays are not
 * copied on access, callers must not modify them); thread-safe.
 *
 * @param tokens number of words in the text
 * @param shingleCount number of distinct word shingles
 * @param signature the MinHash signature, 32 bits per function
 * @param bandKeys the LSH band keys (not serialised: they are index terms)
 * @param sample the sampled shingle hashes
 * @param shortShingles all shingle hashes when the text is short, else empty
 * @param spinGrams immutable n-gram hashes
 * @param nameGrams character-gram hashes of names and numbers
 */
public record Fingerprint(
    int tokens,
    int shingleCount,
    int[] signature,
    long[] bandKeys,
    long[] sample,
    long[] shortShingles,
    int[] spinGrams,
    int[] nameGrams) {

  private static final byte ENCODING = 1;

  /** Estimated Jaccard similarity of the two texts' shingle sets. */
  public double jaccard(Fingerprint other) {
    if (shingleCount == 0 || other.shingleCount == 0) {
      return 0;
    }
    return MinHash.similarity(signature, other.signature);
  }

  /**
   * Estimated share of this text's shingles found in {@code other}: exact on short texts, from the
   * content-defined sample otherwise.
   */
  public double containmentIn(Fingerprint other) {
    if (shortShingles.length > 0 && other.shortShingles.length > 0) {
      return SortedSets.containment(shortShingles, other.shortShingles);
    }
    if (shortShingles.length > 0) {
      // a short text against a long one: its sampled shingles, or the whole set if none sampled
      long[] mine = Shingles.sample(shortShingles, Fingerprinter.SAMPLE_BITS);
      return SortedSets.containment(mine, other.sample);
    }
    return SortedSets.containment(
        sample, other.shortShingles.length > 0 ? other.shortShingles : other.sample);
  }

  /** Share of this text's immutable n-grams found in {@code other}. */
  public double spinContainmentIn(Fingerprint other) {
    return SortedSets.containment(spinGrams, other.spinGrams);
  }

  /**
   * The immutable n-grams this text indexes and queries with ({@link SpinFeatures#indexedGrams}:
   * all of a short text's, a long text's lowest quarter of the hash order).
   */
  public int[] indexedSpinGrams() {
    return SpinFeatures.indexedGrams(spinGrams);
  }

  /** The binary form stored in the index (band keys excluded). */
  public byte[] encode() {
    int size =
        1
            + 4 * 2
            + 4 * 5
            + 4 * signature.length
            + 8 * sample.length
            + 8 * shortShingles.length
            + 4 * spinGrams.length
            + 4 * nameGrams.length;
    ByteBuffer b = ByteBuffer.allocate(size);
    b.put(ENCODING).putInt(tokens).putInt(shingleCount);
    b.putInt(signature.length);
    for (int v : signature) {
      b.putInt(v);
    }
    putLongs(b, sample);
    putLongs(b, shortShingles);
    putInts(b, spinGrams);
    putInts(b, nameGrams);
    return b.array();
  }

  /** Reads the binary form written by {@link #encode()}. */
  public static Fingerprint decode(byte[] bytes, int offset, int length) {
    ByteBuffer b = ByteBuffer.wrap(bytes, offset, length);
    byte enc = b.get();
    if (enc != ENCODING) {
      throw new IllegalArgumentException("unknown fingerprint encoding " + enc);
    }
    int tokens = b.getInt();
    int shingles = b.getInt();
    int[] sig = getInts(b);
    long[] sample = getLongs(b);
    long[] all = getLongs(b);
    int[] spin = getInts(b);
    int[] names = getInts(b);
    return new Fingerprint(tokens, shingles, sig, new long[0], sample, all, spin, names);
  }

  /**
   * Reads only the name grams of {@link #encode()}'s bytes, skipping the other arrays: what ranking
   * by shared names needs, without decoding the rest.
   */
  public static int[] decodeNameGrams(byte[] bytes, int offset, int length) {
    ByteBuffer b = ByteBuffer.wrap(bytes, offset, length);
    byte enc = b.get();
    if (enc != ENCODING) {
      throw new IllegalArgumentException("unknown fingerprint encoding " + enc);
    }
    b.position(b.position() + 8); // tokens, shingle count
    skip(b, 4); // signature
    skip(b, 8); // sample
    skip(b, 8); // short shingles
    skip(b, 4); // spin grams
    return getInts(b);
  }

  private static void skip(ByteBuffer b, int width) {
    int n = b.getInt();
    b.position(b.position() + n * width);
  }

  private static void putLongs(ByteBuffer b, long[] a) {
    b.putInt(a.length);
    for (long v : a) {
      b.putLong(v);
    }
  }

  private static void putInts(ByteBuffer b, int[] a) {
    b.putInt(a.length);
    for (int v : a) {
      b.putInt(v);
    }
  }

  // bulk copies through a view buffer (one swapping copy instead of a bounds-checked read per
  // value)
  private static long[] getLongs(ByteBuffer b) {
    long[] a = new long[b.getInt()];
    b.asLongBuffer().get(a);
    b.position(b.position() + 8 * a.length);
    return a;
  }

  private static int[] getInts(ByteBuffer b) {
    int[] a = new int[b.getInt()];
    b.asIntBuffer().get(a);
    b.position(b.position() + 4 * a.length);
    return a;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fingerprint f
        && tokens == f.tokens
        && shingleCount == f.shingleCount
        && Arrays.equals(signature, f.signature)
        && Arrays.equals(sample, f.sample)
        && Arrays.equals(shortShingles, f.shortShingles)
        && Arrays.equals(spinGrams, f.spinGrams)
        && Arrays.equals(nameGrams, f.nameGrams);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(signature) + tokens;
  }

  @Override
  public String toString() {
    return "Fingerprint[tokens="
        + tokens
        + ", shingles="
        + shingleCount
        + ", sample="
        + sample.length
        + ", spinGrams="
        + spinGrams.length
        + "]";
  }
}
