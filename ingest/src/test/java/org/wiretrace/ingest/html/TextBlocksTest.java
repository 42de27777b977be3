package org.wiretrace.ingest.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextBlocksTest {

  @ParameterizedTest
  @CsvSource({
    "share-bar, true",
    "comment-form comments, true",
    "sign-up-box, true",
    "advertisement-slot, true",
    "most-popular-list, true",
    "m-advertisement-off-canvas--pusher, true",
    "article-share, false",
    "main-content sidebar, false",
    "post-text related, false",
    "pagebuilder-pagerow, false",
    "shared-memory, false",
    "header-aligned-left, false",
    "overflow-hidden, false"
  })
  void classAndIdWordsNameFurniture(String key, boolean furniture) {
    assertThat(TextBlocks.unlikely(key)).isEqualTo(furniture);
  }

  @Test
  void aFurnitureNamedWrapperOfMostOfThePageIsKept() {
    String p = "<p>" + "Harbour works begin in March after the winter pause. ".repeat(5) + "</p>";
    var doc =
        Jsoup.parse(
            "<body><div class=\"ad-wrapper\">"
                + p
                + p
                + "</div><div class=\"share\">Share</div></body>");
    assertThat(TextBlocks.of(doc.body())).hasSize(2).allMatch(b -> b.text().startsWith("Harbour"));
  }

  @Test
  void blocksKnowTheirLinkText() {
    var doc =
        Jsoup.parse("<body><p>See <a href=/x>the full report</a> here.</p><h2>Next</h2></body>");
    var blocks = TextBlocks.of(doc.body());
    assertThat(blocks).hasSize(2);
    assertThat(blocks.get(0).text()).isEqualTo("See the full report here.");
    assertThat(blocks.get(0).linkChars()).isEqualTo("the full report".length());
    assertThat(blocks.get(1).heading()).isTrue();
  }
}
