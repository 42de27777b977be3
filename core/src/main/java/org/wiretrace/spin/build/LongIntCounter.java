package org.wiretrace.spin.build;

import java.util.Arrays;

/**
 * Counts of {@code long} keys in an open-addressing hash table on primitive arrays (linear probing,
 * doubling at 60% load). Key {@code Long.MIN_VALUE} is reserved as the empty marker. Not
 * thread-safe.
 */
final class LongIntCounter {
  private static final long EMPTY = Long.MIN_VALUE;
  private long[] keys;
  private int[] counts;
  private int size;
  private int mask;

  LongIntCounter(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[cap];
    Arrays.fill(keys, EMPTY);
    counts = new int[cap];
    mask = cap - 1;
  }

  void add(long key) {
    if (key == EMPTY) {
      throw new IllegalArgumentException("reserved key");
    }
    int i = slot(key);
    while (true) {
      long k = keys[i];
      if (k == key) {
        counts[i]++;
        return;
      }
      if (k == EMPTY) {
        keys[i] = key;
        counts[i] = 1;
        if (++size * 5L > keys.length * 3L) {
          grow();
        }
        return;
      }
      i = (i + 1) & mask;
    }
  }

  int size() {
    return size;
  }

  /** The entries with a count of at least {@code min}, as {key, count} sorted by key. */
  long[][] atLeast(int min) {
    int n = 0;
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY && counts[i] >= min) {
        n++;
      }
    }
    long[] k = new long[n];
    int j = 0;
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY && counts[i] >= min) {
        k[j++] = keys[i];
      }
    }
    Arrays.sort(k);
    long[] c = new long[n];
    for (int t = 0; t < n; t++) {
      c[t] = count(k[t]);
    }
    return new long[][] {k, c};
  }

  /** Histogram helper: how many keys have a count of at least {@code min}. */
  int countAtLeast(int min) {
    int n = 0;
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY && counts[i] >= min) {
        n++;
      }
    }
    return n;
  }

  int count(long key) {
    int i = slot(key);
    while (true) {
      long k = keys[i];
      if (k == key) {
        return counts[i];
      }
      if (k == EMPTY) {
        return 0;
      }
      i = (i + 1) & mask;
    }
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private void grow() {
    long[] oldK = keys;
    int[] oldC = counts;
    keys = new long[oldK.length * 2];
    Arrays.fill(keys, EMPTY);
    counts = new int[oldK.length * 2];
    mask = keys.length - 1;
    for (int i = 0; i < oldK.length; i++) {
      if (oldK[i] != EMPTY) {
        int s = slot(oldK[i]);
        while (keys[s] != EMPTY) {
          s = (s + 1) & mask;
        }
        keys[s] = oldK[i];
        counts[s] = oldC[i];
      }
    }
  }
}
