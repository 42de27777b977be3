package org.wiretrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WARCs written here with jwarc round-trip through the readers; real shared data is read too. */
class WarcAndFeedTest {

  @TempDir Path dir;

  private static Path shared(String rel) {
    Path root = Path.of(System.getProperty("wiretrace.shared", "../../shared"));
    Path p = root.resolve(rel);
    assumeTrue(Files.isRegularFile(p), "../shared is absent: skipping the test on " + rel);
    return p;
  }

  @Test
  void warcWrittenWithJwarcRoundTrips() throws IOException {
    for (boolean gzip : new boolean[] {false, true}) {
      Path warc = dir.resolve(gzip ? "pages.warc.gz" : "pages.warc");
      String latin =
          Pages.article(
              "Zürich café", "https://gazette.example/zurich", "Größere Straßen für Zürich.");
      Pages.writeWarc(
          warc,
          gzip,
          List.of(
              Pages.Capture.html(
                  "https://gazette.example/one",
                  Pages.article("One", "https://gazette.example/one", "")),
              // charset only in the HTTP header: the page's own meta says utf-8 and must lose
              Pages.Capture.html(
                  "https://gazette.example/zurich",
                  latin.replace("<meta charset=\"utf-8\">", ""),
                  StandardCharsets.ISO_8859_1)));
      IngestSummary.Counter counter = new IngestSummary.Counter();
      List<Article> articles = new Ingestor(counter).read(List.of(warc)).toList();
      assertThat(articles).hasSize(2);
      Article one = articles.get(0);
      assertThat(one.title()).isEqualTo("One");
      assertThat(one.url()).contains("https://gazette.example/one");
      assertThat(one.origin()).startsWith(warc.toString() + "#offset ");
      assertThat(one.text()).contains(Pages.PARAGRAPHS[2]);
      // the JSON-LD date wins over the capture date
      assertThat(one.published()).contains(Instant.parse("2024-03-05T07:30:00Z"));
      Article zurich = articles.get(1);
      assertThat(zurich.title()).isEqualTo("Zürich café");
      assertThat(zurich.text()).contains("Größere Straßen für Zürich.");
      assertThat(counter.summary().skipped()).isZero();
      // the reader is Iterable and a Stream over the same records
      List<Article> viaIterable = new ArrayList<>();
      new WarcReader(warc, IngestListener.ignoring()).forEach(viaIterable::add);
      assertThat(viaIterable)
          .extracting(Article::text)
          .containsExactlyElementsOf(articles.stream().map(Article::text).toList());
      assertThat(new WarcReader(warc, IngestListener.ignoring()).stream().count()).isEqualTo(2);
    }
  }

  @Test
  void realCrawlWarcAccountsForEveryRecord() {
    Path warc = shared("data/warc/crawl-sample-2008.warc.gz");
    IngestSummary.Counter counter = new IngestSummary.Counter();
    List<Article> articles = new Ingestor(counter).read(List.of(warc)).toList();
    IngestSummary s = counter.summary();
    assertThat(articles).hasSizeGreaterThan(20);
    assertThat(s.read()).isEqualTo(s.ingested() + s.skipped());
    assertThat(s.skippedByReason()).containsKeys("not a response", "not HTML");
    assertThat(articles)
        .allSatisfy(
            a -> {
              assertThat(a.url()).isPresent();
              assertThat(a.published()).isPresent();
              assertThat(a.origin()).contains("#offset ");
            });
  }

  @Test
  void realRssFeedItemsAreMatchedToPagesOfTheSameRun() throws IOException {
    Path feed = shared("data/rss/bbc-world-2017-01-20.xml");
    List<String> links = new ArrayList<>();
    FeedReader.Items items =
        FeedReader.read(feed, Files.readAllBytes(feed), IngestListener.ignoring());
    items.links().forEach(l -> links.add(l.link()));
    assertThat(links).hasSize(3);
    assertThat(items.links())
        .allSatisfy(
            l -> {
              assertThat(l.title()).isNotBlank();
              assertThat(l.published()).isPresent();
            });
    // pages for two of the three links, in a WARC of this run (texts are ours)
    Path warc = dir.resolve("bbc.warc.gz");
    String page =
        Pages.article("", links.get(0), "")
            .replace("<link rel=\"canonical\" href=\"" + links.get(0) + "\">", "");
    page =
        page.replaceAll("<meta property=\"og:title\"[^>]*>", "")
            .replace("\"headline\":\"\",", "")
            .replace("<title> | Lindenport Gazette</title>", "");
    Pages.writeWarc(
        warc,
        true,
        List.of(
            Pages.Capture.html(links.get(0) + "?utm_source=rss", page),
            Pages.Capture.html(links.get(1).replace("http://www.", "https://"), page)));
    List<Skipped> skipped = new ArrayList<>();
    IngestSummary.Counter counter = new IngestSummary.Counter(skipped::add);
    List<Article> articles = new Ingestor(counter).read(List.of(warc, feed)).toList();
    assertThat(articles).hasSize(2);
    assertThat(articles.get(0).title()).isEqualTo(items.links().get(0).title());
    assertThat(skipped)
        .extracting(Skipped::category)
        .containsExactlyInAnyOrder(
            "feed item merged into its page",
            "feed item merged into its page",
            "link-only feed item");
    IngestSummary s = counter.summary();
    assertThat(s.read()).isEqualTo(5);
  }

  @Test
  void atomFeedWithFullContentGivesArticles() throws IOException {
    StringBuilder content = new StringBuilder();
    for (String p : Pages.PARAGRAPHS) {
      content.append("&lt;p&gt;").append(p).append("&lt;/p&gt;");
    }
    Path atom =
        Files.writeString(
            dir.resolve("feed.atom"),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Lindenport Gazette</title>"
                + "<id>urn:x</id><updated>2024-03-05T08:30:00Z</updated>"
                + "<entry><title>Breakwater</title><id>urn:1</id>"
                + "<link href=\"https://gazette.example/b\"/><updated>2024-03-05T08:30:00Z</updated>"
                + "<author><name>Mira Holt</name></author>"
                + "<content type=\"html\">"
                + content
                + "</content></entry></feed>");
    List<Article> articles = new Ingestor(IngestListener.ignoring()).read(List.of(atom)).toList();
    assertThat(articles)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.title()).isEqualTo("Breakwater");
              assertThat(a.text()).contains(Pages.PARAGRAPHS[0]).contains(Pages.PARAGRAPHS[3]);
              assertThat(a.byline()).contains("Mira Holt");
              assertThat(a.site()).contains("Lindenport Gazette");
              assertThat(a.url()).contains("https://gazette.example/b");
            });
  }
}
