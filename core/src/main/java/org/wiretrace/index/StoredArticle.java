package org.wiretrace.index;

import java.time.Instant;
import java.util.Optional;
import org.wiretrace.ingest.Article;

/**
 * An article as kept in the index, with its content hash and ingestion sequence number (the order
 * in which the index first saw it). Immutable and thread-safe.
 *
 * @param article the article (encoding repairs are not kept, only their count)
 * @param contentHash hash of title and text deciding whether a re-scan changed it
 * @param seq ingestion sequence number, increasing across runs
 * @param repairs number of encoding repairs applied when the article was read
 */
public record StoredArticle(Article article, String contentHash, long seq, int repairs) {
  public String id() {
    return article.id();
  }

  static Optional<Instant> instant(String s) {
    return s == null ? Optional.empty() : Optional.of(Instant.parse(s));
  }
}
