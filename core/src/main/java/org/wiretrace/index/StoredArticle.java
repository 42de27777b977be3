package org.wiretrace.index;

import java.time.Instant;
import java.util.Optional;
import org.wiretrace.ingest.Article;

/**
 * An article as kept in the index, with its content hash and ingestion sequence number (the order
 * in which the index first saw it). Immutable and thread-safe.
 *
 * @param article the article, with its encoding repairs
 * @param contentHash hash of title and text deciding whether a re-scan changed it
 * @param seq ingestion sequence number, increasing across runs
 */
public record StoredArticle(Article article, String contentHash, long seq) {
  public String id() {
    return article.id();
  }

  static Optional<Instant> instant(String s) {
    return s == null ? Optional.empty() : Optional.of(Instant.parse(s));
  }
}
