package org.wiretrace.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.apache.lucene.index.CorruptIndexException;
import org.junit.jupiter.api.Test;
import org.wiretrace.ingest.Article;
import org.wiretrace.ingest.Repair;

class ArticleMetaTest {

  private static ArticleMeta.Decoded roundTrip(Article a, byte[] payload) throws Exception {
    byte[] b = ArticleMeta.encode(a, "hash-1", 42L, payload);
    byte[] framed =
        new byte[b.length + 5]; // at an offset inside a larger array, as doc values give
    System.arraycopy(b, 0, framed, 3, b.length);
    return ArticleMeta.decode(framed, 3, b.length, "doc 1");
  }

  @Test
  void keepsEveryFieldButTheTextAndThePayload() throws Exception {
    Article a =
        new Article(
            "id-ü",
            "feed.jsonl#12",
            "Überschrift — “quoted”",
            "the text is not kept",
            java.util.Optional.of("https://example.org/a"),
            java.util.Optional.of("example.org"),
            java.util.Optional.of("A. Writer"),
            java.util.Optional.of(Instant.parse("2024-05-01T10:00:00.123456789Z")),
            java.util.Optional.of("de"),
            List.of(new Repair("utf8-as-cp1252", 0, 300, "â€œ", "“")));
    ArticleMeta.Decoded d = roundTrip(a, new byte[] {5, 0, -1});
    Article back = d.article().article();
    assertThat(back.text()).isEmpty();
    assertThat(back).isEqualTo(a.withoutText());
    assertThat(d.article().contentHash()).isEqualTo("hash-1");
    assertThat(d.article().seq()).isEqualTo(42L);
    assertThat(d.payload()).containsExactly(5, 0, -1);
  }

  @Test
  void keepsAbsentMetadataAbsentAndTellsNoPayloadFromAnEmptyOne() throws Exception {
    Article a = Article.builder("x.txt", "body").id("x").build();
    ArticleMeta.Decoded none = roundTrip(a, null);
    assertThat(none.payload()).isNull();
    assertThat(none.article().article().url()).isEmpty();
    assertThat(none.article().article().published()).isEmpty();
    assertThat(none.article().article().repairs()).isEmpty();
    assertThat(roundTrip(a, new byte[0]).payload()).isEmpty();
  }

  @Test
  void reportsBadBytesAsCorruptionNamingWhere() {
    byte[] b = ArticleMeta.encode(Article.builder("x.txt", "body").id("x").build(), "h", 1, null);
    assertThatThrownBy(() -> ArticleMeta.decode(b, 0, b.length - 2, "doc 7 of _3"))
        .isInstanceOf(CorruptIndexException.class)
        .hasMessageContaining("doc 7 of _3");
    byte[] other = b.clone();
    other[0] = 9;
    assertThatThrownBy(() -> ArticleMeta.decode(other, 0, other.length, "doc 8"))
        .isInstanceOf(CorruptIndexException.class)
        .hasMessageContaining("unknown layout 9");
  }
}
