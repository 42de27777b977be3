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
}
