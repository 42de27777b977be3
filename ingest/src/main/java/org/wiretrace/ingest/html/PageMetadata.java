package org.wiretrace.ingest.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.wiretrace.ingest.JsonlReader;

/**
 * A page's article metadata from its {@code <head>} and structured data: title, byline, published
 * date, canonical URL, site name, language and the JSON-LD {@code articleBody} when one is given.
 *
 * <p>Sources in order of trust: JSON-LD objects of a {@code NewsArticle}/{@code Article}/{@code
 * BlogPosting} type (schema.org), OpenGraph ({@code og:*}, {@code article:*}), then standard and
 * Dublin Core meta tags, then the document itself ({@code <title>}, {@code <h1>}, {@code <time
 * datetime>}, {@code <html lang>}). Immutable and thread-safe; {@link #of(Document)} must run
 * before the document is cleaned because it reads {@code <script type=application/ld+json>}.
 *
 * @param title the headline, without a trailing " | Site" when the site name is known
 * @param byline the authors, comma-separated
 * @param published the publication instant
 * @param canonicalUrl the canonical address ({@code link rel=canonical}, {@code og:url}, JSON-LD)
 * @param siteName the publication's name
 * @param language the page's language tag
 * @param structuredBody the JSON-LD {@code articleBody}, when the page carries one
 */
public record PageMetadata(
    String title,
    Optional<String> byline,
    Optional<Instant> published,
    Optional<String> canonicalUrl,
    Optional<String> siteName,
    Optional<String> language,
    Optional<String> structuredBody) {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Set<String> ARTICLE_TYPES =
      Set.of(
          "article",
          "newsarticle",
          "blogposting",
          "reportagenewsarticle",
          "analysisnewsarticle",
          "opinionnewsarticle",
          "backgroundnewsarticle",
          "webpage",
          "socialmediaposting",
          "liveblogposting",
          "techarticle",
          "scholarlyarticle",
          "report");

  public PageMetadata {
    title = title == null ? "" : title;
  }

  /** Reads the metadata of {@code doc} (not modified). */
  public static PageMetadata of(Document doc) {
    Scan found = new Scan();
    NodeTraversor.traverse(found, doc);
    Map<String, String> metas = found.metas;
    List<JsonNode> ld = articleObjects(found.scripts);
    Optional<String> site =
        meta(metas, "og:site_name", "application-name", "twitter:site")
            .or(() -> ldText(ld, "publisher", "name"))
            .map(s -> s.startsWith("@") ? s.substring(1) : s);
    String title =
        ldString(ld, "headline")
            .or(() -> meta(metas, "og:title", "twitter:title", "dc.title", "title"))
            .or(() -> Optional.ofNullable(found.h1).map(Element::text))
            .orElse(doc.title());
    title = stripSiteSuffix(clean(title), site);
    Optional<String> byline =
        ldAuthors(ld)
            .or(
                () ->
                    meta(metas, "author", "article:author", "dc.creator", "byl", "sailthru.author"))
            .map(PageMetadata::cleanByline)
            .filter(s -> !s.isEmpty() && !s.startsWith("http"));
    Optional<Instant> published =
        ldString(ld, "datePublished")
            .or(
                () ->
                    meta(
                        metas,
                        "article:published_time",
                        "og:published_time",
                        "datePublished",
                        "pubdate",
                        "publishdate",
                        "date",
                        "dc.date",
                        "dc.date.issued",
                        "sailthru.date",
                        "parsely-pub-date"))
            .or(() -> Optional.ofNullable(found.time).map(e -> e.attr("datetime")))
            .flatMap(JsonlReader::parseDate);
    Optional<String> canonical =
        Optional.ofNullable(found.canonical)
            .map(
                e -> {
                  String abs = e.absUrl("href");
                  return abs.isEmpty() ? e.attr("href") : abs;
                })
            .filter(s -> !s.isBlank())
            .or(() -> meta(metas, "og:url"))
            .or(() -> ldString(ld, "url"));
    Optional<String> lang =
        Optional.ofNullable(found.lang)
            .map(e -> e.attr("lang").strip())
            .or(() -> meta(metas, "og:locale", "content-language", "language"))
            .filter(s -> !s.isBlank())
            .map(s -> s.replace('_', '-'));
    Optional<String> body =
        ldString(ld, "articleBody").map(String::strip).filter(s -> !s.isEmpty());
    return new PageMetadata(title, byline, published, canonical, site, lang, body);
  }

  /** The value of the first meta tag (by {@code property}, {@code name} or {@code itemprop}). */
  static Optional<String> meta(Map<String, String> metas, String... names) {
    for (String name : names) {
      String v = metas.get(name.toLowerCase(Locale.ROOT));
      if (v != null) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /**
   * One pass over the document: meta tags' first non-empty values by lower-cased property, name or
   * itemprop, the JSON-LD scripts, and the first {@code <h1>}, {@code <time datetime>}, {@code
   * <link rel=canonical href>} and {@code <html lang>}.
   */
  private static final class Scan implements NodeVisitor {
    final Map<String, String> metas = new HashMap<>();
    final List<Element> scripts = new ArrayList<>();
    Element h1;
    Element time;
    Element canonical;
    Element lang;

    @Override
    public void head(Node node, int depth) {
      if (!(node instanceof Element e)) {
        return;
      }
      switch (e.normalName()) {
        case "meta" -> {
          String key =
              e.hasAttr("property")
                  ? e.attr("property")
                  : e.hasAttr("name") ? e.attr("name") : e.attr("itemprop");
          if (!key.isEmpty()) {
            String v = clean(e.attr("content"));
            if (!v.isEmpty()) {
              metas.putIfAbsent(key.toLowerCase(Locale.ROOT), v);
            }
          }
        }
        case "script" -> {
          if (e.attr("type").contains("ld+json")) {
            scripts.add(e);
          }
        }
        case "h1" -> h1 = h1 == null ? e : h1;
        case "time" -> time = time == null && e.hasAttr("datetime") ? e : time;
        case "link" -> {
          if (canonical == null
              && e.hasAttr("href")
              && e.attr("rel").strip().equalsIgnoreCase("canonical")) {
            canonical = e;
          }
        }
        case "html" -> lang = lang == null && e.hasAttr("lang") ? e : lang;
        default -> {
          // other elements carry no metadata
        }
      }
    }
  }

  private static String clean(String s) {
    if (s == null) {
      return "";
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n'
          || c == '\r'
          || c == '\t'
          || c == ' ' && i + 1 < s.length() && s.charAt(i + 1) == ' ') {
        return s.replaceAll("\\s+", " ").strip();
      }
    }
    return s.strip();
  }

  private static String cleanByline(String s) {
    String t = clean(s).replaceFirst("(?i)^by\\s+", "");
    return t.length() > 200 ? t.substring(0, 200) : t;
  }

  /** "Headline | Site" and "Headline - Site" become "Headline" when the site is known. */
  private static String stripSiteSuffix(String title, Optional<String> site) {
    if (site.isEmpty()) {
      return title;
    }
    String s = site.get();
    for (String sep : new String[] {" | ", " - ", " – ", " — ", " :: "}) {
      if (title.endsWith(sep + s)) {
        return title.substring(0, title.length() - sep.length() - s.length()).strip();
      }
    }
    return title;
  }

  /** JSON-LD objects of an article type, including those inside {@code @graph} arrays. */
  private static List<JsonNode> articleObjects(List<Element> scripts) {
    List<JsonNode> out = new ArrayList<>();
    for (Element script : scripts) {
      String data = script.data().strip();
      if (data.isEmpty() || data.length() > 2_000_000) {
        continue;
      }
      try {
        collect(JSON.readTree(data), out, 0);
      } catch (JsonProcessingException e) {
        // broken structured data is common; the page's meta tags still apply
      }
    }
    // article types first so that a WebPage object never shadows a NewsArticle
    out.sort((a, b) -> Boolean.compare(isWebPage(a), isWebPage(b)));
    return out;
  }

  private static boolean isWebPage(JsonNode n) {
    return types(n).contains("webpage");
  }

  private static void collect(JsonNode node, List<JsonNode> out, int depth) {
    if (node == null || depth > 4) {
      return;
    }
    if (node.isArray()) {
      node.forEach(n -> collect(n, out, depth + 1));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    if (types(node).stream().anyMatch(ARTICLE_TYPES::contains)) {
      out.add(node);
    }
    collect(node.get("@graph"), out, depth + 1);
    collect(node.get("mainEntity"), out, depth + 1);
  }

  private static Set<String> types(JsonNode node) {
    Set<String> t = new LinkedHashSet<>();
    JsonNode type = node.get("@type");
    if (type != null && type.isArray()) {
      type.forEach(x -> t.add(x.asText().toLowerCase(Locale.ROOT)));
    } else if (type != null) {
      t.add(type.asText().toLowerCase(Locale.ROOT));
    }
    return t;
  }

  private static Optional<String> ldString(List<JsonNode> ld, String field) {
    for (JsonNode n : ld) {
      JsonNode v = n.get(field);
      if (v != null && v.isArray() && !v.isEmpty()) {
        v = v.get(0);
      }
      if (v != null && v.isTextual() && !v.asText().isBlank()) {
        return Optional.of(v.asText());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> ldText(List<JsonNode> ld, String field, String sub) {
    for (JsonNode n : ld) {
      JsonNode v = n.get(field);
      if (v != null && v.isArray() && !v.isEmpty()) {
        v = v.get(0);
      }
      if (v != null && v.isObject() && v.hasNonNull(sub) && !v.get(sub).asText().isBlank()) {
        return Optional.of(v.get(sub).asText());
      }
      if (v != null && v.isTextual() && !v.asText().isBlank()) {
        return Optional.of(v.asText());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> ldAuthors(List<JsonNode> ld) {
    for (JsonNode n : ld) {
      JsonNode a = n.get("author");
      if (a == null) {
        continue;
      }
      List<String> names = new ArrayList<>();
      for (JsonNode x : a.isArray() ? a : List.of(a)) {
        String name = x.isObject() ? x.path("name").asText("") : x.isTextual() ? x.asText() : "";
        if (!name.isBlank() && !names.contains(name.strip())) {
          names.add(name.strip());
        }
      }
      if (!names.isEmpty()) {
        return Optional.of(String.join(", ", names));
      }
    }
    return Optional.empty();
  }
}
