package org.wiretrace.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Main-content extraction: drops page furniture (navigation, headers, footers, asides, forms,
 * scripts), scores block containers by the paragraph text they hold directly, and keeps the best
 * container's paragraphs and headings. Metadata comes from OpenGraph, {@code article:*} and
 * standard meta tags. Stateless and thread-safe.
 */
public final class MainTextExtractor {

  private static final String FURNITURE =
      "script, style, noscript, nav, header, footer, aside, form, iframe, svg, button, figure figcaption";

  private MainTextExtractor() {}

  /** Extracts the article from a parsed page (the document is modified). */
  public static ExtractedPage extract(Document doc) {
    String title =
        meta(doc, "og:title")
            .or(() -> first(doc, "h1"))
            .orElse(doc.title() == null ? "" : doc.title().strip());
    Optional<String> canonical =
        Optional.ofNullable(doc.selectFirst("link[rel=canonical]"))
            .map(e -> e.absUrl("href").isEmpty() ? e.attr("href") : e.absUrl("href"))
            .filter(s -> !s.isBlank())
            .or(() -> meta(doc, "og:url"));
    Optional<String> site = meta(doc, "og:site_name");
    Optional<String> byline = meta(doc, "author").or(() -> meta(doc, "article:author"));
    Optional<java.time.Instant> published =
        meta(doc, "article:published_time")
            .or(() -> meta(doc, "date"))
            .or(
                () ->
                    Optional.ofNullable(doc.selectFirst("time[datetime]"))
                        .map(e -> e.attr("datetime")))
            .flatMap(JsonlReader::parseDate);
    Optional<String> lang =
        Optional.ofNullable(doc.selectFirst("html"))
            .map(e -> e.attr("lang"))
            .filter(s -> !s.isBlank());

    doc.select(FURNITURE).remove();
    Element body = doc.body();
    String text = body == null ? "" : mainText(body);
    return new ExtractedPage(title, text, byline, published, canonical, site, lang);
  }

  private static String mainText(Element body) {
    Map<Element, Integer> score = new HashMap<>();
    for (Element p : body.select("p")) {
      int len = p.text().length();
      if (len < 20 || p.parent() == null) {
        continue;
      }
      score.merge(p.parent(), len, Integer::sum);
    }
    Element best = null;
    int bestScore = 0;
    for (Map.Entry<Element, Integer> e : score.entrySet()) {
      if (e.getValue() > bestScore) {
        best = e.getKey();
        bestScore = e.getValue();
      }
    }
    if (best == null) {
      return body.text();
    }
    List<String> blocks = new ArrayList<>();
    Elements parts = best.select("p, h2, h3, h4, li, blockquote");
    for (Element part : parts) {
      if (part.parent() != best && !part.tagName().equals("p")) {
        continue;
      }
      String t = part.text().strip();
      if (!t.isEmpty()) {
        blocks.add(t);
      }
    }
    return String.join("\n\n", blocks);
  }

  private static Optional<String> meta(Document doc, String name) {
    Element e = doc.selectFirst("meta[property=" + name + "], meta[name=" + name + "]");
    return Optional.ofNullable(e).map(m -> m.attr("content").strip()).filter(s -> !s.isEmpty());
  }

  private static Optional<String> first(Document doc, String css) {
    return Optional.ofNullable(doc.selectFirst(css)).map(Element::text).filter(s -> !s.isBlank());
  }
}
