package org.wiretrace.ingest;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.wiretrace.ingest.encoding.Mojibake;
import org.wiretrace.ingest.html.ContentExtractor;

/**
 * RSS 0.9x/1.0/2.0 and Atom feeds, read with Rome. Each item becomes an article when it carries its
 * content ({@code content:encoded}, Atom {@code content}, or a description of at least {@link
 * #MIN_CONTENT_CHARS}); an item with only a short summary and a link is a {@link LinkItem}, which
 * {@link Ingestor} matches to a page given in the same run. Stateless and thread-safe.
 */
public final class FeedReader {

  /** Item text shorter than this (chars) is a teaser, not the article. */
  public static final int MIN_CONTENT_CHARS = 400;

  /** Feeds larger than this are skipped. */
  public static final int MAX_FEED_BYTES = 64 << 20;

  private FeedReader() {}

  /**
   * A feed item whose content is only a link (and perhaps a teaser): the page it points to is the
   * article.
   *
   * @param origin where the item was read ({@code feed.xml#item 3})
   * @param link the item's link
   * @param title the item's title
   * @param published the item's date
   * @param byline the item's author
   */
  public record LinkItem(
      String origin,
      String link,
      String title,
      Optional<java.time.Instant> published,
      Optional<String> byline) {}

  /** What a feed holds: full articles and link-only items. */
  public record Items(List<Article> articles, List<LinkItem> links) {}

  /** Reads the feed in {@code bytes} from {@code file}; problems are reported to the listener. */
  public static Items read(Path file, byte[] bytes, IngestListener listener) {
    String path = file.toString();
    List<Article> articles = new ArrayList<>();
    List<LinkItem> links = new ArrayList<>();
    if (bytes.length == 0) {
      listener.skipped(new Skipped(path, "", "empty file"));
      return new Items(articles, links);
    }
    if (bytes.length > MAX_FEED_BYTES) {
      listener.skipped(new Skipped(path, "", "feed too large: " + bytes.length + " bytes"));
      return new Items(articles, links);
    }
    SyndFeed feed;
    try {
      SyndFeedInput input = new SyndFeedInput();
      input.setAllowDoctypes(false);
      feed = input.build(new XmlReader(new ByteArrayInputStream(bytes), true));
    } catch (Exception e) {
      // Rome reports bad XML with several exception types (FeedException, IllegalArgument...)
      listener.skipped(new Skipped(path, "offset 0", "not an RSS/Atom feed: " + oneLine(e)));
      return new Items(articles, links);
    }
    String site = feed.getTitle();
    List<SyndEntry> entries = feed.getEntries();
    for (int i = 0; i < entries.size(); i++) {
      String locator = "item " + (i + 1);
      try {
        readEntry(entries.get(i), path, locator, site, articles, links, listener);
      } catch (RuntimeException e) {
        listener.skipped(new Skipped(path, locator, "unreadable item: " + oneLine(e)));
      }
    }
    if (entries.isEmpty()) {
      listener.skipped(new Skipped(path, "", "feed has no items"));
    }
    return new Items(articles, links);
  }

  private static void readEntry(
      SyndEntry e,
      String path,
      String locator,
      String site,
      List<Article> articles,
      List<LinkItem> links,
      IngestListener listener) {
    String html = null;
    for (SyndContent c : e.getContents()) {
      if (c.getValue() != null && (html == null || c.getValue().length() > html.length())) {
        html = c.getValue();
      }
    }
    if (html == null && e.getDescription() != null) {
      html = e.getDescription().getValue();
    }
    String text = html == null ? "" : textOf(html);
    String title = e.getTitle() == null ? "" : e.getTitle().strip();
    Optional<java.time.Instant> date =
        Optional.ofNullable(
                e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate())
            .map(Date::toInstant);
    Optional<String> author =
        Optional.ofNullable(e.getAuthor()).map(String::strip).filter(s -> !s.isEmpty());
    String link = e.getLink() != null ? e.getLink().strip() : e.getUri();
    if (text.length() < MIN_CONTENT_CHARS) {
      if (link != null && !link.isBlank()) {
        links.add(new LinkItem(path + "#" + locator, link, title, date, author));
      } else {
        listener.skipped(new Skipped(path, locator, "item has neither content nor link"));
      }
      return;
    }
    Mojibake.Result repaired = Mojibake.repair(text);
    articles.add(
        Article.builder(path + "#" + locator, repaired.text())
            .id(Article.contentId(path + "#" + locator, repaired.text()))
            .title(Mojibake.repair(title).text())
            .url(link)
            .site(site)
            .byline(author.orElse(null))
            .published(date.orElse(null))
            .repairs(repaired.repairs())
            .build());
  }

  /** The text of an item's HTML content, paragraph by paragraph. */
  static String textOf(String html) {
    if (html.indexOf('<') < 0) {
      return html.strip();
    }
    Document doc = Jsoup.parseBodyFragment(html);
    String main = ContentExtractor.paragraphs(doc.body());
    return main.isBlank() ? doc.body().text().strip() : main;
  }

  private static String oneLine(Exception e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName()
        + (m == null ? "" : ": " + m.lines().findFirst().orElse("").strip());
  }
}
