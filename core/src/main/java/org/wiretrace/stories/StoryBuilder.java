package org.wiretrace.stories;

import java.time.Instant;
import java.util.Comparator;
import org.wiretrace.ingest.Article;

/** Groups articles into stories and text families. */
public final class StoryBuilder {
  private StoryBuilder() {}

  /** Earliest publication first (undated last), then id. */
  public static Comparator<Article> chronological() {
    return Comparator.comparing(
            (Article a) -> a.published().orElse(Instant.MAX), Comparator.naturalOrder())
        .thenComparing(Article::id);
  }
}
