package org.wiretrace.ingest;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.wiretrace.ingest.html.ContentExtractor;
import org.wiretrace.ingest.html.PageMetadata;

/**
 * Main-content extraction for one parsed page: metadata from JSON-LD, OpenGraph and meta tags
 * ({@link PageMetadata}), then the article body ({@link ContentExtractor}), or the page's JSON-LD
 * {@code articleBody} when the markup gives much less. Stateless and thread-safe.
 */
public final class MainTextExtractor {

  /**
   * A JSON-LD {@code articleBody} at least this long replaces a main text less than half its length
   * (pages that render the article by script, or hide it from the markup).
   */
  public static final int MIN_STRUCTURED_CHARS = 500;

  private MainTextExtractor() {}

  /** Extracts the article from a parsed page; the document is not modified. */
  public static ExtractedPage extract(Document doc) {
    PageMetadata meta = PageMetadata.of(doc);
    Element body = doc.body();
    String text = body == null ? "" : ContentExtractor.extract(body);
    String structured = meta.structuredBody().orElse("");
    if (structured.length() >= MIN_STRUCTURED_CHARS && text.length() < structured.length() / 2) {
      // the page's own structured data holds the article and the layout hid most of it
      text = structured;
    }
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
