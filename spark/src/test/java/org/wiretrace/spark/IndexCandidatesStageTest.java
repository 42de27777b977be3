package org.wiretrace.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiretrace.index.ArticleIndex;
import org.wiretrace.index.Candidate;
import org.wiretrace.ingest.Article;
import org.wiretrace.ingest.IngestListener;
import org.wiretrace.ingest.Ingestor;
import org.wiretrace.text.AnalyzedArticle;
import scala.Tuple2;

/**
 * The job's by-key candidate search proposes exactly the pairs the core index's Lucene search
 * proposes (best {@link ArticleIndex#DEFAULT_CANDIDATES} per article, score >= 0.3): on the
 * repository's examples, and, when {@code ../shared} is present, on the first 400 BBC articles.
 */
class IndexCandidatesStageTest {

  private static SparkSession spark;

  @TempDir static Path tmp;

  @BeforeAll
  static void start() {
    spark = LocalSpark.session();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void sameCandidatesAsTheIndexOnTheExamples() throws IOException {
    Path examples = Path.of(System.getProperty("wiretrace.root", "..")).resolve("examples");
    assertSameCandidates(read(examples, Integer.MAX_VALUE), "examples");
  }

  @Test
  void sameCandidatesAsTheIndexOnBbc() throws IOException {
    Path bbc =
        Path.of(System.getProperty("wiretrace.shared", "../../shared"))
            .resolve("data/corpora/bbc.jsonl.gz");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isRegularFile(bbc), "no " + bbc + " (../shared absent): skipped");
    assertSameCandidates(read(bbc, 400), "bbc400");
  }

  private static void assertSameCandidates(List<Article> articles, String name) throws IOException {
    articles.sort(Comparator.comparing(Article::id));
    Set<String> expected = new TreeSet<>();
    try (ArticleIndex index = ArticleIndex.open(tmp.resolve(name))) {
      for (Article a : articles) {
        index.put(a);
      }
      index.commit();
      for (Article a : articles) {
        AnalyzedArticle x = AnalyzedArticle.of(a);
        for (Candidate c :
            index.candidates(x.article(), x.tokens(), ArticleIndex.DEFAULT_CANDIDATES)) {
          if (c.score() >= IndexQuery.MIN_SCORE) {
            expected.add(pair(a.id(), c.id()));
          }
        }
      }
    }
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<Tuple2<Integer, Features>> features = new ArrayList<>();
    for (int i = 0; i < articles.size(); i++) {
      features.add(new Tuple2<>(i, Features.of(i, ArticleRow.of(articles.get(i)), false)));
    }
    JavaPairRDD<Integer, Features> rdd = sc.parallelizePairs(features, 3);
    Set<String> actual = new TreeSet<>();
    // one batch: every article is stored before any is searched, as in this test's index
    ScanOrder order = new ScanOrder(articles.size());
    var positions = sc.broadcast(new int[articles.size()]);
    for (long p :
        IndexCandidatesStage.proposals(
                sc,
                rdd,
                order,
                positions,
                JobOptions.DEFAULT_MAX_POSTINGS,
                3,
                sc.sc().longAccumulator())
            .keys()
            .collect()) {
      actual.add(pair(articles.get(Pairs.first(p)).id(), articles.get(Pairs.second(p)).id()));
    }
    assertThat(expected).as("the index proposes pairs on %s", name).isNotEmpty();
    assertThat(actual).isEqualTo(expected);
  }

  private static String pair(String x, String y) {
    return x.compareTo(y) < 0 ? x + " " + y : y + " " + x;
  }

  private static List<Article> read(Path input, int max) {
    List<Article> out = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    new Ingestor(IngestListener.ignoring())
        .read(List.of(input))
        .filter(a -> seen.add(a.id()))
        .limit(max)
        .forEach(out::add);
    return out;
  }
}
