package org.wiretrace.spark;

import java.util.Arrays;

/**
 * The articles holding one candidate key, as dense article numbers with a weight each, capped at
 * {@code max}: once more articles arrive the arrays are dropped and only the count is kept, so a
 * frequent key costs O(1) memory. A weight of 0 marks an article that holds the key without
 * querying on it (see {@link IndexQuery}). Primitive arrays, so a group ships compactly (Kryo).
 * Mutable (a Spark combiner); not thread-safe.
 */
final class Postings {

  private final int max;
  private int[] nums = new int[2];
  private float[] weights = new float[2];
  private int size;
  private long count;

  Postings(int max) {
    if (max < 2) {
      throw new IllegalArgumentException("max must be >= 2, got " + max);
    }
    this.max = max;
  }

  Postings add(int num, float weight) {
    count++;
    if (nums != null) {
      if (size >= max) {
        nums = null;
        weights = null;
      } else {
        if (size == nums.length) {
          nums = Arrays.copyOf(nums, size * 2);
          weights = Arrays.copyOf(weights, size * 2);
        }
        nums[size] = num;
        weights[size++] = weight;
      }
    }
    return this;
  }

  Postings merge(Postings other) {
    long c = count + other.count;
    if (other.nums == null) {
      nums = null;
      weights = null;
    } else {
      for (int i = 0; i < other.size && nums != null; i++) {
        add(other.nums[i], other.weights[i]);
      }
    }
    count = c;
    return this;
  }

  /** True when more than the cap held the key (the articles are then not known). */
  boolean overflowed() {
    return nums == null;
  }

  /** Articles that held the key (also after an overflow). */
  long count() {
    return count;
  }

  int size() {
    return nums == null ? 0 : size;
  }

  int num(int i) {
    return nums[i];
  }

  float weight(int i) {
    return weights[i];
  }
}
