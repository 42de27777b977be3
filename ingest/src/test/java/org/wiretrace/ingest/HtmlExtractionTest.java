package org.wiretrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HtmlExtractionTest {

  private static Article read(String html) {
    return HtmlReader.parse(
            "page.html",
            html.getBytes(StandardCharsets.UTF_8),
            Optional.empty(),
            Optional.empty(),
            IngestListener.ignoring())
        .orElseThrow();
  }

  @Test
  void keepsTheArticleAndDropsPageFurniture() {
    Article a = read(Pages.article("Breakwater to be rebuilt", "https://gazette.example/b/1", ""));
    for (String p : Pages.PARAGRAPHS) {
      assertThat(a.text()).contains(p);
    }
    assertThat(a.text())
        .doesNotContain("Home")
        .doesNotContain("cookies")
        .doesNotContain("Share on")
        .doesNotContain("Photo: Port archive")
        .doesNotContain("Quarry workers strike")
        .doesNotContain("Leave a Comment")
        .doesNotContain("email address")
        .doesNotContain("Copyright")
        .doesNotContain("tracking");
    assertThat(a.text().split("\n\n")).hasSize(Pages.PARAGRAPHS.length);
  }

  @Test
  void readsMetadataFromJsonLdOpenGraphAndLinks() {
    Article a = read(Pages.article("Breakwater to be rebuilt", "https://gazette.example/b/1", ""));
    assertThat(a.title()).isEqualTo("Breakwater to be rebuilt");
    assertThat(a.url()).contains("https://gazette.example/b/1");
    assertThat(a.site()).contains("Lindenport Gazette");
    assertThat(a.byline()).contains("Mira Holt");
    assertThat(a.published()).contains(Instant.parse("2024-03-05T07:30:00Z"));
    assertThat(a.language()).contains("en");
  }

  @Test
  void metaTagsServeWhenThereIsNoStructuredData() {
    String html =
        "<html><head><title>Plain page - Town Crier</title>"
            + "<meta name=\"author\" content=\"By Ola Berg\">"
            + "<meta property=\"article:published_time\" content=\"2023-11-02\">"
            + "<meta property=\"og:site_name\" content=\"Town Crier\"></head><body><div>"
            + "<p>"
            + Pages.PARAGRAPHS[0]
            + "</p><p>"
            + Pages.PARAGRAPHS[1]
            + "</p></div></body></html>";
    Article a = read(html);
    assertThat(a.title()).isEqualTo("Plain page");
    assertThat(a.byline()).contains("Ola Berg");
    assertThat(a.published()).contains(Instant.parse("2023-11-02T00:00:00Z"));
    assertThat(a.site()).contains("Town Crier");
  }

  @Test
  void repairsMojibakeInThePageAndRecordsIt() {
    String mangled =
        new String(
            "He said “the wall is safe” – and left.".getBytes(StandardCharsets.UTF_8),
            java.nio.charset.Charset.forName("windows-1252"));
    Article a =
        read(Pages.article("Breakwater", "https://gazette.example/b/2", mangled + " " + mangled));
    assertThat(a.text()).contains("He said “the wall is safe” – and left.");
    assertThat(a.repairs()).isNotEmpty();
    assertThat(a.repairs().get(0).kind()).isEqualTo("utf8-as-cp1252");
  }

  @Test
  void structuredArticleBodyStandsInWhenTheMarkupHidesTheArticle() {
    String body = String.join("\\n\\n", Pages.PARAGRAPHS);
    String html =
        "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
            + "\"headline\":\"Breakwater\",\"articleBody\":\""
            + body
            + "\"}</script></head><body><div id=\"app\"><p>Loading the article, please"
            + " wait while the page is prepared for you.</p></div></body></html>";
    Article a = read(html);
    assertThat(a.title()).isEqualTo("Breakwater");
    assertThat(a.text()).contains(Pages.PARAGRAPHS[0]).contains(Pages.PARAGRAPHS[3]);
  }
}
