package org.wiretrace.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.wiretrace.index.ArticleIndex;
import org.wiretrace.index.StoreRecord;
import org.wiretrace.index.StoredArticle;
import org.wiretrace.ingest.Article;
import org.wiretrace.relate.PairVerdict;
import org.wiretrace.stories.Story;
import org.wiretrace.stories.StoryBuilder;
import org.wiretrace.stories.StoryClusterer;
import org.wiretrace.stories.StoryGroup;

/**
 * The story step after a scan that only added articles, in proportion to what they touch: the kept
 * clusterer state ({@link StoryState}) is fed the new articles, and only the <em>region</em> they
 * touch is assembled again: the new articles, and every stored story holding an article of a
 * clusterer story the new ones joined (or merged) or an article they share text with. A story is a
 * connected component of the clusterer's stories and the text-sharing verdicts; the region is a
 * union of whole stories of the updated store (the old stories only grow, and every new edge has
 * its ends in it), so assembling it alone ({@link StoryBuilder#assembleClosedPart}) gives exactly
 * the stories a full rebuild gives for those articles, and every other story is unchanged. It reads
 * the state, the new articles' and the region's metadata, the region's story, closed-story and
 * text-sharing relation records, all by id, and writes the region's changed story records, the
 * stories closed meanwhile, and the state with the new {@link ClusteringMark} and {@link
 * StoryTally}.
 *
 * <p>It declines (empty; nothing written) whenever it cannot be sure: no kept state of this layout,
 * a store that holds other articles than the state clustered and the new ones, a new article
 * earlier in the clustering order than the state's last, relations kept without tags, an article
 * without stored story features, a record of the region that disagrees with the others, or a region
 * over half the store (one pass over everything is then cheaper); the caller then brings the
 * stories up to date from the whole store ({@link StoreContents#updateStories}). Stateless; the
 * caller holds the store's writer and commits.
 */
final class RegionStories {

  /** A region is at least this large before it may decline for its size. */
  static final int SMALL_REGION = StoreScanner.BATCH;

  /** The clustering order: publication time (undated last), then sequence number. */
  private static final Comparator<StoredArticle> ORDER =
      Comparator.comparing(StoredArticle::article, StoryBuilder.byPublication())
          .thenComparingLong(StoredArticle::seq);

  /** A stored article with its payload (word count and story features). */
  private record Read(StoredArticle stored, byte[] payload) {
    Read {
      Objects.requireNonNull(stored, "stored");
      if (payload == null || payload.length < 4) {
        throw new IllegalArgumentException("article " + stored.id() + " without features");
      }
    }

    String id() {
      return stored.id();
    }

    Article article() {
      return stored.article();
    }
  }

  private RegionStories() {}

  /** The largest region of a store of {@code stored} articles: half of it, or a small one. */
  static int limit(int stored) {
    return Math.max(SMALL_REGION, stored / 2);
  }

  /**
   * Brings the stories of {@code index} up to date after a scan that only added {@code added} (ids;
   * nothing replaced or removed since the state was kept), by region; the store's totals after it,
   * or empty when it declined and wrote nothing.
   */
  static Optional<StoryTally> update(ArticleIndex index, List<String> added) throws IOException {
    int stored = index.articleCount();
    if (added.isEmpty()
        || added.size() > limit(stored) // the region would be larger still
        || StoreContents.countedRelations(index) == null) {
      return Optional.empty();
    }
    long t = PhaseTimes.start();
    Optional<StoryState.Kept> kept = StoryState.read(index);
    t = PhaseTimes.end("s1 state read", t);
    if (kept.isEmpty() || kept.get().mark().articles() + added.size() != stored) {
      return Optional.empty();
    }
    StoryClusterer clusterer = kept.get().clusterer();
    Set<String> freshIds = new HashSet<>(added);
    Optional<List<Read>> fresh = read(index, freshIds);
    if (fresh.isEmpty()) {
      return Optional.empty();
    }
    List<Article> freshArticles = new ArrayList<>();
    for (Read r : fresh.get()) {
      if (!kept.get().mark().admits(r.article().published())
          || clusterer.storyOf(r.id()).isPresent()) {
        return Optional.empty();
      }
      freshArticles.add(r.article());
    }
    for (Read r : fresh.get()) {
      clusterer.add(ArticleAnalysis.analysed(r.article(), r.payload()).features());
    }
    t = PhaseTimes.end("s2 cluster", t);
    // the clusterer's stories the new articles are in (joined, opened or merged into), whole
    Map<String, StoryGroup> groups = new HashMap<>();
    for (StoryGroup g : clusterer.stories()) {
      groups.put(g.id(), g);
    }
    Set<String> seeds = new HashSet<>();
    for (Read r : fresh.get()) {
      seeds.addAll(groups.get(clusterer.storyOf(r.id()).orElseThrow()).articleIds());
    }
    List<StoryGroup> drained = clusterer.drainClosed();
    List<PairVerdict> sharing = new ArrayList<>();
    sharingVerdicts(index, freshIds, sharing::add);
    for (PairVerdict v : sharing) {
      seeds.add(v.aId());
      seeds.add(v.bId());
    }
    Optional<Region> region = region(index, seeds, freshIds, groups, stored);
    if (region.isEmpty()) {
      return Optional.empty();
    }
    List<Story> after = region.get().stories(index);
    if (after == null) {
      return Optional.empty();
    }
    List<Story> before = region.get().before();
    t = PhaseTimes.end("s3 region", t);
    PhaseTimes.count("region articles", region.get().articles().size());
    index.replaceRecords(
        StoreRecord.STORY,
        before.stream().map(Story::id).toList(),
        after.stream().map(StoryRecords::of).toList());
    for (StoryGroup g : drained) {
      index.putRecord(ClosedStoryRecords.of(g));
    }
    StoryTally tally = kept.get().tally().replacing(before, after);
    t = PhaseTimes.end("s4 records", t);
    StoryState.write(
        index, new StoryState.Kept(clusterer, kept.get().mark().then(freshArticles), tally));
    PhaseTimes.end("s5 state write", t);
    return Optional.of(tally);
  }

  /**
   * The stored articles {@code ids} with their payloads in clustering order; empty when one is not
   * stored or has no payload.
   */
  private static Optional<List<Read>> read(ArticleIndex index, Set<String> ids) throws IOException {
    List<Read> out = new ArrayList<>(ids.size());
    boolean[] bare = {false};
    index.forEachArticleWithoutText(
        ids,
        (s, p) -> {
          if (p == null || p.length < 4) {
            bare[0] = true;
          } else {
            out.add(new Read(s, p));
          }
        });
    if (bare[0] || out.size() != ids.size()) {
      return Optional.empty();
    }
    out.sort(Comparator.comparing(Read::stored, ORDER));
    return Optional.of(out);
  }

  /** The text-sharing verdicts of the relation records that reference one of {@code ids}. */
  private static void sharingVerdicts(
      ArticleIndex index, Set<String> ids, Consumer<PairVerdict> action) throws IOException {
    index.forEachRecordFiguresReferencing(
        StoreRecord.RELATION,
        StoreContents.SHARING_TEXT,
        ids,
        f -> action.accept(RelationRecords.verdictFromFigures(f)),
        r -> action.accept(RelationRecords.verdictWithoutPassages(r)));
  }

  /**
   * The region of {@code seeds} (articles of changed clusterer stories and of new text-sharing
   * verdicts): the new articles and the stored stories holding a seed, with the clusterer stories
   * inside them; empty when the records disagree or the region is too large.
   */
  private static Optional<Region> region(
      ArticleIndex index,
      Set<String> seeds,
      Set<String> freshIds,
      Map<String, StoryGroup> groups,
      int stored)
      throws IOException {
    Set<String> old = new HashSet<>(seeds);
    old.removeAll(freshIds);
    Map<String, Story> before = new LinkedHashMap<>();
    if (!decodeInto(
        a -> index.forEachRecordReferencing(StoreRecord.STORY, old, a),
        StoryRecords::story,
        Story::id,
        before)) {
      return Optional.empty();
    }
    Set<String> articles = new HashSet<>(freshIds);
    Set<String> named = new HashSet<>(); // the clusterer story ids a stored story names
    for (Story s : before.values()) {
      articles.addAll(s.articleIds());
      named.add(s.id());
      named.addAll(s.mergedIds());
    }
    if (!articles.containsAll(old) || articles.size() > limit(stored)) {
      return Optional.empty();
    }
    Map<String, StoryGroup> inside = new HashMap<>();
    for (StoryGroup g : groups.values()) {
      if (articles.contains(g.articleIds().get(0))) {
        inside.put(g.id(), g);
      }
    }
    named.removeAll(groups.keySet());
    if (!decodeInto(
        a -> index.forEachRecordWithKey(StoreRecord.CLOSED_STORY, named, a),
        ClosedStoryRecords::group,
        StoryGroup::id,
        inside)) {
      return Optional.empty();
    }
    // the clusterer's stories inside must hold exactly the region's articles, each once
    Set<String> covered = new HashSet<>();
    for (StoryGroup g : inside.values()) {
      for (String a : g.articleIds()) {
        if (!articles.contains(a) || !covered.add(a)) {
          return Optional.empty();
        }
      }
    }
    if (covered.size() != articles.size()) {
      return Optional.empty();
    }
    return Optional.of(
        new Region(articles, List.copyOf(before.values()), List.copyOf(inside.values())));
  }

  /** A pass over some of the store's records, giving each to {@code action}. */
  @FunctionalInterface
  private interface RecordPass {
    void forEach(Consumer<StoreRecord> action) throws IOException;
  }

  /**
   * Puts every record of {@code pass}, decoded by {@code decode}, into {@code into} under its
   * {@code id}; false when a record is malformed (the caller then rebuilds every story).
   */
  private static <T> boolean decodeInto(
      RecordPass pass, Function<StoreRecord, T> decode, Function<T, String> id, Map<String, T> into)
      throws IOException {
    try {
      pass.forEach(
          r -> {
            T t = decode.apply(r);
            into.put(id.apply(t), t);
          });
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * A region of the updated store: its articles, the stored stories it replaces and the clusterer
   * stories it holds.
   */
  private record Region(Set<String> articles, List<Story> before, List<StoryGroup> groups) {

    /**
     * The region's stories, from its articles' metadata and the text-sharing verdicts among them;
     * null when an article is missing or a verdict leaves the region.
     */
    List<Story> stories(ArticleIndex index) throws IOException {
      Optional<List<Read>> read = read(index, articles);
      if (read.isEmpty()) {
        return null;
      }
      List<Article> ordered = new ArrayList<>(articles.size());
      int[] words = new int[articles.size()];
      Map<String, Integer> position = new HashMap<>();
      for (Read r : read.get()) {
        words[ordered.size()] = ArticleAnalysis.words(r.payload());
        position.put(r.id(), ordered.size());
        ordered.add(r.article());
      }
      Map<String, PairVerdict> byPair = new HashMap<>();
      boolean[] leaves = {false};
      sharingVerdicts(
          index,
          articles,
          v -> {
            if (position.containsKey(v.aId()) && position.containsKey(v.bId())) {
              byPair.put(RelationRecords.key(v.aId(), v.bId()), v);
            } else {
              leaves[0] = true;
            }
          });
      if (leaves[0]) {
        return null;
      }
      // in the order of their sides' positions, as the whole store's verdicts are read
      List<PairVerdict> verdicts = new ArrayList<>(byPair.values());
      verdicts.sort(
          Comparator.comparingInt((PairVerdict v) -> position.get(v.aId()))
              .thenComparingInt(v -> position.get(v.bId())));
      return StoryBuilder.assembleClosedPart(ordered, words, groups, verdicts);
    }
  }
}
