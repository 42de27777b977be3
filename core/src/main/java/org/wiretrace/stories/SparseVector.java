package org.wiretrace.stories;

import java.util.Arrays;

/**
 * An immutable sparse vector over hashed terms: keys strictly ascending, one weight each.
 * Thread-safe.
 */
public record SparseVector(int[] keys, float[] values) {

  /** The empty vector. */
  public static final SparseVector EMPTY = new SparseVector(new int[0], new float[0]);

  public SparseVector {
    if (keys.length != values.length) {
      throw new IllegalArgumentException(
          "keys and values differ in length: " + keys.length + " vs " + values.length);
    }
  }

  /** Builds a vector from unsorted keys with repeats: repeated keys add their values. */
  static SparseVector ofCounts(int[] rawKeys, int n) {
    if (n == 0) {
      return EMPTY;
    }
    int[] sorted = Arrays.copyOf(rawKeys, n);
    Arrays.sort(sorted);
    int[] keys = new int[n];
    float[] values = new float[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (m > 0 && keys[m - 1] == sorted[i]) {
        values[m - 1] += 1f;
      } else {
        keys[m] = sorted[i];
        values[m] = 1f;
        m++;
      }
    }
    for (int i = 0; i < m; i++) {
      values[i] = 1f + (float) Math.log(values[i]); // sublinear tf
    }
    return new SparseVector(Arrays.copyOf(keys, m), Arrays.copyOf(values, m));
  }

  public int size() {
    return keys.length;
  }

  public boolean isEmpty() {
    return keys.length == 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SparseVector v
        && Arrays.equals(keys, v.keys)
        && Arrays.equals(values, v.values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(keys) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "SparseVector[" + keys.length + " terms]";
  }
}
