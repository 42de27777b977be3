package org.wiretrace.stories;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The sum of a story's unit-length term vectors in one feature space, as an open-addressing hash
 * map from hashed term to weight on primitive arrays (the per-cluster centroid of Miranda et al.,
 * EMNLP 2018). Not thread-safe: owned by one {@link StoryClusterer}.
 */
final class Centroid {
  private static final int EMPTY = -1;

  private int[] keys;
  private float[] values;
  private int size;
  private double norm; // tf-idf L2 norm as of the last refresh

  Centroid() {
    keys = new int[16];
    java.util.Arrays.fill(keys, EMPTY);
    values = new float[16];
  }

  int size() {
    return size;
  }

  float get(int key) {
    int mask = keys.length - 1;
    int i = TermHash.mix(key) & mask;
    while (true) {
      int k = keys[i];
      if (k == key) {
        return values[i];
      }
      if (k == EMPTY) {
        return 0f;
      }
      i = (i + 1) & mask;
    }
  }

  void add(int key, float value) {
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int i = TermHash.mix(key) & mask;
    while (true) {
      int k = keys[i];
      if (k == key) {
        values[i] += value;
        return;
      }
      if (k == EMPTY) {
        keys[i] = key;
        values[i] = value;
        size++;
        return;
      }
      i = (i + 1) & mask;
    }
  }

  /** Adds {@code v} scaled to unit tf-idf length under {@code stats}. */
  void addUnit(SparseVector v, TermStatistics stats) {
    int[] k = v.keys();
    float[] w = v.values();
    double sq = 0;
    for (int i = 0; i < k.length; i++) {
      double x = w[i] * stats.idf(k[i]);
      sq += x * x;
    }
    if (sq == 0) {
      return;
    }
    float scale = (float) (1.0 / Math.sqrt(sq));
    for (int i = 0; i < k.length; i++) {
      add(k[i], w[i] * scale);
    }
  }

  void addAll(Centroid other) {
    for (int i = 0; i < other.keys.length; i++) {
      if (other.keys[i] != EMPTY) {
        add(other.keys[i], other.values[i]);
      }
    }
  }

  /** Recomputes the tf-idf norm under the current {@code stats}. */
  void refresh(TermStatistics stats) {
    double sq = 0;
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY) {
        double x = values[i] * stats.idf(keys[i]);
        sq += x * x;
      }
    }
    norm = Math.sqrt(sq);
  }

  /** Cosine of the tf-idf forms of {@code v} and this centroid. */
  double cosine(SparseVector v, TermStatistics stats) {
    if (norm == 0 || v.isEmpty()) {
      return 0;
    }
    int[] k = v.keys();
    float[] w = v.values();
    double dot = 0;
    double sq = 0;
    for (int i = 0; i < k.length; i++) {
      double idf = stats.idf(k[i]);
      double x = w[i] * idf;
      sq += x * x;
      float c = get(k[i]);
      if (c != 0f) {
        dot += x * c * idf;
      }
    }
    return sq == 0 ? 0 : dot / (Math.sqrt(sq) * norm);
  }

  /** Cosine of the tf-idf forms of two centroids. */
  double cosine(Centroid other, TermStatistics stats) {
    if (norm == 0 || other.norm == 0) {
      return 0;
    }
    Centroid small = size <= other.size ? this : other;
    Centroid large = small == this ? other : this;
    double dot = 0;
    for (int i = 0; i < small.keys.length; i++) {
      int k = small.keys[i];
      if (k != EMPTY) {
        float c = large.get(k);
        if (c != 0f) {
          double idf = stats.idf(k);
          dot += small.values[i] * c * idf * idf;
        }
      }
    }
    return dot / (norm * other.norm);
  }

  private void grow() {
    int[] oldKeys = keys;
    float[] oldValues = values;
    keys = new int[oldKeys.length * 2];
    java.util.Arrays.fill(keys, EMPTY);
    values = new float[oldKeys.length * 2];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        add(oldKeys[i], oldValues[i]);
      }
    }
  }

  void write(DataOutput out) throws IOException {
    out.writeInt(size);
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY) {
        out.writeInt(keys[i]);
        out.writeFloat(values[i]);
      }
    }
  }

  static Centroid read(DataInput in) throws IOException {
    Centroid c = new Centroid();
    int n = in.readInt();
    for (int i = 0; i < n; i++) {
      c.add(in.readInt(), in.readFloat());
    }
    return c;
  }
}
