package org.wiretrace.spark;

/**
 * Pairs of dense article numbers packed into one {@code long} (the first in the upper 32 bits), the
 * shuffle key of the candidate stages: 8 bytes instead of two id strings. Stateless.
 */
final class Pairs {
  private Pairs() {}

  /** The ordered pair (first, second). */
  static long of(int first, int second) {
    return ((long) first << 32) | (second & 0xFFFFFFFFL);
  }

  /** The unordered pair {x, y}, smaller number first. */
  static long unordered(int x, int y) {
    return x < y ? of(x, y) : of(y, x);
  }

  static int first(long pair) {
    return (int) (pair >>> 32);
  }

  static int second(long pair) {
    return (int) pair;
  }
}
