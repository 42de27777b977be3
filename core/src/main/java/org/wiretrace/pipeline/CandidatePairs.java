package org.wiretrace.pipeline;

import org.wiretrace.relate.Relater;

/**
 * The pairs worth judging: those sharing at least {@link #MIN_SHARED_GRAMS} word trigrams (reused
 * text) or with a content-word similarity of at least {@link Relater#SAME_STORY_SIMILARITY} (same
 * story, or a spun copy whose trigrams were broken). {@link StoreScanner} applies this exact rule
 * to every stored article on compact sorted fingerprints while the store holds at most {@link
 * #ALL_PAIRS_LIMIT} articles (the Spark job applies it by keys); larger stores rely on the index's
 * reuse and topic candidates. Stateless.
 */
final class CandidatePairs {

  /** Shared distinct word trigrams that make a pair a reuse candidate. */
  static final int MIN_SHARED_GRAMS = 3;

  private CandidatePairs() {}

  /**
   * Largest store compared pair by pair: on news, about a quarter of all pairs pass the cosine rule
   * (measured: 146 pairs per article among 1,000), so the work grows quadratically; beyond this,
   * same-story pairs come from the topic index.
   */
  static final int ALL_PAIRS_LIMIT = 512;

  /** True when {@code n} articles are few enough to compare every pair. */
  static boolean allPairsFeasible(int n) {
    return n <= ALL_PAIRS_LIMIT;
  }
}
