package org.wiretrace.stories;

/**
 * The sum of a story's unit-length tf-idf vectors (idf as of each article's arrival) in one feature
 * space, as an open-addressing hash map from hashed term to weight on primitive arrays (the
 * per-cluster centroid of Miranda et al., EMNLP 2018), with its squared norm kept current. Not
 * thread-safe: owned by one {@link StoryClusterer}.
 */
final class Centroid {
  private static final int EMPTY = -1;

  private int[] keys;
  private float[] values;
  private int size;
  private double sumSq; // squared L2 norm, kept up to date

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
        float old = values[i];
        values[i] = old + value;
        sumSq += (double) values[i] * values[i] - (double) old * old;
        return;
      }
      if (k == EMPTY) {
        keys[i] = key;
        values[i] = value;
        sumSq += (double) value * value;
        size++;
        return;
      }
      i = (i + 1) & mask;
    }
  }

  /** Adds a (unit-length) vector. */
  void addAll(SparseVector v) {
    int[] k = v.keys();
    float[] w = v.values();
    for (int i = 0; i < k.length; i++) {
      add(k[i], w[i]);
    }
  }

  void addAll(Centroid other) {
    for (int i = 0; i < other.keys.length; i++) {
      if (other.keys[i] != EMPTY) {
        add(other.keys[i], other.values[i]);
      }
    }
  }

  /** Cosine of a unit-length vector and this centroid. */
  double cosine(SparseVector unit) {
    if (sumSq <= 0 || unit.isEmpty()) {
      return 0;
    }
    int[] k = unit.keys();
    float[] w = unit.values();
    double dot = 0;
    for (int i = 0; i < k.length; i++) {
      float c = get(k[i]);
      if (c != 0f) {
        dot += w[i] * c;
      }
    }
    return dot / Math.sqrt(sumSq);
  }

  /** Cosine of two centroids. */
  double cosine(Centroid other) {
    if (sumSq <= 0 || other.sumSq <= 0) {
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
          dot += small.values[i] * c;
        }
      }
    }
    return dot / Math.sqrt(sumSq * other.sumSq);
  }

  /**
   * Writes the table as it is (slots, weights and the running squared norm), so that {@link #read}
   * gives a centroid that sums and iterates exactly as this one: rebuilding it from the members
   * would add in another order and lay the slots out differently.
   */
  void write(java.io.DataOutput d) throws java.io.IOException {
    d.writeInt(keys.length);
    d.writeInt(size);
    d.writeDouble(sumSq);
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY) {
        d.writeInt(i);
        d.writeInt(keys[i]);
        d.writeFloat(values[i]);
      }
    }
  }

  /** A centroid written by {@link #write}. */
  static Centroid read(java.io.DataInput d) throws java.io.IOException {
    int capacity = d.readInt();
    int size = d.readInt();
    if (capacity < 16 || Integer.bitCount(capacity) != 1 || size < 0 || 2 * size > capacity) {
      throw new java.io.IOException(
          "bad centroid in the story state (capacity " + capacity + ", size " + size + ")");
    }
    Centroid c = new Centroid();
    c.keys = new int[capacity];
    java.util.Arrays.fill(c.keys, EMPTY);
    c.values = new float[capacity];
    c.size = size;
    c.sumSq = d.readDouble();
    for (int n = 0; n < size; n++) {
      int slot = d.readInt();
      if (slot < 0 || slot >= capacity) {
        throw new java.io.IOException("bad centroid slot " + slot + " in the story state");
      }
      c.keys[slot] = d.readInt();
      c.values[slot] = d.readFloat();
    }
    return c;
  }

  private void grow() {
    int[] oldKeys = keys;
    float[] oldValues = values;
    keys = new int[oldKeys.length * 2];
    java.util.Arrays.fill(keys, EMPTY);
    values = new float[oldKeys.length * 2];
    size = 0;
    sumSq = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        add(oldKeys[i], oldValues[i]);
      }
    }
  }
}
