package org.wiretrace.fingerprint;

import java.util.Arrays;

/**
 * Set operations on sorted arrays of distinct hashes (merge intersection, linear time, no
 * allocation). Stateless and thread-safe.
 */
public final class SortedSets {
  private SortedSets() {}

  /** Sorts {@code a} in place and returns its distinct values (possibly a new, shorter array). */
  public static long[] distinct(long[] a) {
    Arrays.sort(a);
    int m = 0;
    for (int i = 0; i < a.length; i++) {
      if (i == 0 || a[i] != a[i - 1]) {
        a[m++] = a[i];
      }
    }
    return m == a.length ? a : Arrays.copyOf(a, m);
  }

  /** Sorts {@code a} in place and returns its distinct values. */
  public static int[] distinct(int[] a) {
    Arrays.sort(a);
    int m = 0;
    for (int i = 0; i < a.length; i++) {
      if (i == 0 || a[i] != a[i - 1]) {
        a[m++] = a[i];
      }
    }
    return m == a.length ? a : Arrays.copyOf(a, m);
  }

  /** Size of the intersection of two sorted, distinct arrays. */
  public static int intersection(long[] a, long[] b) {
    int i = 0;
    int j = 0;
    int c = 0;
    // branch-free steps: hashes are random, so which side advances is unpredictable
    while (i < a.length && j < b.length) {
      long x = a[i];
      long y = b[j];
      c += x == y ? 1 : 0;
      i += x <= y ? 1 : 0;
      j += x >= y ? 1 : 0;
    }
    return c;
  }

  /** Size of the intersection of two sorted, distinct arrays. */
  public static int intersection(int[] a, int[] b) {
    int i = 0;
    int j = 0;
    int c = 0;
    // branch-free steps: hashes are random, so which side advances is unpredictable
    while (i < a.length && j < b.length) {
      int x = a[i];
      int y = b[j];
      c += x == y ? 1 : 0;
      i += x <= y ? 1 : 0;
      j += x >= y ? 1 : 0;
    }
    return c;
  }

  /** Exact Jaccard similarity {@code |a ∩ b| / |a ∪ b|}; 0 when both are empty. */
  public static double jaccard(long[] a, long[] b) {
    int inter = intersection(a, b);
    int union = a.length + b.length - inter;
    return union == 0 ? 0 : (double) inter / union;
  }

  /**
   * Containment {@code |a ∩ b| / |a|}: how much of {@code a} lies in {@code b}; 0 if a is empty.
   */
  public static double containment(long[] a, long[] b) {
    return a.length == 0 ? 0 : (double) intersection(a, b) / a.length;
  }

  /** Containment of {@code a} in {@code b} for int hashes. */
  public static double containment(int[] a, int[] b) {
    return a.length == 0 ? 0 : (double) intersection(a, b) / a.length;
  }
}
