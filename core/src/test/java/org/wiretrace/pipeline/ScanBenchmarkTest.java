package org.wiretrace.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiretrace.index.ArticleIndex;
import org.wiretrace.index.SyntheticCorpus;
import org.wiretrace.ingest.Article;
import org.wiretrace.relate.Relation;

/** The scan benchmark's accounting on a small synthetic collection of hand-made news. */
class ScanBenchmarkTest {
  @TempDir Path dir;

  private static final String[] SUBJECTS = {
    "The harbour council", "The regional court", "A coalition of farmers", "The port authority",
    "Local teachers", "The mining company", "City engineers", "The national rail operator"
  };
  private static final String[] VERBS = {
    "approved", "rejected", "postponed", "questioned", "welcomed", "announced", "criticised"
  };
  private static final String[] OBJECTS = {
    "a plan to widen the northern canal",
    "the budget for new school buildings",
    "an inquiry into water prices",
    "the closure of the old copper mine",
    "a tender for electric ferries",
    "new rules on night freight",
    "the merger of two hospitals"
  };

  /** Forty short reports, each of twelve sentences drawn deterministically from the lists. */
  static List<Article> base() {
    List<Article> out = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      StringBuilder sb = new StringBuilder();
      for (int s = 0; s < 12; s++) {
        int k = i * 31 + s * 17;
        sb.append(SUBJECTS[(k + s) % SUBJECTS.length])
            .append(' ')
            .append(VERBS[(k / 3 + i) % VERBS.length])
            .append(' ')
            .append(OBJECTS[(k / 7 + s * i) % OBJECTS.length])
            .append(" on day ")
            .append(i * 12 + s)
            .append(", officials said in report ")
            .append(1000 + i)
            .append(". ");
      }
      out.add(
          Article.builder("test:base-" + i, sb.toString()).id("base-" + i).title("r" + i).build());
    }
    return out;
  }

  @Test
  void accountsForEveryFoundCopyByTheRelationItWasGiven() throws Exception {
    List<Article> base = base();
    SyntheticCorpus corpus =
        new SyntheticCorpus(base::stream, 120, 7, SyntheticCorpus.DEFAULT_RATES);
    ScanBenchmark.Result r;
    try (ArticleIndex index = ArticleIndex.open(dir)) {
      r = new ScanBenchmark(index, 0, false).showWrong(5).run(corpus, n -> {});
    }
    assertThat(r.articles()).isEqualTo(120);
    assertThat(r.kinds()).isNotEmpty();
    for (ScanBenchmark.KindRecall k : r.kinds()) {
      long named = k.namedAs().values().stream().mapToLong(Long::longValue).sum();
      assertThat(named).as(k.kind() + ": every found copy is counted once").isEqualTo(k.found());
      assertThat(k.namedAs().getOrDefault(label(k.kind()), 0L)).isEqualTo(k.named());
      assertThat(k.plantedShort()).isBetween(k.foundShort(), k.planted());
      assertThat(k.found() - k.foundShort()).isBetween(0L, k.planted() - k.plantedShort());
    }
    assertThat(r.wrong()).hasSizeLessThanOrEqualTo(5);
  }

  @Test
  void aCopyIsTracedToTheOriginalItWasPlantedFrom() {
    assertThat(SyntheticCorpus.originalId("syn-5260-f4060")).contains("syn-4060-f4060");
    assertThat(SyntheticCorpus.originalId("syn-17-f17")).contains("syn-17-f17");
    assertThat(SyntheticCorpus.originalId("reuters-17")).isEmpty();
  }

  private static Relation label(SyntheticCorpus.Kind k) {
    return Relation.valueOf(k.name());
  }
}
