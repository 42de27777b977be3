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
import org.wiretrace.relate.Relation;
import org.wiretrace.stories.Story;
import org.wiretrace.stories.StoryBuilder;
import org.wiretrace.stories.StoryClusterer;
import org.wiretrace.stories.StoryFeatures;
import org.wiretrace.stories.StoryGroup;
import org.wiretrace.stories.StoryModel;
import org.wiretrace.text.AnalyzedArticle;

/**
 * What the store holds, read back without judging anything: the articles with their stored story
 * features, the stored verdicts, and the stories. {@link #updateStories} clusters the stored
 * features in publication order, undated articles last and ties in the order they were stored
 * (resuming the clusterer state kept by the previous scan when that scan's articles all come before
 * the new ones in this order: always so for undated articles), and forms the families from the
 * stored verdicts (no text analysis, no alignment), and replaces the story records and the state;
 * {@link #storedStories} reads them. The clusterer's closed stories are kept as records of their
 * own ({@link ClosedStoryRecords}, written once when they close), so the kept state holds only the
 * open ones, at most {@link StoryClusterer#DEFAULT_MAX_OPEN}. Stateless.
 */
final class StoreContents {

  /**
   * The articles in clustering order ({@link StoryBuilder#byPublication()}, ties by sequence
   * number: the order they were stored) with their word counts and stored payloads (story features,
   * read only when clustered: see {@link Payloads}), the verdicts (ordered by the positions of
   * their two sides) and the number of verdicts of each relation. The articles are read <em>without
   * their text</em> (empty), which neither the stories nor the families need, except those stored
   * without a payload, whose features and word count are computed from it; {@link #result} reads
   * the texts again. Loaded without passages, {@code verdicts} may hold only those sharing text
   * (all that stories and families use; {@code relations} still counts all).
   */
  record Loaded(
      List<Article> articles,
      int[] words,
      Payloads payloads,
      List<PairVerdict> verdicts,
      Map<Relation, Integer> relations) {

    /**
     * The story features of the article at {@code i}: stored, or (stored without) computed now.
     * Reads from the index the next window of payloads ({@link Payloads}) when that one is not at
     * hand: the index must still be open.
     */
    StoryFeatures features(int i) {
      Article a = articles.get(i);
      byte[] p = payloads.at(i);
      if (p != null) {
        return ArticleAnalysis.analysed(a, p).features();
      }
      return StoryBuilder.features(a, AnalyzedArticle.of(a).tokens());
    }
  }

  private StoreContents() {}

  /**
   * The stored payloads of the loaded articles (story features, a few kilobytes each), read in
   * windows of at most {@link #WINDOW} consecutive positions, one pass over the index per window:
   * asked for a position outside the window held, it drops that window and reads the payloads from
   * that position on. The clusterer asks in order, so a scan that resumes the story state reads
   * only its new articles' payloads, and clustering everything again holds at most one window at a
   * time (at 1,000,000 articles the payloads are about 2.2 GB; a window about 150 MB), at the cost
   * of one pass over the articles' metadata per window. Not thread-safe (the clusterer asks from
   * one thread).
   */
  static final class Payloads {
    /** Default window: positions whose payloads are held at once. */
    static final int WINDOW = 1 << 16;

    private final ArticleIndex index;
    private final Map<String, Integer> position;
    private final int window;
    private byte[][] held = new byte[0][];
    private int lo;
    private int passes;

    Payloads(ArticleIndex index, Map<String, Integer> position) {
      this(index, position, WINDOW);
    }

    Payloads(ArticleIndex index, Map<String, Integer> position, int window) {
      if (window < 1) {
        throw new IllegalArgumentException("window must be positive, got " + window);
      }
      this.index = index;
      this.position = position;
      this.window = window;
    }

    /** The payload of the article at {@code i} (null when it was stored without one). */
    byte[] at(int i) {
      if (i < 0 || i >= position.size()) {
        throw new IndexOutOfBoundsException("position " + i + " of " + position.size());
      }
      if (i < lo || i >= lo + held.length) {
        read(i, Math.min(position.size(), i + window));
      }
      return held[i - lo];
    }

    /** The passes over the index so far (one per window read). */
    int passes() {
      return passes;
    }

    private void read(int from, int to) {
      held = new byte[0][]; // the old window may go before the new one is read
      byte[][] next = new byte[to - from][];
      try {
        index.forEachArticleWithoutText(
            (s, p) -> {
              Integer at = position.get(s.id());
              if (at != null && at >= from && at < to) {
                next[at - from] = p;
              }
            });
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      held = next;
      lo = from;
      passes++;
    }
  }

  /** Reads the articles and relation records visible in {@code index}, with the passages. */
  static Loaded load(ArticleIndex index) throws IOException {
    return load(index, true);
  }

  /**
   * Reads the articles and relation records visible in {@code index}; without {@code passages} the
   * verdicts carry no alignment passages ({@link RelationRecords#verdictWithoutPassages}) and, when
   * every relation record carries its relation as a tag (written by this version), only the records
   * of relations sharing text are read and the others counted from the index: enough for stories,
   * families and totals, at a fraction of the reading and parsing of a large store (most relation
   * records are {@code SAME_STORY}).
   */
  static Loaded load(ArticleIndex index, boolean passages) throws IOException {
    List<Article> bare = new ArrayList<>();
    List<Long> seqs = new ArrayList<>();
    List<Integer> counts = new ArrayList<>(); // words, from the payload (-1: stored without)
    List<String> withoutPayload = new ArrayList<>();
    index.forEachArticleWithoutText(
        (s, p) -> {
          bare.add(s.article());
          seqs.add(s.seq());
          if (p == null || p.length < 4) {
            withoutPayload.add(s.article().id());
            counts.add(-1);
          } else {
            counts.add(ArticleAnalysis.words(p));
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
    Comparator<Article> published = StoryBuilder.byPublication();
    java.util.Arrays.sort(
        order,
        (x, y) -> {
          int c = published.compare(bare.get(x), bare.get(y));
          return c != 0 ? c : Long.compare(seqs.get(x), seqs.get(y));
        });
    List<Article> articles = new ArrayList<>(order.length);
    int[] words = new int[order.length];
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < order.length; i++) {
      Article a = bare.get(order[i]);
      articles.add(a);
      words[i] = counts.get(order[i]);
      position.put(a.id(), i);
    }
    for (int i = 0; i < words.length; i++) {
      if (words[i] < 0) { // stored without payload: count now
        words[i] = AnalyzedArticle.of(articles.get(i)).tokens().size();
      }
    }
    // each verdict with the positions of its two sides packed in a long (looked up once)
    List<PairVerdict> read = new ArrayList<>();
    List<Long> keys = new ArrayList<>();
    Map<Relation, Integer> counted = passages ? null : countedRelations(index);
    java.util.function.Consumer<PairVerdict> keep =
        v -> {
          Integer a = position.get(v.aId());
          Integer b = a == null ? null : position.get(v.bId());
          if (b != null) {
            read.add(v);
            keys.add(((long) a << 32) | b);
          }
        };
    java.util.function.Consumer<StoreRecord> reader =
        r ->
            keep.accept(
                passages ? RelationRecords.verdict(r) : RelationRecords.verdictWithoutPassages(r));
    if (counted != null) { // the figures of text-sharing relations, from doc values
      index.forEachRecordFigures(
          StoreRecord.RELATION,
          SHARING_TEXT,
          f -> keep.accept(RelationRecords.verdictFromFigures(f)),
          reader);
    } else {
      index.forEachRecord(StoreRecord.RELATION, reader);
    }
    Integer[] byPosition = new Integer[read.size()];
    for (int i = 0; i < byPosition.length; i++) {
      byPosition[i] = i;
    }
    java.util.Arrays.sort(byPosition, Comparator.comparingLong(keys::get));
    List<PairVerdict> verdicts = new ArrayList<>(read.size());
    for (int i : byPosition) {
      verdicts.add(read.get(i));
    }
    Map<Relation, Integer> relations = new java.util.EnumMap<>(Relation.class);
    if (counted != null) {
      relations.putAll(counted);
    } else {
      for (PairVerdict v : verdicts) {
        relations.merge(v.relation(), 1, Integer::sum);
      }
    }
    return new Loaded(
        articles,
        words,
        new Payloads(index, position),
        verdicts,
        java.util.Collections.unmodifiableMap(relations));
  }

  /** The tags of the relations sharing text ({@link Relation#sharesText()}). */
  static final List<String> SHARING_TEXT =
      java.util.Arrays.stream(Relation.values())
          .filter(Relation::sharesText)
          .map(Relation::name)
          .toList();

  /**
   * The number of relation records of each relation, counted from their tags; null when some record
   * carries no tag (written before tags: every record must then be read).
   */
  static Map<Relation, Integer> countedRelations(ArticleIndex index) throws IOException {
    Map<Relation, Integer> out = new java.util.EnumMap<>(Relation.class);
    int tagged = 0;
    for (Relation r : Relation.values()) {
      int n = index.countRecords(StoreRecord.RELATION, r.name());
      if (n > 0) {
        out.put(r, n);
        tagged += n;
      }
    }
    return tagged == index.countRecords(StoreRecord.RELATION) ? out : null;
  }

  /**
   * Stories of what {@code loaded} holds, written to {@code index} in place of the old ones with
   * the clusterer's state and the stories it closed. When {@code onlyAdded} (nothing was replaced
   * or removed since the state was kept) and the stored state with the closed stories has clustered
   * exactly the earliest articles ({@link StoryBuilder#resumes}), it is resumed with the later
   * ones; otherwise every article is clustered again. Either way the stories are those of
   * clustering all of them in one go.
   */
  static List<Story> updateStories(ArticleIndex index, Loaded loaded, boolean onlyAdded)
      throws IOException {
    StoryClusterer clusterer = null;
    List<StoryGroup> drained = List.of();
    int from = -1;
    if (onlyAdded) {
      clusterer = StoryState.read(index).map(StoryState.Kept::clusterer).orElse(null);
      drained = clusterer == null ? null : closedStories(index).orElse(null);
      if (drained != null) {
        from = StoryBuilder.resumes(clusterer, drained, loaded.articles());
      }
    }
    if (from < 0) { // cluster everything again: the closed stories too
      clusterer = new StoryClusterer(StoryModel.DEFAULT);
      drained = List.of();
      from = 0;
      index.removeRecords(StoreRecord.CLOSED_STORY);
    }
    List<Story> stories =
        new StoryBuilder(StoryModel.DEFAULT)
            .resume(
                clusterer,
                drained,
                loaded.articles(),
                loaded.words(),
                from,
                loaded::features,
                loaded.verdicts());
    // only the stories that changed are written again
    index.replaceRecords(StoreRecord.STORY, stories.stream().map(StoryRecords::of).toList());
    for (StoryGroup g : clusterer.drainClosed()) {
      index.putRecord(ClosedStoryRecords.of(g));
    }
    StoryState.write(
        index,
        new StoryState.Kept(
            clusterer, ClusteringMark.of(loaded.articles()), StoryTally.of(stories)));
    return stories;
  }

  /**
   * The closed stories drained out of the kept state ({@link ClosedStoryRecords}); empty when one
   * is unreadable (they are derived: everything is clustered again).
   */
  static java.util.Optional<List<StoryGroup>> closedStories(ArticleIndex index) throws IOException {
    List<StoryGroup> out = new ArrayList<>();
    try {
      index.forEachRecord(StoreRecord.CLOSED_STORY, r -> out.add(ClosedStoryRecords.group(r)));
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(out);
  }

  /** Every article clustered again, the stories and state replaced ({@code remove}). */
  static List<Story> rebuildStories(ArticleIndex index, Loaded loaded) throws IOException {
    return updateStories(index, loaded, false);
  }

  /** Stories of what {@code loaded} holds (not written). */
  static List<Story> stories(Loaded loaded) {
    return new StoryBuilder(StoryModel.DEFAULT)
        .resume(
            new StoryClusterer(StoryModel.DEFAULT),
            List.of(),
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
    out.sort(Story.LARGEST_FIRST);
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
