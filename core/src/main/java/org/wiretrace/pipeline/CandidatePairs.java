package org.wiretrace.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
      grams[i] = trigrams(t);
      vectors[i] = StorySimilarity.vector(t);
    }
    List<int[]> pairs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (shared(grams[i], grams[j]) >= MIN_SHARED_GRAMS
            || vectors[i].cosine(vectors[j]) >= Relater.SAME_STORY_SIMILARITY) {
          pairs.add(new int[] {i, j});
        }
      }
    }
    return pairs;
  }

  private static long[] trigrams(Tokens t) {
    if (t.size() < 3) {
      return new long[0];
    }
    long[] g = new long[t.size() - 2];
    for (int i = 0; i + 2 < t.size(); i++) {
      long h = t.term(i).hashCode();
      h = h * 0x9E3779B97F4A7C15L + t.term(i + 1).hashCode();
      h = h * 0x9E3779B97F4A7C15L + t.term(i + 2).hashCode();
      g[i] = h;
    }
    Arrays.sort(g);
    return Arrays.stream(g).distinct().toArray();
  }

  private static int shared(long[] x, long[] y) {
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < x.length && j < y.length) {
      if (x[i] == y[j]) {
        n++;
        i++;
        j++;
      } else if (x[i] < y[j]) {
        i++;
      } else {
        j++;
      }
    }
    return n;
  }
}
