package org.wiretrace.ingest;

/**
 * Receives what the readers could not take as is: skipped records and warnings about messy input.
 * Readers never throw for bad input; they report here and go on. {@link Ingestor} also reports each
 * article it hands out ({@link #ingested(Article)}), so that a listener such as {@link
 * IngestSummary.Counter} can account for every record. Implementations used with parallel streams
 * must be thread-safe.
 */
public interface IngestListener {
  /** A record (or a whole file) that produced no article. */
  void skipped(Skipped skipped);

  /** Something odd that did not stop the record from being read (a repaired charset, say). */
  default void warning(String where, String message) {}

  /** An article was read and handed on. */
  default void ingested(Article article) {}

  /** A listener that ignores everything. */
  static IngestListener ignoring() {
    return skipped -> {};
  }
}
