package org.wiretrace.ingest;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.wiretrace.ingest.html.ContentExtractor;
import org.wiretrace.ingest.html.PageMetadata;

/**
 * Main-content extraction for one parsed page: metadata from JSON-LD, OpenGraph and meta tags
 * ({@link PageMetadata}), then the article body ({@link ContentExtractor}). Stateless and
 * thread-safe.
 */
public final class MainTextExtractor {

  private MainTextExtractor() {}

  /** Extracts the article from a parsed page; the document is not modified. */
  public static ExtractedPage extract(Document doc) {
    PageMetadata meta = PageMetadata.of(doc);
    Element body = doc.body();
    String text = body == null ? "" : ContentExtractor.extract(body);
    return new ExtractedPage(
        meta.title(),
        text,
        meta.byline(),
        meta.published(),
        meta.canonicalUrl(),
        meta.siteName(),
        meta.language());
  }
}
