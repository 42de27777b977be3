package org.wiretrace.fingerprint;

/**
 * 64-bit hashing of terms and sequences: FNV-1a over UTF-16 code units finished with MurmurHash3's
 * {@code fmix64} avalanche (Appleby, public domain). Fast, allocation-free and stable across JVMs
 * and runs, so hashes may be stored on disk. Stateless and thread-safe.
 */
public final class Hash64 {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private Hash64() {}

  /** The MurmurHash3 64-bit finaliser: a bijection with full avalanche. */
  public static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  /** Hash of a character sequence. */
  public static long of(CharSequence s) {
    long h = FNV_OFFSET;
    for (int i = 0, n = s.length(); i < n; i++) {
      h ^= s.charAt(i);
      h *= FNV_PRIME;
    }
    return mix(h ^ s.length());
  }

  /** Hash of {@code s[from, to)}. */
  public static long of(CharSequence s, int from, int to) {
    long h = FNV_OFFSET;
    for (int i = from; i < to; i++) {
      h ^= s.charAt(i);
      h *= FNV_PRIME;
    }
    return mix(h ^ (to - from));
  }

  /** Order-dependent combination of a running hash with the next element. */
  public static long combine(long h, long next) {
    return mix(h * 0x9e3779b97f4a7c15L + next);
  }
}
