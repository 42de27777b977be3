package org.wiretrace.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The articles sharing one candidate key, with their weights, capped at {@code max}: once more
 * articles arrive the list is dropped and only the overflow is remembered, so a frequent key costs
 * O(1) memory. Mutable (a Spark combiner); not thread-safe.
 */
final class Postings implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int max;
  private List<String> ids = new ArrayList<>(2);
  private List<Double> weights = new ArrayList<>(2);
  private long count;

  Postings(int max) {
    this.max = max;
  }

  Postings add(String id, double weight) {
    count++;
    if (ids != null) {
      if (ids.size() >= max) {
        ids = null;
        weights = null;
      } else {
        ids.add(id);
        weights.add(weight);
      }
    }
    return this;
  }

  Postings merge(Postings other) {
    if (other.ids == null) {
      ids = null;
      weights = null;
    } else {
      for (int i = 0; i < other.ids.size() && ids != null; i++) {
        add(other.ids.get(i), other.weights.get(i));
        count--;
      }
    }
    count += other.count;
    return this;
  }

  boolean overflowed() {
    return ids == null;
  }

  long count() {
    return count;
  }

  List<String> ids() {
    return ids;
  }

  List<Double> weights() {
    return weights;
  }
}
