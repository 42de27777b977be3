package org.wiretrace.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.wiretrace.fingerprint.Shingles;
import org.wiretrace.fingerprint.SortedSets;
import org.wiretrace.relate.Relater;
import org.wiretrace.relate.StorySimilarity;
import org.wiretrace.relate.StorySimilarity.TermVector;
import org.wiretrace.text.AnalyzedArticle;
import org.wiretrace.text.Tokens;

/**
 * The pairs worth judging: those sharing at least {@link #MIN_SHARED_GRAMS} word trigrams (reused
 * text) or with a content-word similarity of at least {@link Relater#SAME_STORY_SIMILARITY} (same
 * story, or a spun copy whose trigrams were broken). Compares every pair on compact sorted
 * fingerprints, so it runs only for collections of at most {@link #ALL_PAIRS_LIMIT} articles;
 * larger ones rely on the index's candidates alone ({@link IndexCandidates}). Stateless.
 */
final class CandidatePairs {

  /** Shared distinct word trigrams that make a pair a reuse candidate. */
  static final int MIN_SHARED_GRAMS = 3;

  private CandidatePairs() {}

  /** Largest collection compared pair by pair (beyond it the work grows too fast). */
  static final int ALL_PAIRS_LIMIT = 3_000;

  /** True when {@code n} articles are few enough to compare every pair. */
  static boolean allPairsFeasible(int n) {
    return n <= ALL_PAIRS_LIMIT;
  }

  /** Index pairs {i, j} with i < j. */
  static List<int[]> of(List<AnalyzedArticle> articles) {
    int n = articles.size();
    long[][] grams = new long[n][];
    TermVector[] vectors = new TermVector[n];
    for (int i = 0; i < n; i++) {
      Tokens t = articles.get(i).tokens();
      grams[i] = Shingles.of(t, 3);
      vectors[i] = StorySimilarity.vector(t);
    }
    List<int[]> pairs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (SortedSets.intersection(grams[i], grams[j]) >= MIN_SHARED_GRAMS
            || vectors[i].cosine(vectors[j]) >= Relater.SAME_STORY_SIMILARITY) {
          pairs.add(new int[] {i, j});
        }
      }
    }
    return pairs;
  }
}
