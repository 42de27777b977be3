package org.wiretrace.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wiretrace.ingest.Article;
import org.wiretrace.ingest.Repair;

class JobOptionsTest {

  @Test
  void parsesOutputInputsAndBounds() {
    JobOptions o =
        JobOptions.parse("--max-postings", "50", "out", "hdfs://nn/a.warc.gz", "s3a://b/c.jsonl");
    assertThat(o.output()).isEqualTo("out");
    assertThat(o.inputs()).containsExactly("hdfs://nn/a.warc.gz", "s3a://b/c.jsonl");
    assertThat(o.maxPostings()).isEqualTo(50);
    assertThat(o.partitions()).isZero();
  }

  @Test
  void rejectsMissingInputsAndBadNumbers() {
    assertThatThrownBy(() -> JobOptions.parse("out")).hasMessageContaining("usage");
    assertThatThrownBy(() -> JobOptions.parse("--partitions", "x", "o", "i"))
        .hasMessageContaining("not a number: x");
    assertThatThrownBy(() -> JobOptions.parse("--max-postings", "1", "o", "i"))
        .hasMessageContaining("maxPostings must be >= 2");
  }

  @Test
  void articleRowRoundTripsEveryField() {
    Article a =
        Article.builder("feed.jsonl#3", "Caf\u00e9 opens.")
            .title("Opening")
            .url("https://x.example/a")
            .site("x.example")
            .byline("A. Writer")
            .published(Instant.parse("2026-01-02T03:04:05Z"))
            .language("en")
            .repairs(List.of(new Repair("mojibake", 0, 4, "CafÃ©", "Caf\u00e9")))
            .build();
    assertThat(ArticleRow.of(a).article()).isEqualTo(a);
    Article bare = Article.builder("b.txt", "Text.").build();
    assertThat(ArticleRow.of(bare).article()).isEqualTo(bare);
  }
}
