package org.wiretrace.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiretrace.index.ArticleIndex;
import org.wiretrace.ingest.Article;
import org.wiretrace.ingest.IngestListener;
import org.wiretrace.ingest.Ingestor;
import org.wiretrace.stories.StoryBuilder;
import org.wiretrace.stories.StoryClusterer;
import org.wiretrace.stories.StoryFeatures;
import org.wiretrace.stories.StoryGroup;
import org.wiretrace.text.Tokens;

/**
 * The story clusterer's state kept in the store: a scan that only adds later articles resumes it,
 * and ends with the stories of clustering everything at once.
 */
class StoryStateTest {
  @TempDir Path tmp;

  /** The dated articles of the dev story set, in chronological order (publication, then id). */
  private static List<Article> devArticles() {
    String shared = System.getProperty("wiretrace.shared", "../shared");
    Path file = Path.of(shared, "data", "news-clusters", "giveme5w1h_news_cluster.jsonl");
    assumeTrue(Files.isReadable(file), "../shared absent: skipping (" + file + ")");
    List<Article> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    try (var s = new Ingestor(IngestListener.ignoring()).read(List.of(file))) {
      s.filter(a -> a.published().isPresent() && ids.add(a.id())).forEach(out::add);
    }
    out.sort(StoryBuilder.chronological());
    return out;
  }

  private static Path jsonl(Path file, List<Article> articles) throws Exception {
    ObjectMapper m = new ObjectMapper();
    StringBuilder sb = new StringBuilder();
    for (Article a : articles) {
      ObjectNode o = m.createObjectNode();
      o.put("id", a.id());
      o.put("title", a.title());
      o.put("text", a.text());
      a.published().ifPresent(p -> o.put("published", p.toString()));
      sb.append(m.writeValueAsString(o)).append('\n');
    }
    Files.createDirectories(file.getParent());
    Files.writeString(file, sb, StandardCharsets.UTF_8);
    return file;
  }

  /** Articles clustered: those of the kept state's open stories and of the closed ones. */
  private static int clustered(Path data) throws Exception {
    try (ArticleIndex index = ArticleIndex.openReadOnly(data)) {
      int closed = 0;
      for (StoryGroup g : StoreContents.closedStories(index).orElseThrow()) {
        closed += g.articleIds().size();
      }
      return state(data).clustered() + closed;
    }
  }

  private static StoryClusterer state(Path data) throws Exception {
    try (ArticleIndex index = ArticleIndex.openReadOnly(data)) {
      byte[] b = index.state(StoryState.KEY).orElseThrow();
      return StoryState.decode(b).orElseThrow().clusterer();
    }
  }

  @Test
  void scanningTwentyFiveThenFortyLaterArticlesGivesTheStoriesOfScanningAllSixtyFive()
      throws Exception {
    List<Article> all = devArticles();
    assumeTrue(all.size() >= 65, "too few dated articles");
    resumesAsOneScan(all.subList(0, 25), all.subList(25, 65), 0);
  }

  /** {@code a} published at {@code when} (null: undated). */
  private static Article at(Article a, java.time.Instant when) {
    return new Article(
        a.id(),
        a.origin(),
        a.title(),
        a.text(),
        a.url(),
        a.site(),
        a.byline(),
        java.util.Optional.ofNullable(when),
        a.language(),
        a.repairs());
  }

  /** Scans {@code first} then {@code later}, and both at once; the stories must be the same. */
  private void resumesAsOneScan(List<Article> first, List<Article> later, int closedAtLeast)
      throws Exception {
    Path data = tmp.resolve("data");
    Wiretrace.scan(new ScanOptions(List.of(jsonl(tmp.resolve("a/first.jsonl"), first)), data));
    StoryClusterer kept = state(data);
    List<StoryGroup> closed;
    try (ArticleIndex index = ArticleIndex.openReadOnly(data)) {
      closed = StoreContents.closedStories(index).orElseThrow();
    }
    assertThat(closed.size()).isGreaterThanOrEqualTo(closedAtLeast);
    ScanResult resumed =
        Wiretrace.scan(new ScanOptions(List.of(jsonl(tmp.resolve("b/later.jsonl"), later)), data));
    assertThat(clustered(data)).isEqualTo(first.size() + later.size());
    try (ArticleIndex index = ArticleIndex.openReadOnly(data)) {
      // the first scan's articles come first in the store's clustering order: its state resumed
      StoreContents.Loaded loaded = StoreContents.load(index);
      assertThat(StoryBuilder.resumes(kept, closed, loaded.articles())).isEqualTo(first.size());
    }

    Path once = tmp.resolve("once");
    ScanResult together =
        Wiretrace.scan(
            new ScanOptions(
                List.of(
                    jsonl(tmp.resolve("c/first.jsonl"), first),
                    jsonl(tmp.resolve("c/later.jsonl"), later)),
                once));
    assertThat(resumed.articles()).hasSize(first.size() + later.size());
    assertThat(together.stories()).anyMatch(s -> s.articleIds().size() > 1);
    assertThat(resumed.stories()).isEqualTo(together.stories());
  }

  @Test
  void undatedArticlesScannedLaterResumeTheStateInTheOrderTheyArrived() throws Exception {
    List<Article> all = devArticles();
    assumeTrue(all.size() >= 65, "too few dated articles");
    List<Article> undated = all.subList(0, 65).stream().map(a -> at(a, null)).toList();
    // undated articles cluster in the order they are stored, whatever their ids: the later ones
    // are always a suffix (they used to sort by id, so a new article re-clustered everything)
    resumesAsOneScan(undated.subList(0, 25), undated.subList(25, 65), 0);
  }

  @Test
  void storiesClosedBeforeAScanAreKeptAsRecordsAndTheStateHoldsTheOpenOnes() throws Exception {
    List<Article> all = devArticles();
    assumeTrue(all.size() >= 65, "too few dated articles");
    // the first ten two years earlier: their stories close (time window) during the first scan
    java.time.Duration twoYears = java.time.Duration.ofDays(730);
    List<Article> shifted = new ArrayList<>();
    for (int i = 0; i < 65; i++) {
      Article a = all.get(i);
      java.time.Instant p = a.published().orElseThrow();
      shifted.add(at(a, i < 10 ? p.minus(twoYears) : p));
    }
    resumesAsOneScan(shifted.subList(0, 25), shifted.subList(25, 65), 1);
    try (ArticleIndex index = ArticleIndex.openReadOnly(tmp.resolve("data"))) {
      for (StoryGroup g : StoreContents.closedStories(index).orElseThrow()) {
        assertThat(state(tmp.resolve("data")).storyOf(g.articleIds().get(0))).isEmpty();
      }
    }
  }

  @Test
  void aResumedClustererDecidesExactlyAsOneThatSawEverything() throws Exception {
    List<Article> all = devArticles();
    List<StoryFeatures> features = new ArrayList<>();
    for (Article a : all) {
      features.add(StoryBuilder.features(a, Tokens.of(a.text())));
    }
    StoryClusterer straight = new StoryClusterer();
    features.forEach(straight::add);
    for (int split : new int[] {1, 40, 150, all.size() - 1}) {
      StoryClusterer c = new StoryClusterer();
      for (int i = 0; i < split; i++) {
        c.add(features.get(i));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      c.writeState(out);
      StoryClusterer resumed =
          StoryClusterer.readState(new ByteArrayInputStream(out.toByteArray()), c.model());
      assertThat(resumed.clustered()).isEqualTo(split);
      for (int i = split; i < features.size(); i++) {
        resumed.add(features.get(i));
      }
      assertThat(resumed.stories()).isEqualTo(straight.stories());
    }
  }
}
