package org.wiretrace.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.wiretrace.ingest.Article;
import org.wiretrace.stories.StoryBuilder;

/**
 * How far the kept story state has clustered the store: the number of articles clustered (those of
 * its open stories and of the closed-story records) and the publication time of the latest one in
 * clustering order ({@link StoryBuilder#byPublication()}, ties by sequence number). A scan that
 * only added articles may feed them to the state when the store held exactly that many before it
 * and each new one comes at or after that time in the order (its sequence number is larger than
 * every stored one's, so a tie puts it after). Immutable and thread-safe.
 *
 * @param articles articles clustered
 * @param latest publication time of the last of them (empty: undated, or none clustered)
 */
record ClusteringMark(int articles, Optional<Instant> latest) {
  ClusteringMark {
    if (articles < 0) {
      throw new IllegalArgumentException("articles must not be negative: " + articles);
    }
    Objects.requireNonNull(latest, "latest");
  }

  /** The mark of having clustered {@code ordered} (in clustering order). */
  static ClusteringMark of(List<Article> ordered) {
    return ordered.isEmpty()
        ? new ClusteringMark(0, Optional.empty())
        : new ClusteringMark(ordered.size(), ordered.get(ordered.size() - 1).published());
  }

  /** Whether an article published at {@code published}, stored after the others, comes after. */
  boolean admits(Optional<Instant> published) {
    return articles == 0
        || published.orElse(Instant.MAX).compareTo(latest.orElse(Instant.MAX)) >= 0;
  }

  /** The mark once {@code later} (in clustering order, each admitted) were clustered too. */
  ClusteringMark then(List<Article> later) {
    return later.isEmpty()
        ? this
        : new ClusteringMark(articles + later.size(), later.get(later.size() - 1).published());
  }
}
