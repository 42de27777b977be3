package org.wiretrace.stories;

/**
 * Hashes terms to non-negative ints for the hashed feature vectors ("hashing trick", Weinberger et
 * al., ICML 2009): fixed memory whatever the vocabulary. Stateless and thread-safe.
 */
final class TermHash {
  private TermHash() {}

  /** A well-mixed 31-bit hash of {@code term} in {@code space}. */
  static int of(FeatureSpace space, CharSequence term) {
    int h = space.seed();
    for (int i = 0; i < term.length(); i++) {
      h = 31 * h + term.charAt(i);
    }
    return mix(h) & 0x7fffffff;
  }

  /** The murmur3 finaliser. */
  static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
