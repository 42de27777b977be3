package org.wiretrace.ingest;

import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Articles read from one input, usable both as an {@link Iterable} and as a {@link Stream}. Readers
 * are lazy where the format allows (JSONL, WARC) so that large inputs stream in bounded memory.
 */
public interface ArticleSource extends Iterable<Article> {

  /** The articles as a sequential stream. */
  default Stream<Article> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }
}
