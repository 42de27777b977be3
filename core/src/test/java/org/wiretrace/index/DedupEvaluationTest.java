package org.wiretrace.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiretrace.ingest.Article;

class DedupEvaluationTest {
  private static final String HARBOUR =
      "The harbour authority said on Tuesday that the northern pier would close for repairs"
          + " next month after divers found cracks in three of its concrete pillars, and that"
          + " ferries to the islands would leave from the southern quay until the work is done,"
          + " which engineers expect to take about six weeks if the weather holds.";
  private static final String ORCHARD =
      "Apple growers in the valley expect a smaller harvest this autumn because a late frost"
          + " in April damaged the blossom on many older trees, the growers' cooperative said,"
          + " adding that prices at the farm gate were likely to rise by a tenth.";

  private static Article article(String id, String text) {
    return Article.builder("test:" + id, text).id(id).build();
  }

  @Test
  void findsCopiesAndNearCopiesAndListsTruthAndFoundPairsWithTimings(@TempDir Path dir)
      throws Exception {
    List<Article> articles =
        List.of(
            article("a", HARBOUR),
            article("b", ORCHARD),
            article("c", HARBOUR),
            article("d", HARBOUR.replace("about six weeks", "roughly six weeks")),
            article(
                "e",
                ORCHARD
                    .replace("Apple", "Pear")
                    .replace("frost", "snow")
                    .replace("tenth", "fifth")));

    DedupEvaluation.Result r = new DedupEvaluation(0.8).run(articles, dir, i -> {});

    assertThat(r.truthPairs())
        .extracting(p -> p.a() + "-" + p.b())
        .containsExactly("a-c", "a-d", "c-d");
    assertThat(r.truthPairs()).allSatisfy(p -> assertThat(p.exact()).isGreaterThanOrEqualTo(0.8));
    assertThat(r.foundPairs())
        .extracting(p -> p.a() + "-" + p.b())
        .containsExactly("a-c", "a-d", "c-d");
    assertThat(r.recall()).isEqualTo(1.0);
    assertThat(r.precision()).isEqualTo(1.0);
    assertThat(r.truthSeconds()).isPositive();
    assertThat(r.detectorSeconds()).isEqualTo(r.indexSeconds() + r.querySeconds());
    assertThat(r.detectorCpuSeconds()).isGreaterThanOrEqualTo(0);
    assertThat(r.truthCpuSeconds()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void rejectsThresholdsOutsideTheUnitInterval() {
    assertThatThrownBy(() -> new DedupEvaluation(0)).hasMessageContaining("threshold");
    assertThatThrownBy(() -> new DedupEvaluation(1.5)).hasMessageContaining("threshold");
  }
}
