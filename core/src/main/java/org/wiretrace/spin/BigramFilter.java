package org.wiretrace.spin;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A Bloom filter (Bloom 1970) of packed bigram keys: says whether a bigram was seen in the
 * reference corpora although its count was pruned from {@link PhraseStats}, with a small rate of
 * false positives and no false negatives. Immutable once built; thread-safe for reading.
 */
public final class BigramFilter {

  /** Bits per stored key (about 5.6% false positives with {@link #HASHES} hashes). */
  public static final int BITS_PER_KEY = 6;

  /** Number of hash functions. */
  public static final int HASHES = 4;

  private final long[] bits;
  private final long size;

  private BigramFilter(long[] bits) {
    this.bits = bits;
    this.size = (long) bits.length * 64;
  }

  /** An empty filter sized for {@code expected} keys. */
  public static BigramFilter sizedFor(int expected) {
    long nbits = Math.max(64, (long) expected * BITS_PER_KEY);
    return new BigramFilter(new long[(int) ((nbits + 63) / 64)]);
  }

  /** An empty filter that contains nothing. */
  public static BigramFilter empty() {
    return new BigramFilter(new long[1]);
  }

  /** Adds a key (not thread-safe: only while building). */
  public void add(long key) {
    long h1 = mix(key);
    long h2 = mix(h1 ^ 0x5DEECE66DL) | 1;
    for (int i = 0; i < HASHES; i++) {
      long b = Math.floorMod(h1 + i * h2, size);
      bits[(int) (b >>> 6)] |= 1L << (b & 63);
    }
  }

  /** True when the key was probably added; false when it certainly was not. */
  public boolean mightContain(long key) {
    long h1 = mix(key);
    long h2 = mix(h1 ^ 0x5DEECE66DL) | 1;
    for (int i = 0; i < HASHES; i++) {
      long b = Math.floorMod(h1 + i * h2, size);
      if ((bits[(int) (b >>> 6)] & (1L << (b & 63))) == 0) {
        return false;
      }
    }
    return true;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  /** Writes the filter. */
  public void write(DataOutput out) throws IOException {
    out.writeInt(bits.length);
    for (long b : bits) {
      out.writeLong(b);
    }
  }

  /** Reads a filter written by {@link #write}. */
  public static BigramFilter read(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < 1) {
      throw new IOException("bad bigram filter length " + n);
    }
    long[] bits = new long[n];
    for (int i = 0; i < n; i++) {
      bits[i] = in.readLong();
    }
    return new BigramFilter(bits);
  }
}
