package org.wiretrace.spark.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wiretrace.ingest.Article;

class MinHashLshPeerTest {
  private static final String HARBOUR =
      "The harbour authority said on Tuesday that the northern pier would close for repairs"
          + " next month after divers found cracks in three of its concrete pillars, and that"
          + " ferries to the islands would leave from the southern quay until the work is done,"
          + " which engineers expect to take about six weeks if the weather holds.";
  private static final String ORCHARD =
      "Apple growers in the valley expect a smaller harvest this autumn because a late frost"
          + " in April damaged the blossom on many older trees, the growers' cooperative said,"
          + " adding that prices at the farm gate were likely to rise by a tenth.";

  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("wiretrace-test-peers")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static Article article(String id, String text) {
    return Article.builder("test:" + id, text).id(id).build();
  }

  @Test
  void featuresAreTheSortedDistinctReducedHashesWithWeightOne() {
    long big = (1L << 40) + 7;
    SparseVector v = MinHashLshPeer.features(new long[] {-1, 5, big, 5 + (1L << 30)});
    assertThat(v.size()).isEqualTo(MinHashLshPeer.NUM_FEATURES);
    assertThat(v.indices()).containsExactly(5, 7, MinHashLshPeer.NUM_FEATURES - 1);
    assertThat(v.values()).containsOnly(1.0);
  }

  @Test
  void joinReportsTheCopyAndTheNearCopyButNotTheEditedOrUnrelatedOrEmptyText() {
    List<Article> articles =
        List.of(
            article("a", HARBOUR),
            article("b", ORCHARD),
            article("c", HARBOUR),
            article("d", HARBOUR.replace("about six weeks", "roughly six weeks")),
            article("e", ORCHARD.replace("Apple", "Pear").replace("frost", "snow")),
            article("f", "..."));

    MinHashLshPeer.Result r = MinHashLshPeer.join(spark, articles, 10, 0.8, 2);

    assertThat(r.articles()).isEqualTo(6);
    assertThat(r.vectors()).isEqualTo(5);
    assertThat(r.pairs()).extracting(p -> p.a() + "-" + p.b()).containsExactly("a-c", "a-d", "c-d");
    assertThat(r.pairs().get(0).jaccard()).isEqualTo(1.0);
    assertThat(r.pairs().get(1).jaccard()).isBetween(0.8, 0.9);
  }

  @Test
  void rejectsBadSettings() {
    List<Article> none = List.of();
    assertThatThrownBy(() -> MinHashLshPeer.join(spark, none, 0, 0.8, 2))
        .hasMessageContaining("tables");
    assertThatThrownBy(() -> MinHashLshPeer.join(spark, none, 5, 1.2, 2))
        .hasMessageContaining("threshold");
  }
}
