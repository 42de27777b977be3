package org.wiretrace.stories;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Streaming document frequencies over hashed terms, for the inverse document frequencies of the
 * tf-idf similarities: a fixed table of {@link #DEFAULT_BITS} bits whatever the vocabulary (terms
 * that collide share a count, which only blurs idf slightly). Not thread-safe: owned by one {@link
 * StoryClusterer}.
 */
final class TermStatistics {

  /** log2 of the table size: 2^21 counts, 8 MiB. */
  static final int DEFAULT_BITS = 21;

  private final int[] df;
  private final int mask;
  private long docs;

  TermStatistics(int bits) {
    if (bits < 4 || bits > 28) {
      throw new IllegalArgumentException("bits must be in [4, 28]: " + bits);
    }
    df = new int[1 << bits];
    mask = df.length - 1;
  }

  /** Counts one more document with {@code f}'s terms. */
  void add(StoryFeatures f) {
    docs++;
    for (FeatureSpace s : FeatureSpace.values()) {
      int[] keys = f.vector(s).keys();
      for (int k : keys) {
        df[k & mask]++;
      }
    }
  }

  long docs() {
    return docs;
  }

  /** Smoothed inverse document frequency: {@code ln((1 + N) / (1 + df)) + 1}. */
  float idf(int key) {
    return (float) (Math.log((1.0 + docs) / (1.0 + df[key & mask])) + 1.0);
  }

  void write(DataOutput out) throws IOException {
    out.writeInt(Integer.numberOfTrailingZeros(df.length));
    out.writeLong(docs);
    int nonZero = 0;
    for (int c : df) {
      if (c != 0) {
        nonZero++;
      }
    }
    out.writeInt(nonZero);
    for (int i = 0; i < df.length; i++) {
      if (df[i] != 0) {
        out.writeInt(i);
        out.writeInt(df[i]);
      }
    }
  }

  static TermStatistics read(DataInput in) throws IOException {
    TermStatistics t = new TermStatistics(in.readInt());
    t.docs = in.readLong();
    int n = in.readInt();
    for (int k = 0; k < n; k++) {
      int i = in.readInt();
      t.df[i & t.mask] = in.readInt();
    }
    return t;
  }
}
