package org.wiretrace.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wiretrace.index.ArticleIndex;
import org.wiretrace.index.Candidate;
import org.wiretrace.text.AnalyzedArticle;

/**
 * Candidate pairs from the persistent index: for each article, the indexed articles whose
 * fingerprints say they share text with it ({@link ArticleIndex#candidates}: LSH near duplicates,
 * sampled shingles for excerpts, immutable n-grams for spun copies), with a score of at least
 * {@link #MIN_SCORE}. Stateless.
 */
final class IndexCandidates {
  /** Candidates scoring below this are not judged. */
  static final double MIN_SCORE = 0.3;

  private IndexCandidates() {}

  /** {@code pairs} (index pairs i < j into {@code articles}) plus the index's candidates. */
  static List<int[]> with(List<int[]> pairs, List<AnalyzedArticle> articles, ArticleIndex index) {
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < articles.size(); i++) {
      position.put(articles.get(i).id(), i);
    }
    Set<Long> seen = new HashSet<>();
    List<int[]> out = new ArrayList<>(pairs);
    for (int[] p : pairs) {
      seen.add(key(p[0], p[1]));
    }
    try {
      for (int i = 0; i < articles.size(); i++) {
        AnalyzedArticle a = articles.get(i);
        for (Candidate c :
            index.candidates(a.article(), a.tokens(), ArticleIndex.DEFAULT_CANDIDATES)) {
          Integer j = position.get(c.id());
          if (j == null || c.score() < MIN_SCORE) {
            continue;
          }
          int x = Math.min(i, j);
          int y = Math.max(i, j);
          if (x != y && seen.add(key(x, y))) {
            out.add(new int[] {x, y});
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search the store", e);
    }
    out.sort((p, q) -> p[0] != q[0] ? Integer.compare(p[0], q[0]) : Integer.compare(p[1], q[1]));
    return out;
  }

  private static long key(int a, int b) {
    return ((long) a << 32) | b;
  }
}
