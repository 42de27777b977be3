package org.wiretrace.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.wiretrace.ingest.encoding.Mojibake;
import org.wiretrace.ingest.encoding.TextDecoder;

/**
 * HTML pages: decodes the bytes (BOM, meta charset, UTF-8, windows-1252), parses them with jsoup
 * and extracts the article's metadata and main text. Thread-safe.
 */
public final class HtmlReader {

  private static final Pattern META_CHARSET =
      Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_\\-:.]+)");

  private HtmlReader() {}

  /** The article of the page in {@code bytes}, or none (reported) when it has no text. */
  public static List<Article> read(Path file, byte[] bytes, IngestListener listener) {
    String where = file.toString();
    if (bytes.length == 0) {
      listener.skipped(new Skipped(where, "", "empty file"));
      return List.of();
    }
    if (TextDecoder.looksBinary(bytes)) {
      listener.skipped(new Skipped(where, "offset 0", "binary content, not HTML"));
      return List.of();
    }
    Optional<Article> a = parse(where, bytes, Optional.empty(), Optional.empty(), listener);
    return a.map(List::of).orElse(List.of());
  }

  /**
   * Parses one page. {@code httpCharset} comes from a Content-Type header when there is one; {@code
   * url} is the page's address when known (used to resolve a relative canonical link).
   */
  public static Optional<Article> parse(
      String origin,
      byte[] bytes,
      Optional<String> httpCharset,
      Optional<String> url,
      IngestListener listener) {
    Optional<String> declared = httpCharset.or(() -> metaCharset(bytes));
    String html = TextDecoder.decode(bytes, declared).text();
    Document doc = Jsoup.parse(html, url.orElse(""));
    ExtractedPage page = MainTextExtractor.extract(doc);
    if (page.text().isBlank()) {
      listener.skipped(new Skipped(origin, "", "no article text found in the page"));
      return Optional.empty();
    }
    Mojibake.Result repaired = Mojibake.repair(page.text());
    if (repaired.changed()) {
      listener.warning(origin, repaired.repairs().size() + " mis-decoded spans repaired");
    }
    String title = Mojibake.repair(page.title()).text();
    return Optional.of(
        Article.builder(origin, repaired.text())
            .id(Article.contentId(Path.of(origin).getFileName().toString(), repaired.text()))
            .title(title)
            .url(page.canonicalUrl().or(() -> url).orElse(null))
            .site(page.siteName().orElse(null))
            .byline(page.byline().orElse(null))
            .published(page.published().orElse(null))
            .language(page.language().orElse(null))
            .repairs(repaired.repairs())
            .build());
  }

  private static Optional<String> metaCharset(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(head);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  static String text(Element e) {
    return e == null ? "" : e.text();
  }
}
