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

  /** This listener, then {@code next}: both hear of everything, in that order. */
  default IngestListener andThen(IngestListener next) {
    java.util.Objects.requireNonNull(next, "next");
    IngestListener first = this;
    return new IngestListener() {
      @Override
      public void skipped(Skipped skipped) {
        first.skipped(skipped);
        next.skipped(skipped);
      }

      @Override
      public void warning(String where, String message) {
        first.warning(where, message);
        next.warning(where, message);
      }

      @Override
      public void ingested(Article article) {
        first.ingested(article);
        next.ingested(article);
      }
    };
  }

  /** A listener that hears only of the articles read, each handed to {@code action}. */
  static IngestListener onIngested(java.util.function.Consumer<Article> action) {
    java.util.Objects.requireNonNull(action, "action");
    return new IngestListener() {
      @Override
      public void skipped(Skipped skipped) {}

      @Override
      public void ingested(Article article) {
        action.accept(article);
      }
    };
  }

  /** A listener that ignores everything. */
  static IngestListener ignoring() {
    return skipped -> {};
  }
}
