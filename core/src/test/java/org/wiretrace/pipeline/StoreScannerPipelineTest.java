package org.wiretrace.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiretrace.index.ArticleIndex;
import org.wiretrace.index.SyntheticCorpus;
import org.wiretrace.ingest.Article;

/** A scan that analyses the next batch ahead stores what adding the batches one by one stores. */
class StoreScannerPipelineTest {
  @TempDir Path dir;

  @Test
  void scanningWithTheNextBatchAnalysedAheadStoresTheSameVerdicts() throws Exception {
    List<Article> articles = new ArrayList<>();
    for (SyntheticCorpus.Item item :
        new SyntheticCorpus(
            ScanBenchmarkTest.base()::stream, 150, 11, SyntheticCorpus.DEFAULT_RATES)) {
      articles.add(item.article());
    }
    Map<String, String> oneByOne;
    try (ArticleIndex index = ArticleIndex.open(dir.resolve("a"))) {
      StoreScanner s = new StoreScanner(index);
      for (int from = 0; from < articles.size(); from += 20) {
        s.add(articles.subList(from, Math.min(articles.size(), from + 20)));
      }
      index.commit();
      oneByOne = relations(index);
    }
    Map<String, String> ahead;
    List<Integer> sizes = new ArrayList<>();
    try (ArticleIndex index = ArticleIndex.open(dir.resolve("b"))) {
      new StoreScanner(index)
          .scan(
              articles.iterator(),
              20,
              (batch, r) -> {
                sizes.add(batch.size());
                assertThat(r.added()).isEqualTo(batch.size());
              });
      index.commit();
      ahead = relations(index);
      assertThat(index.articleCount()).isEqualTo(150);
    }
    assertThat(sizes).containsExactly(20, 20, 20, 20, 20, 20, 20, 10);
    assertThat(oneByOne).isNotEmpty();
    assertThat(ahead).isEqualTo(oneByOne);
  }

  private static Map<String, String> relations(ArticleIndex index) throws Exception {
    Map<String, String> out = new TreeMap<>();
    index.forEachRecord(org.wiretrace.index.StoreRecord.RELATION, r -> out.put(r.key(), r.json()));
    return out;
  }
}
