package org.wiretrace.stories;

/**
 * The feature spaces a story is compared in, after Miranda et al., "Multilingual Clustering of
 * Streaming News", EMNLP 2018: each space has its own tf-idf vectors and its own similarity.
 */
public enum FeatureSpace {
  /** Stemmed body words without stop words. */
  BODY,
  /** Stemmed title words without stop words. */
  TITLE,
  /** Named entities: capitalised phrases and their words, case-folded. */
  ENTITIES,
  /** Numbers and dates as written (digits, separators dropped). */
  NUMBERS;

  /** A seed that keeps the spaces' hashed terms apart in shared tables. */
  int seed() {
    return 0x9E3779B1 * (ordinal() + 1);
  }
}
