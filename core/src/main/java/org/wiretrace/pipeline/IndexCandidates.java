package org.wiretrace.pipeline;

import org.wiretrace.index.ArticleIndex;

/**
 * The rule for the persistent index's reuse candidates ({@link ArticleIndex#candidates}: LSH near
 * duplicates, sampled shingles for excerpts, immutable n-grams for spun copies): those scoring at
 * least {@link #MIN_SCORE} are judged. Stateless.
 */
final class IndexCandidates {
  /** Candidates scoring below this are not judged. */
  static final double MIN_SCORE = 0.3;

  private IndexCandidates() {}
}
