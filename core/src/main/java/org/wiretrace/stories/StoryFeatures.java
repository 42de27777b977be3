package org.wiretrace.stories;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the story clusterer knows of one article: its id, its day on the time line (fractional days
 * since the epoch, {@link Double#NaN} when the article has no date) and one sparse term-frequency
 * vector per {@link FeatureSpace}. Compact enough to keep for every article of a time window.
 * Immutable and thread-safe.
 */
public record StoryFeatures(String articleId, double day, Map<FeatureSpace, SparseVector> vectors) {

  public StoryFeatures {
    Objects.requireNonNull(articleId, "articleId");
    EnumMap<FeatureSpace, SparseVector> copy = new EnumMap<>(FeatureSpace.class);
    for (FeatureSpace s : FeatureSpace.values()) {
      copy.put(s, vectors.getOrDefault(s, SparseVector.EMPTY));
    }
    vectors = java.util.Collections.unmodifiableMap(copy);
  }

  /** The vector of {@code space} (empty when the article has no such terms). */
  public SparseVector vector(FeatureSpace space) {
    return vectors.get(space);
  }

  /** True when the article carries a publication date. */
  public boolean dated() {
    return !Double.isNaN(day);
  }

  /**
   * The features as bytes (day, then per space the number of terms, keys and values), for keeping
   * beside the article in the store; {@link #decode} reads them back exactly.
   */
  public byte[] encode() {
    int n = 8;
    for (FeatureSpace s : FeatureSpace.values()) {
      n += 4 + 8 * vector(s).size();
    }
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(n);
    b.putDouble(day);
    for (FeatureSpace s : FeatureSpace.values()) {
      SparseVector v = vector(s);
      b.putInt(v.size());
      for (int k : v.keys()) {
        b.putInt(k);
      }
      for (float w : v.values()) {
        b.putFloat(w);
      }
    }
    return b.array();
  }

  /**
   * Features of {@code articleId} from {@link #encode()}'s bytes.
   *
   * @throws IllegalArgumentException when the bytes are not such an encoding
   */
  public static StoryFeatures decode(String articleId, byte[] bytes, int offset, int length) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes, offset, length);
    try {
      double day = b.getDouble();
      Map<FeatureSpace, SparseVector> v = new java.util.EnumMap<>(FeatureSpace.class);
      for (FeatureSpace s : FeatureSpace.values()) {
        int n = b.getInt();
        if (n < 0 || n > b.remaining() / 8) {
          throw new IllegalArgumentException("bad story features of " + articleId);
        }
        int[] keys = new int[n];
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
          keys[i] = b.getInt();
        }
        for (int i = 0; i < n; i++) {
          values[i] = b.getFloat();
        }
        v.put(s, new SparseVector(keys, values));
      }
      return new StoryFeatures(articleId, day, v);
    } catch (java.nio.BufferUnderflowException e) {
      throw new IllegalArgumentException("truncated story features of " + articleId, e);
    }
  }
}
