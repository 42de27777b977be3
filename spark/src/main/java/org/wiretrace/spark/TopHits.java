package org.wiretrace.spark;

import java.util.Arrays;

/**
 * The {@code k} best hits of one query article, as a bounded min-heap of packed longs: the hit's
 * score (a non-negative float, whose bits order as the floats do) in the upper 32 bits and the
 * complement of its article number in the lower 32, so that larger packed values are better hits
 * and equal scores prefer the lower article number (the lower content id). Mutable (a Spark
 * combiner); not thread-safe.
 */
final class TopHits {
  private final int k;
  private long[] heap;
  private int size;

  TopHits(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    this.k = k;
    this.heap = new long[Math.min(k, 8)];
  }

  /** The packed form of a hit. */
  static long pack(float score, int num) {
    if (!(score >= 0)) {
      throw new IllegalArgumentException("score must be >= 0, got " + score);
    }
    return ((long) Float.floatToIntBits(score) << 32) | (~num & 0xFFFFFFFFL);
  }

  static float score(long hit) {
    return Float.intBitsToFloat((int) (hit >>> 32));
  }

  static int num(long hit) {
    return ~(int) hit;
  }

  TopHits add(long hit) {
    if (size < k) {
      if (size == heap.length) {
        heap = Arrays.copyOf(heap, Math.min(k, size * 2));
      }
      heap[size] = hit;
      up(size++);
    } else if (hit > heap[0]) {
      heap[0] = hit;
      down(0);
    }
    return this;
  }

  TopHits merge(TopHits other) {
    for (int i = 0; i < other.size; i++) {
      add(other.heap[i]);
    }
    return this;
  }

  /** The kept hits, best first. */
  long[] best() {
    long[] out = Arrays.copyOf(heap, size);
    Arrays.sort(out);
    for (int i = 0, j = out.length - 1; i < j; i++, j--) {
      long t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return out;
  }

  private void up(int i) {
    while (i > 0) {
      int p = (i - 1) >>> 1;
      if (heap[p] <= heap[i]) {
        return;
      }
      swap(i, p);
      i = p;
    }
  }

  private void down(int i) {
    while (true) {
      int l = 2 * i + 1;
      if (l >= size) {
        return;
      }
      int m = l + 1 < size && heap[l + 1] < heap[l] ? l + 1 : l;
      if (heap[i] <= heap[m]) {
        return;
      }
      swap(i, m);
      i = m;
    }
  }

  private void swap(int i, int j) {
    long t = heap[i];
    heap[i] = heap[j];
    heap[j] = t;
  }
}
