package org.wiretrace.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.wiretrace.ingest.encoding.Mojibake;
import org.wiretrace.ingest.encoding.TextDecoder;
import org.wiretrace.ingest.html.HtmlPrefilter;

/**
 * HTML pages: decodes the bytes ({@link TextDecoder}: BOM, HTTP charset, meta charset, sniffing),
 * parses them with jsoup, extracts metadata and main text ({@link MainTextExtractor}) and repairs
 * mojibake ({@link Mojibake}). Pages that are empty, binary, larger than {@link #MAX_PAGE_BYTES} or
 * without article text are reported as skipped. Stateless and thread-safe.
 */
public final class HtmlReader {

  /** Pages larger than this many bytes are skipped (no news article is this large). */
  public static final int MAX_PAGE_BYTES = 8 << 20;

  private static final Pattern META_CHARSET =
      Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_\\-:.]+)");

  private HtmlReader() {}

  /** The article of the page in {@code bytes}, or none (reported) when it has none. */
  public static List<Article> read(Path file, byte[] bytes, IngestListener listener) {
    return parse(file.toString(), "", bytes, Optional.empty(), Optional.empty(), listener)
        .map(List::of)
        .orElse(List.of());
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
    return parse(origin, "", bytes, httpCharset, url, listener);
  }

  /**
   * Parses one page found in {@code path} at {@code locator} (such as {@code offset 1234} inside a
   * WARC; empty for a whole file). Problems are reported with both.
   */
  public static Optional<Article> parse(
      String path,
      String locator,
      byte[] bytes,
      Optional<String> httpCharset,
      Optional<String> url,
      IngestListener listener) {
    if (bytes.length == 0) {
      listener.skipped(new Skipped(path, locator, "empty page"));
      return Optional.empty();
    }
    if (bytes.length > MAX_PAGE_BYTES) {
      listener.skipped(
          new Skipped(
              path,
              locator,
              "page too large: " + bytes.length + " bytes (limit " + MAX_PAGE_BYTES + ")"));
      return Optional.empty();
    }
    Optional<String> kind = TextDecoder.binaryKind(bytes);
    if (kind.isPresent()) {
      listener.skipped(new Skipped(path, locator, "not HTML: " + kind.get()));
      return Optional.empty();
    }
    if (TextDecoder.looksBinary(bytes)) {
      listener.skipped(new Skipped(path, locator, "not HTML: binary content"));
      return Optional.empty();
    }
    String where = locator.isEmpty() ? path : path + "#" + locator;
    Optional<String> declared = httpCharset.or(() -> metaCharset(bytes));
    TextDecoder.Decoded decoded = TextDecoder.decode(HtmlPrefilter.strip(bytes), declared);
    decoded.problem().ifPresent(p -> listener.warning(where, "charset: " + p));
    Document doc = Jsoup.parse(decoded.text(), url.orElse(""));
    ExtractedPage page = MainTextExtractor.extract(doc);
    if (page.text().isBlank()) {
      listener.skipped(new Skipped(path, locator, "no article text found in the page"));
      return Optional.empty();
    }
    Mojibake.Result repaired = Mojibake.repair(page.text());
    if (repaired.changed()) {
      listener.warning(where, repaired.repairs().size() + " mis-decoded spans repaired");
    }
    String title = Mojibake.repair(page.title()).text();
    String name = path.substring(path.lastIndexOf('/') + 1) + (locator.isEmpty() ? "" : locator);
    return Optional.of(
        Article.builder(where, repaired.text())
            .id(Article.contentId(name, repaired.text()))
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
}
