package org.wiretrace.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import org.wiretrace.ingest.Article;
import org.wiretrace.text.AnalyzedArticle;

/**
 * The analysed form ({@link AnalyzedArticle#of}) of the articles a judging task saw last, at most
 * {@code capacity} of them, least recently used evicted first: pairs arrive grouped by one of their
 * articles (the join's partitioning), so an article is usually tokenised once per task instead of
 * once per pair, in bounded memory. Not thread-safe (one per task).
 */
final class AnalysisCache {
  private final Map<String, AnalyzedArticle> map;

  AnalysisCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
    }
    map =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, AnalyzedArticle> e) {
            return size() > capacity;
          }
        };
  }

  /** The analysed {@code article}, from the cache when seen recently. */
  AnalyzedArticle of(Article article) {
    AnalyzedArticle a = map.get(article.id());
    if (a == null) {
      a = AnalyzedArticle.of(article);
      map.put(article.id(), a);
    }
    return a;
  }
}
