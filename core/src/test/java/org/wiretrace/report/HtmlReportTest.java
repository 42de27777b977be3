package org.wiretrace.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiretrace.ingest.Article;
import org.wiretrace.pipeline.ScanOptions;
import org.wiretrace.pipeline.Wiretrace;
import org.wiretrace.relate.Relation;
import org.wiretrace.stories.Family;
import org.wiretrace.stories.Member;

class HtmlReportTest {

  static Article article(String id, String title, String date) {
    return Article.builder("feed.jsonl#" + id, "text of " + id)
        .id(id)
        .title(title)
        .site("site-" + id + ".example")
        .published(date == null ? null : Instant.parse(date + "T09:00:00Z"))
        .build();
  }

  @Test
  void aFamilyIsDrawnAsAProvenanceTreeUnderEachCopysSource() {
    Family f =
        new Family(
            "f-wire",
            "wire",
            List.of(
                new Member("wire", Relation.ORIGINAL, 1.0, "wire"),
                new Member("cut", Relation.EXCERPT, 0.93, "wire"),
                new Member("respun", Relation.SPUN, 0.874, "cut"),
                new Member("stray", Relation.EDITED, 0.6, "not-a-member")));
    Map<String, Article> byId =
        Map.of(
            "wire", article("wire", "Wire <b>story</b>", "2026-03-01"),
            "cut", article("cut", "Cut copy", "2026-03-02"),
            "respun", article("respun", "Respun copy", null),
            "stray", article("stray", "Stray copy", "2026-03-04"));
    StringBuilder sb = new StringBuilder();
    HtmlReport.tree(sb, f, byId, Map.of("cut", "c1", "respun", "c2"));
    Document d = Jsoup.parseBodyFragment(sb.toString());

    Element root = d.selectFirst("ul.tree > li");
    assertThat(root.selectFirst("> div.node.original .title").text())
        .isEqualTo("Wire <b>story</b>");
    assertThat(root.selectFirst("> div.node .rel").text()).isEqualTo("ORIGINAL");
    assertThat(root.selectFirst("> div.node").text()).contains("2026-03-01", "site-wire.example");
    // copies under the member they were judged against; a copy whose source is no member
    // hangs under the original
    assertThat(root.select("> ul > li > div.node .title").eachText())
        .containsExactly("Cut copy", "Stray copy");
    Element cut = root.selectFirst("> ul > li");
    assertThat(cut.select("> ul > li > div.node .title").eachText()).containsExactly("Respun copy");
    Element respun = cut.selectFirst("> ul > li > div.node");
    assertThat(respun.selectFirst(".rel").classNames()).contains("SPUN");
    assertThat(respun.selectFirst(".coverage").text()).isEqualTo("87% of its text from cut");
    assertThat(respun.selectFirst("a").attr("href")).isEqualTo("#c2");
    // no date shown for an undated copy, and no changes link without marked changes
    assertThat(respun.text()).doesNotContain("2026");
    assertThat(root.select("> ul > li").get(1).select("a")).isEmpty();
    // the title was text, not markup
    assertThat(sb.toString()).contains("Wire &lt;b&gt;story&lt;/b&gt;");
  }

  @Test
  void theReportIsOneSelfContainedFileWithTreesLinkedToMarkedChanges(@TempDir Path tmp) {
    Path examples = Path.of("..", "examples").toAbsolutePath().normalize();
    assumeTrue(Files.isDirectory(examples), "examples/ not found beside the core module");
    String html =
        HtmlReport.render(Wiretrace.scan(new ScanOptions(List.of(examples), tmp.resolve("data"))));
    Document d = Jsoup.parse(html);
    assertThat(d.select("script, link, img, iframe, object, embed")).isEmpty();
    assertThat(d.select("[src]")).isEmpty();
    assertThat(d.select("a[href]").eachAttr("href")).allMatch(h -> h.startsWith("#c"));
    assertThat(d.selectFirst("head style").data()).isEqualTo(HtmlReport.css());
    // 3 families, each a tree; no member tables
    assertThat(d.select("section.story ul.tree")).hasSize(3);
    assertThat(d.select("section.story table")).isEmpty();
    Element wire = d.selectFirst("ul.tree:has(div.original:contains(northwire-veradia-aid))");
    assertThat(wire.select("> li > ul > li > div.node .rel").eachText())
        .contains("DUPLICATE", "EXCERPT", "EDITED", "SPUN", "MIS_ENCODED");
    // every changes link leads to the copy's marked text, and every marked text is linked
    List<String> links = d.select("ul.tree a").eachAttr("href");
    List<String> targets = d.select("details[id]").eachAttr("id");
    assertThat(links).hasSize(5).doesNotHaveDuplicates();
    assertThat(links.stream().map(h -> h.substring(1)).toList())
        .containsExactlyInAnyOrderElementsOf(targets);
    Element spun = wire.selectFirst("div.node:has(.rel.SPUN)");
    String target = spun.selectFirst("a").attr("href").substring(1);
    assertThat(d.getElementById(target).select("span.sub del, span.sub ins")).isNotEmpty();
    assertThat(Optional.ofNullable(spun.selectFirst(".coverage")).map(Element::text).orElse(""))
        .matches("\\d+% of its text from northwire-veradia-aid");
  }
}
