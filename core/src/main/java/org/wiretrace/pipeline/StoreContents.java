package org.wiretrace.pipeline;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
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
import org.wiretrace.stories.StoryClusterer;
import org.wiretrace.stories.StoryFeatures;
import org.wiretrace.stories.StoryModel;
import org.wiretrace.text.AnalyzedArticle;

/**
 * What the store holds, read back without judging anything: the articles with their stored story
 * features, the stored verdicts, and the stories. {@link #updateStories} clusters the stored
 * features in publication order (resuming the clusterer state kept by the previous scan when that
 * scan's articles are all earlier than the new ones) and forms the families from the stored
 * verdicts (no text analysis, no alignment), and replaces the story records and the state; {@link
 * #storedStories} reads them. Stateless.
 */
final class StoreContents {

  /** The name of the story clusterer's state in the store ({@link ArticleIndex#putState}). */
  static final String STORY_STATE = "stories";

  /**
   * Largest story state kept: a clusterer over undated articles never closes a story, so its state
   * grows with the store; beyond this the state is dropped and the next scan clusters everything.
   */
  static final int MAX_STORY_STATE = 64 << 20;

  /** Version of the story state's layout: a version number, then the clusterer's own state. */
  static final int STORY_STATE_VERSION = 1;

  /**
   * The articles in publication order ({@link StoryBuilder#chronological()}) with their word counts
   * and stored payloads (story features, decoded only when clustered), and the verdicts (ordered by
   * the positions of their two sides). The articles are read <em>without their text</em> (empty),
   * which neither the stories nor the families need, except those stored without a payload, whose
   * features and word count are computed from it; {@link #result} reads the texts again.
   */
  record Loaded(
      List<Article> articles, int[] words, List<byte[]> payloads, List<PairVerdict> verdicts) {

    /** The story features of the article at {@code i}: stored, or (stored without) computed now. */
    StoryFeatures features(int i) {
      Article a = articles.get(i);
      byte[] p = payloads.get(i);
      if (p != null) {
        return ArticleAnalysis.analysed(a, p).features();
      }
      return StoryBuilder.features(a, AnalyzedArticle.of(a).tokens());
    }
  }

  private StoreContents() {}

  /** Reads the articles and relation records visible in {@code index}, with the passages. */
  static Loaded load(ArticleIndex index) throws IOException {
    return load(index, true);
  }

  /**
   * Reads the articles and relation records visible in {@code index}; without {@code passages} the
   * verdicts carry no alignment passages ({@link RelationRecords#verdictWithoutPassages}): enough
   * for stories, families and totals, at a fraction of the memory and parsing of a large store.
   */
  static Loaded load(ArticleIndex index, boolean passages) throws IOException {
    List<Article> bare = new ArrayList<>();
    List<byte[]> payloads = new ArrayList<>();
    List<String> withoutPayload = new ArrayList<>();
    index.forEachArticleWithoutText(
        (s, p) -> {
          bare.add(s.article());
          payloads.add(p);
          if (p == null || p.length < 4) {
            withoutPayload.add(s.article().id());
          }
        });
    if (!withoutPayload.isEmpty()) { // written without features: their text is needed after all
      Map<String, Article> whole = new HashMap<>();
      for (String id : withoutPayload) {
        index.get(id).ifPresent(s -> whole.put(id, s.article()));
      }
      bare.replaceAll(a -> whole.getOrDefault(a.id(), a));
    }
    Integer[] order = new Integer[bare.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(
        order, (x, y) -> StoryBuilder.chronological().compare(bare.get(x), bare.get(y)));
    List<Article> articles = new ArrayList<>(order.length);
    List<byte[]> stored = new ArrayList<>(order.length);
    int[] words = new int[order.length];
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < order.length; i++) {
      Article a = bare.get(order[i]);
      byte[] p = payloads.get(order[i]);
      articles.add(a);
      stored.add(p);
      words[i] = p != null && p.length >= 4 ? ArticleAnalysis.words(p) : -1;
      position.put(a.id(), i);
    }
    for (int i = 0; i < words.length; i++) {
      if (words[i] < 0) { // stored without payload: count now
        words[i] = AnalyzedArticle.of(articles.get(i)).tokens().size();
      }
    }
    List<PairVerdict> verdicts = new ArrayList<>();
    index.forEachRecord(
        StoreRecord.RELATION,
        r -> {
          PairVerdict v =
              passages ? RelationRecords.verdict(r) : RelationRecords.verdictWithoutPassages(r);
          if (position.containsKey(v.aId()) && position.containsKey(v.bId())) {
            verdicts.add(v);
          }
        });
    verdicts.sort(
        Comparator.comparingInt((PairVerdict v) -> position.get(v.aId()))
            .thenComparingInt(v -> position.get(v.bId())));
    return new Loaded(articles, words, stored, verdicts);
  }

  /**
   * Stories of what {@code loaded} holds, written to {@code index} in place of the old ones with
   * the clusterer's state. When {@code onlyAdded} (nothing was replaced or removed since the state
   * was kept) and the stored state has clustered exactly the earliest articles ({@link
   * StoryBuilder#resumes}), it is resumed with the later ones; otherwise every article is clustered
   * again. Either way the stories are those of clustering all of them in one go.
   */
  static List<Story> updateStories(ArticleIndex index, Loaded loaded, boolean onlyAdded)
      throws IOException {
    StoryClusterer clusterer = null;
    int from = 0;
    if (onlyAdded) {
      clusterer = storedState(index).orElse(null);
      from = clusterer == null ? -1 : StoryBuilder.resumes(clusterer, loaded.articles());
      if (from < 0) {
        clusterer = null;
        from = 0;
      }
    }
    if (clusterer == null) {
      clusterer = new StoryClusterer(StoryModel.DEFAULT);
    }
    List<Story> stories =
        new StoryBuilder(StoryModel.DEFAULT)
            .resume(
                clusterer,
                loaded.articles(),
                loaded.words(),
                from,
                loaded::features,
                loaded.verdicts());
    index.removeRecords(StoreRecord.STORY);
    for (Story s : stories) {
      index.putRecord(StoryRecords.of(s));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(out);
    d.writeInt(STORY_STATE_VERSION);
    clusterer.writeState(d);
    d.flush();
    if (out.size() <= MAX_STORY_STATE) {
      index.putState(STORY_STATE, out.toByteArray());
    } else {
      index.removeState(STORY_STATE);
    }
    return stories;
  }

  /** Every article clustered again, the stories and state replaced ({@code remove}). */
  static List<Story> rebuildStories(ArticleIndex index, Loaded loaded) throws IOException {
    return updateStories(index, loaded, false);
  }

  /** The kept clusterer state, if there is one this version reads. */
  private static java.util.Optional<StoryClusterer> storedState(ArticleIndex index)
      throws IOException {
    java.util.Optional<byte[]> bytes = index.state(STORY_STATE);
    if (bytes.isEmpty()) {
      return java.util.Optional.empty();
    }
    try {
      DataInputStream d = new DataInputStream(new ByteArrayInputStream(bytes.get()));
      if (d.readInt() != STORY_STATE_VERSION) {
        return java.util.Optional.empty(); // another layout: cluster everything again
      }
      return java.util.Optional.of(StoryClusterer.readState(d, StoryModel.DEFAULT));
    } catch (IOException | RuntimeException e) {
      return java.util.Optional.empty(); // unreadable: cluster everything again, it is derived
    }
  }

  /** Stories of what {@code loaded} holds (not written). */
  static List<Story> stories(Loaded loaded) {
    return new StoryBuilder(StoryModel.DEFAULT)
        .resume(
            new StoryClusterer(StoryModel.DEFAULT),
            loaded.articles(),
            loaded.words(),
            0,
            loaded::features,
            loaded.verdicts());
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
    loaded.articles().forEach(a -> ids.add(a.id()));
    if (!covered.equals(ids)) {
      return java.util.Optional.empty();
    }
    out.sort(Comparator.comparingInt((Story s) -> -s.articleIds().size()).thenComparing(Story::id));
    return java.util.Optional.of(out);
  }

  /**
   * The scan result of {@code loaded} with {@code stories}: the articles' texts read again from
   * {@code index} and tokenized in parallel, in {@code loaded}'s order.
   */
  static ScanResult result(
      ArticleIndex index, Loaded loaded, List<Story> stories, List<Skipped> skipped, int ingested)
      throws IOException {
    Map<String, Article> whole = new HashMap<>();
    index.forEachArticle(s -> whole.put(s.article().id(), s.article()));
    List<AnalyzedArticle> articles =
        loaded.articles().parallelStream()
            .map(a -> AnalyzedArticle.of(whole.getOrDefault(a.id(), a)))
            .toList();
    return new ScanResult(articles, loaded.verdicts(), stories, skipped, ingested);
  }
}
