package org.wiretrace.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wiretrace.index.ArticleIndex;
import org.wiretrace.index.StoreRecord;
import org.wiretrace.ingest.Article;
import org.wiretrace.ingest.Skipped;
import org.wiretrace.relate.PairVerdict;
import org.wiretrace.stories.Story;
import org.wiretrace.stories.StoryBuilder;
import org.wiretrace.text.AnalyzedArticle;

/**
 * What the store holds, read back without judging anything: the articles with their stored story
 * features, the stored verdicts, and the stories. {@link #rebuildStories} re-clusters the stored
 * features in publication order and forms the families from the stored verdicts (no text analysis,
 * no alignment) and replaces the story records; {@link #storedStories} reads them. Stateless.
 */
final class StoreContents {

  /**
   * The articles (publication order, each with its story features) and the verdicts (ordered by the
   * positions of their two sides).
   */
  record Loaded(List<StoryBuilder.Analysed> articles, List<PairVerdict> verdicts) {}

  private StoreContents() {}

  /** Reads the articles and relation records visible in {@code index}. */
  static Loaded load(ArticleIndex index) throws IOException {
    List<Article> bare = new ArrayList<>();
    List<byte[]> payloads = new ArrayList<>();
    index.forEachArticle(
        (s, p) -> {
          bare.add(s.article());
          payloads.add(p);
        });
    List<StoryBuilder.Analysed> articles = new ArrayList<>(bare.size());
    for (int i = 0; i < bare.size(); i++) {
      articles.add(analysed(bare.get(i), payloads.get(i)));
    }
    articles.sort((x, y) -> StoryBuilder.chronological().compare(x.article(), y.article()));
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < articles.size(); i++) {
      position.put(articles.get(i).article().id(), i);
    }
    List<PairVerdict> verdicts = new ArrayList<>();
    index.forEachRecord(
        StoreRecord.RELATION,
        r -> {
          PairVerdict v = RelationRecords.verdict(r);
          if (position.containsKey(v.aId()) && position.containsKey(v.bId())) {
            verdicts.add(v);
          }
        });
    verdicts.sort(
        Comparator.comparingInt((PairVerdict v) -> position.get(v.aId()))
            .thenComparingInt(v -> position.get(v.bId())));
    return new Loaded(articles, verdicts);
  }

  /** The stored features, or (for an article stored without them) features computed now. */
  private static StoryBuilder.Analysed analysed(Article a, byte[] payload) {
    if (payload != null) {
      return ArticleAnalysis.analysed(a, payload);
    }
    AnalyzedArticle x = AnalyzedArticle.of(a);
    return new StoryBuilder.Analysed(a, x.tokens().size(), StoryBuilder.features(a, x.tokens()));
  }

  /** Stories of what {@code loaded} holds, written to {@code index} in place of the old ones. */
  static List<Story> rebuildStories(ArticleIndex index, Loaded loaded) throws IOException {
    List<Story> stories = stories(loaded);
    index.removeRecords(StoreRecord.STORY);
    for (Story s : stories) {
      index.putRecord(StoryRecords.of(s));
    }
    return stories;
  }

  /** Stories of what {@code loaded} holds (not written). */
  static List<Story> stories(Loaded loaded) {
    return new StoryBuilder(org.wiretrace.stories.StoryModel.DEFAULT)
        .storiesOf(loaded.articles(), loaded.verdicts());
  }

  /**
   * The stored stories, when they cover exactly the stored articles (else empty: written by an
   * interrupted or foreign writer, and rebuilt by the caller).
   */
  static java.util.Optional<List<Story>> storedStories(ArticleIndex index, Loaded loaded)
      throws IOException {
    List<Story> out = new ArrayList<>();
    index.forEachRecord(StoreRecord.STORY, r -> out.add(StoryRecords.story(r)));
    Set<String> covered = new HashSet<>();
    for (Story s : out) {
      covered.addAll(s.articleIds());
    }
    Set<String> ids = new HashSet<>();
    loaded.articles().forEach(a -> ids.add(a.article().id()));
    if (!covered.equals(ids)) {
      return java.util.Optional.empty();
    }
    out.sort(Comparator.comparingInt((Story s) -> -s.articleIds().size()).thenComparing(Story::id));
    return java.util.Optional.of(out);
  }

  /** The scan result of {@code loaded} with {@code stories}: articles tokenized in parallel. */
  static ScanResult result(
      Loaded loaded, List<Story> stories, List<Skipped> skipped, int ingested) {
    List<AnalyzedArticle> articles =
        loaded.articles().parallelStream().map(a -> AnalyzedArticle.of(a.article())).toList();
    return new ScanResult(articles, loaded.verdicts(), stories, skipped, ingested);
  }
}
