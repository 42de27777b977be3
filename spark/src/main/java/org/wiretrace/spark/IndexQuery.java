package org.wiretrace.spark;

import org.wiretrace.fingerprint.Fingerprint;
import org.wiretrace.fingerprint.SpinFeatures;
import org.wiretrace.index.ArticleIndex;
import org.wiretrace.index.Candidate;

/**
 * The candidate search of the core {@link ArticleIndex#candidates}, computed by key instead of by
 * one Lucene query per article, so that the job proposes the pairs the scan proposes. The scan's
 * query for an article is a disjunction of constant-score term clauses: all its LSH band keys, and
 * the first {@link ArticleIndex#QUERY_TERMS} (smallest) of its short shingles, sampled shingles and
 * indexed immutable n-grams ({@link SpinFeatures#indexedGrams}; only those found in at most {@link
 * #maxDf} articles), each clause boosted by 1 / min(family size, {@code QUERY_TERMS}); a hit's
 * score is the sum of the boosts of the clauses it matches. The {@link #SEARCH_DEPTH} best hits
 * (ties: lower id first) are re-ranked by {@link Candidate#of}'s score, the best {@link
 * ArticleIndex#DEFAULT_CANDIDATES} are kept, and those scoring at least {@link #MIN_SCORE} are
 * judged.
 *
 * <p>By key ({@link Disjunction}): every article emits, for every key it holds, one posting whose
 * weight is the boost of its clause when the key is one of its query terms, 0 otherwise; a key's
 * group then gives every querying article the holders it sees in the scan's order. The one
 * difference from the Lucene search: a band or shingle key held by more articles than the job's cap
 * is dropped (the scan has no cap on them; such a key adds at most 1/{@code QUERY_TERMS} to a
 * score). Ties are broken by content id in both ({@code ArticleIndex.BY_SCORE_THEN_ID}). Stateless
 * and thread-safe.
 */
final class IndexQuery {

  /** Hits the scan's search ranks before re-ranking (its own article is one of them). */
  static final int SEARCH_DEPTH = Math.max(ArticleIndex.DEFAULT_CANDIDATES * 3, 30);

  /** Least re-ranked score of a judged candidate (the scan's {@code IndexCandidates}). */
  static final double MIN_SCORE = 0.3;

  /** Key namespaces: the top three bits of a key say which family it is from. */
  static final long BAND = 0x1L << 61;

  static final long SHORT = 0x2L << 61;
  static final long SAMPLE = 0x3L << 61;
  static final long SPIN = 0x4L << 61;
  static final long FAMILY_MASK = 0x7L << 61;

  /** Receives one posting: a key and an article's boost for it (0: held, not queried). */
  @FunctionalInterface
  interface Sink {
    void accept(long key, float boost);
  }

  /** Which immutable n-grams are too common to be queried on (held by more than maxDf). */
  @FunctionalInterface
  interface Pruned {
    boolean test(int spinGram);
  }

  private IndexQuery() {}

  /**
   * True for the keys of the families the index queries without a document-frequency cut-off (LSH
   * band keys, short and sampled shingles): the job drops such a key when more articles than its
   * cap hold it. Immutable n-grams are left out of queries beyond {@link ArticleIndex#MIN_PRUNE_DF}
   * holders ({@link SpinPruning}), so their expansion is bounded without a cap.
   */
  static boolean capped(long key) {
    return (key & FAMILY_MASK) != SPIN;
  }

  /** The tagged key of a value of {@code family}. */
  static long key(long family, long value) {
    return (value & ~FAMILY_MASK) | family;
  }

  /** Emits the postings of an article with fingerprint {@code fp} and band keys {@code bands}. */
  static void postings(Fingerprint fp, long[] bands, Pruned pruned, Sink out) {
    longs(BAND, bands, out);
    longs(SHORT, fp.shortShingles(), out);
    longs(SAMPLE, fp.sample(), out);
    int[] spin = fp.indexedSpinGrams();
    float boost = boost(spin.length);
    int kept = 0;
    for (int g : spin) {
      boolean query = kept < ArticleIndex.QUERY_TERMS && !pruned.test(g);
      if (query) {
        kept++;
      }
      out.accept(key(SPIN, g & 0xFFFFFFFFL), query ? boost : 0f);
    }
  }

  private static void longs(long family, long[] terms, Sink out) {
    float boost = boost(terms.length);
    for (int i = 0; i < terms.length; i++) {
      out.accept(key(family, terms[i]), i < ArticleIndex.QUERY_TERMS ? boost : 0f);
    }
  }

  /** A clause's boost in a family of {@code size} terms, in float as Lucene computes it. */
  static float boost(int size) {
    return 1f / Math.max(1, Math.min(size, ArticleIndex.QUERY_TERMS));
  }

  /** The re-ranked score of the hit {@code other} for the query {@code query}. */
  static double score(Fingerprint query, Fingerprint other) {
    Candidate c = Candidate.of("", query, other);
    return c.score();
  }
}
