package org.wiretrace.spark;

import java.io.Serializable;
import org.wiretrace.index.ArticleIndex;
import org.wiretrace.pipeline.StoreScanner;

/**
 * The order in which {@code wiretrace scan} stores and searches a collection, which the job
 * reproduces so that it proposes the same pairs. The scan reads the articles in input order (each
 * input's files sorted by path, feeds first; an id already read is skipped), puts them into its
 * index {@link StoreScanner#BATCH} at a time, and searches for each article of a batch among
 * everything stored so far, its own batch included. So an article at position {@code p} (0-based,
 * in that order) belongs to batch {@code p / BATCH}, sees the articles of its batch and the earlier
 * ones, and its search's document-frequency cut-offs are shares of {@link #countAfter} articles.
 * Below {@link #ALL_PAIRS_LIMIT} articles the scan compares every pair instead of asking its topic
 * index. Immutable and thread-safe.
 *
 * @param articles the distinct articles of the collection
 */
record ScanOrder(int articles) implements Serializable {

  /** Articles put and searched together ({@link StoreScanner#BATCH}). */
  static final int BATCH = StoreScanner.BATCH;

  /**
   * Largest store whose every pair the scan compares (the core's {@code
   * CandidatePairs.ALL_PAIRS_LIMIT}); beyond it the scan asks its topic index for same-story pairs.
   */
  static final int ALL_PAIRS_LIMIT = 512;

  ScanOrder {
    if (articles < 0) {
      throw new IllegalArgumentException("articles must be >= 0, got " + articles);
    }
  }

  /** The batch of the article at {@code position}. */
  static int batch(int position) {
    return position / BATCH;
  }

  /** Number of batches. */
  int batches() {
    return (articles + BATCH - 1) / BATCH;
  }

  /** Articles stored when the articles of {@code batch} are searched for. */
  int countAfter(int batch) {
    return (int) Math.min(articles, (batch + 1L) * BATCH);
  }

  /**
   * The largest document frequency of a query term for the articles of {@code batch}: the index's
   * {@code max(MIN_PRUNE_DF, share of the stored articles)}.
   */
  int maxDf(int batch, double share) {
    return Math.max(ArticleIndex.MIN_PRUNE_DF, (int) (countAfter(batch) * share));
  }

  /** True when the scan compares every pair (the store never outgrows the all-pairs limit). */
  boolean pairwise() {
    return articles <= ALL_PAIRS_LIMIT;
  }
}
