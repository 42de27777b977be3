package org.wiretrace.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.wiretrace.fingerprint.SortedSets;
import org.wiretrace.index.ArticleIndex;
import org.wiretrace.index.Candidate;
import org.wiretrace.index.Neighbour;
import org.wiretrace.index.PutResult;
import org.wiretrace.index.StoredArticle;
import org.wiretrace.ingest.Article;
import org.wiretrace.relate.PairVerdict;
import org.wiretrace.relate.Relater;
import org.wiretrace.relate.Relation;
import org.wiretrace.relate.StorySimilarity;
import org.wiretrace.relate.StorySimilarity.TermVector;
import org.wiretrace.relate.Verdict;
import org.wiretrace.stories.StoryBuilder;
import org.wiretrace.text.AnalyzedArticle;
import org.wiretrace.text.Tokens;

/**
 * The incremental scan into the store, batch by batch: each batch is analysed in parallel (tokens,
 * fingerprint, content vector, story features), put into the index (unchanged articles are skipped
 * by content hash; a new version of an article read from the same origin in an earlier run replaces
 * it, with its relations), made searchable (near-real-time refresh), and each new article is paired
 * with its candidates among everything stored, older or in the same batch:
 *
 * <ul>
 *   <li>the index's reuse candidates ({@link ArticleIndex#candidates}: LSH, sampled shingles,
 *       immutable n-grams) scoring at least {@link IndexCandidates#MIN_SCORE};
 *   <li>while the store holds at most {@link CandidatePairs#ALL_PAIRS_LIMIT} articles, every stored
 *       article passing the exact rule of {@link CandidatePairs} (shared trigrams or content-word
 *       cosine), as the Spark job does;
 *   <li>beyond that, the {@value #TOPIC_NEIGHBOURS} nearest by topic ({@link
 *       ArticleIndex#topicNeighbours}) with a truncated-vector similarity of at least {@value
 *       #MIN_TOPIC_SIMILARITY}, for same-story pairs that share no text: those that are not reuse
 *       candidates are judged from the vectors alone ({@link Relation#SAME_STORY} when the new
 *       article's full vector and the stored truncated one reach {@link
 *       Relater#SAME_STORY_SIMILARITY}), without aligning.
 * </ul>
 *
 * The other pairs are aligned and judged ({@link Relater}), in parallel; every verdict other than
 * {@link Relation#UNRELATED} is stored as a relation record ({@link RelationRecords}). Nothing is
 * committed here: the caller commits (atomically with the stories, {@link StoreContents}).
 *
 * <p>Memory: a bounded cache of recently read stored articles, and while the store is small the
 * compact trigram and content vectors of all of it. Not thread-safe (one scanner per index writer);
 * the work inside a batch runs on the common fork-join pool.
 */
public final class StoreScanner {

  /** Articles analysed, put and looked up together. */
  public static final int BATCH = 1024;

  /** Same-story neighbours judged per new article in a large store. */
  public static final int TOPIC_NEIGHBOURS = 8;

  /** Least truncated topic similarity of a same-story neighbour (below the verdict's 0.20). */
  public static final double MIN_TOPIC_SIMILARITY = 0.15;

  /** Stored articles kept analysed between batches (copies cite recent articles). */
  static final int CACHE = 2048;

  /**
   * What one batch did; {@code fresh} are the ids of the articles it added or replaced (in batch
   * order), whose relations it judged.
   */
  public record BatchResult(
      int added,
      int replaced,
      int unchanged,
      int removed,
      int judged,
      List<PairVerdict> verdicts,
      List<String> fresh) {
    public BatchResult {
      if (added < 0 || replaced < 0 || unchanged < 0 || removed < 0 || judged < 0) {
        throw new IllegalArgumentException("counts must not be negative");
      }
      verdicts = List.copyOf(verdicts);
      fresh = List.copyOf(fresh);
      if (fresh.size() != added + replaced) {
        throw new IllegalArgumentException(
            fresh.size() + " fresh ids for " + added + " added and " + replaced + " replaced");
      }
    }
  }

  private final ArticleIndex index;
  private final Relater relater;
  private final long runStart;
  private final Map<String, Judged> cache =
      new LinkedHashMap<>(CACHE * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Judged> e) {
          return size() > CACHE;
        }
      };

  /** Trigrams and content vectors of every stored article while the store is small, else null. */
  private Map<String, Exact> small;

  private boolean smallLoaded;

  private record Exact(long[] trigrams, TermVector vector) {}

  /** What judging needs of one side: tokens and content-word vector, computed once. */
  private record Judged(AnalyzedArticle analyzed, TermVector vector) {
    static Judged of(Article a) {
      AnalyzedArticle x = AnalyzedArticle.of(a);
      return new Judged(x, StorySimilarity.vector(x.tokens()));
    }

    Article article() {
      return analyzed.article();
    }

    String id() {
      return analyzed.id();
    }
  }

  /** A scanner writing to {@code index} (opened for writing), judging with {@code relater}. */
  public StoreScanner(ArticleIndex index, Relater relater) {
    this.index = Objects.requireNonNull(index, "index");
    this.relater = Objects.requireNonNull(relater, "relater");
    if (index.readOnly()) {
      throw new IllegalArgumentException("the index at " + index.path() + " is read-only");
    }
    this.runStart = index.nextSeq();
  }

  /** A scanner with the standard relater. */
  public StoreScanner(ArticleIndex index) {
    this(index, Relater.standard());
  }

  /**
   * Adds a batch of articles (distinct ids) and judges the new ones against the store. The articles
   * are analysed, indexed ({@link ArticleIndex#putAll}), looked up and judged in parallel.
   */
  public BatchResult add(List<Article> batch) throws IOException {
    return add(prepare(batch));
  }

  /**
   * A batch of articles (distinct ids) analysed for {@link #add(Prepared)}: tokens, fingerprint,
   * content vector and story features, in parallel. Reads nothing from the store and writes
   * nothing, so the next batch can be prepared (on another thread) while this scanner adds the
   * current one ({@link #scan}). Thread-safe.
   */
  public Prepared prepare(List<Article> batch) {
    return prepare(batch, true);
  }

  /**
   * {@link #prepare(List)}, on the common pool when {@code parallel}, else in the calling thread. A
   * batch analysed ahead ({@link #scan}) is analysed in its own thread: sharing the pool with the
   * parallel steps of the batch being added made both threads spin waiting for each other's tasks
   * (8% of the CPU samples).
   */
  Prepared prepare(List<Article> batch, boolean parallel) {
    long t = PhaseTimes.start();
    java.util.stream.Stream<Article> s = parallel ? batch.parallelStream() : batch.stream();
    List<ArticleAnalysis> analysed =
        s.map(a -> ArticleAnalysis.of(a, index.fingerprinter())).toList();
    PhaseTimes.end("1 analyse", t);
    return new Prepared(analysed);
  }

  /** A batch analysed by {@link #prepare}, ready to be added. */
  public static final class Prepared {
    private final List<ArticleAnalysis> analysed;

    private Prepared(List<ArticleAnalysis> analysed) {
      this.analysed = analysed;
    }

    /** How many articles. */
    public int size() {
      return analysed.size();
    }
  }

  /**
   * Adds the batches of {@code articles} ({@link #BATCH} articles each, distinct ids) as {@link
   * #add(List)} does, reading and analysing each next batch on a background thread while this one
   * is put, looked up and judged; {@code after} receives each batch's result (and may commit the
   * index) before the next is added. At most two analysed batches wait beside the one being added.
   */
  public void scan(Iterator<Article> articles, BatchConsumer after) throws IOException {
    scan(articles, BATCH, after);
  }

  /** {@link #scan(Iterator, BatchConsumer)} in batches of {@code size}. */
  void scan(Iterator<Article> articles, int size, BatchConsumer after) throws IOException {
    try (Ahead<Prepared> ahead =
        new Ahead<>("wiretrace-analysis", articles, size, b -> prepare(b, !Ahead.ON))) {
      while (ahead.hasNext()) {
        Prepared p = ahead.next();
        after.accept(p, add(p));
      }
    }
  }

  /** What {@link #scan} does after each batch. */
  @FunctionalInterface
  public interface BatchConsumer {
    void accept(Prepared batch, BatchResult result) throws IOException;
  }

  /** Adds a batch analysed by {@link #prepare}; see {@link #add(List)}. */
  public BatchResult add(Prepared batch) throws IOException {
    long t = PhaseTimes.start();
    List<ArticleAnalysis> analysed = batch.analysed;
    List<ArticleAnalysis> fresh = new ArrayList<>();
    int added = 0;
    int replaced = 0;
    int unchanged = 0;
    int removed = 0;
    List<ArticleIndex.Put> puts = new ArrayList<>(analysed.size());
    for (ArticleAnalysis a : analysed) {
      puts.add(new ArticleIndex.Put(a.article(), a.fingerprint(), a.topic(), a.payload()));
    }
    List<PutResult> results = index.putAll(puts);
    t = PhaseTimes.end("2 putAll", t);
    // the stored versions at the new articles' origins, looked up in parallel (the removals below
    // leave the searcher as it is, so this is what looking them up one by one would find)
    List<List<StoredArticle>> atOrigin =
        java.util.stream.IntStream.range(0, analysed.size())
            .parallel()
            .mapToObj(
                k -> {
                  if (results.get(k) != PutResult.ADDED) {
                    return List.<StoredArticle>of();
                  }
                  try {
                    return index.atOrigin(analysed.get(k).article().origin());
                  } catch (IOException e) {
                    throw new UncheckedIOException("cannot search the store", e);
                  }
                })
            .toList();
    for (int k = 0; k < analysed.size(); k++) {
      ArticleAnalysis a = analysed.get(k);
      switch (results.get(k)) {
        case UNCHANGED -> unchanged++;
        case REPLACED -> {
          replaced++;
          index.removeRecordsReferencing(a.id());
          forget(a.id());
          fresh.add(a);
        }
        case ADDED -> {
          added++;
          removed += replaceOlderAtOrigin(a.article(), atOrigin.get(k));
          fresh.add(a);
        }
      }
    }
    t = PhaseTimes.end("3 origins", t);
    if (fresh.isEmpty()) {
      return new BatchResult(added, replaced, unchanged, removed, 0, List.of(), List.of());
    }
    index.refresh();
    t = PhaseTimes.end("4 refresh", t);
    if (PhaseTimes.ON) {
      PhaseTimes.count("batches", 1);
      PhaseTimes.count("segments (sum)", index.segments());
    }
    updateSmall(fresh);
    Map<String, Judged> known = new HashMap<>();
    for (ArticleAnalysis a : fresh) {
      known.put(a.id(), new Judged(a.analyzed(), a.story()));
    }
    List<PairVerdict> verdicts = new ArrayList<>();
    List<String[]> pairs = pairs(fresh, verdicts);
    t = PhaseTimes.end("5 lookups", t);
    fetch(pairs, known);
    t = PhaseTimes.end("6 fetch", t);
    verdicts.addAll(
        pairs.parallelStream()
            .map(p -> judge(known.get(p[0]), known.get(p[1])))
            .filter(v -> v != null && v.relation() != Relation.UNRELATED)
            .toList());
    t = PhaseTimes.end("7 judge", t);
    // distinct keys, so the order of the writes does not matter (the writer is thread-safe)
    try {
      verdicts.parallelStream()
          .forEach(
              v -> {
                try {
                  index.putRecord(RelationRecords.of(v), RelationRecords.figures(v));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    for (ArticleAnalysis a : fresh) {
      cache.put(a.id(), known.get(a.id()));
    }
    PhaseTimes.end("8 records", t);
    return new BatchResult(
        added,
        replaced,
        unchanged,
        removed,
        pairs.size(),
        verdicts,
        fresh.stream().map(ArticleAnalysis::id).toList());
  }

  /**
   * Removes the articles stored from {@code a}'s origin ({@code atOrigin}) by an earlier run under
   * another id (a changed text read from the same file or record gets a new content id); returns
   * how many.
   */
  private int replaceOlderAtOrigin(Article a, List<StoredArticle> atOrigin) throws IOException {
    int n = 0;
    for (StoredArticle old : atOrigin) {
      if (old.seq() < runStart && !old.id().equals(a.id())) {
        index.remove(old.id());
        forget(old.id());
        n++;
      }
    }
    return n;
  }

  private void forget(String id) {
    cache.remove(id);
    if (small != null) {
      small.remove(id);
    }
  }

  /** Keeps the exact-rule vectors of the whole store while it is small. */
  private void updateSmall(List<ArticleAnalysis> fresh) throws IOException {
    int count = index.articleCount();
    if (!CandidatePairs.allPairsFeasible(count)) {
      small = null;
      smallLoaded = true;
      return;
    }
    if (!smallLoaded) {
      Set<String> freshIds = new HashSet<>();
      fresh.forEach(a -> freshIds.add(a.id()));
      List<Article> stored = new ArrayList<>();
      index.forEachArticle(
          s -> {
            if (!freshIds.contains(s.id())) {
              stored.add(s.article());
            }
          });
      small = new HashMap<>();
      stored.parallelStream()
          .map(AnalyzedArticle::of)
          .toList()
          .forEach(x -> small.put(x.id(), exact(x.tokens())));
      smallLoaded = true;
    }
    if (small != null) {
      for (ArticleAnalysis a : fresh) {
        small.put(a.id(), new Exact(a.trigrams(), a.story()));
      }
    }
  }

  private static Exact exact(Tokens t) {
    return new Exact(org.wiretrace.fingerprint.Shingles.of(t, 3), StorySimilarity.vector(t));
  }

  /**
   * The candidate pairs of the fresh articles, each once, as {new id, other id}: to align and judge
   * ({@code judge}), and same-story pairs found by topic alone ({@code story}), judged from the
   * vectors without aligning.
   */
  private List<String[]> pairs(List<ArticleAnalysis> fresh, List<PairVerdict> story)
      throws IOException {
    // the index lookups of the batch run in parallel (the index is thread-safe); pairs are then
    // deduplicated in batch order, so the result does not depend on scheduling
    List<Lookup> lookups =
        fresh.parallelStream()
            .map(
                a -> {
                  try {
                    return lookup(a);
                  } catch (IOException e) {
                    throw new UncheckedIOException("cannot search the store", e);
                  }
                })
            .toList();
    Set<String> seen = new HashSet<>();
    List<String[]> out = new ArrayList<>();
    // first every pair to align, so that a pair one side finds by text and the other only by
    // topic is aligned whatever the batch order
    for (int k = 0; k < fresh.size(); k++) {
      ArticleAnalysis a = fresh.get(k);
      String id = a.id();
      if (small != null) {
        for (Map.Entry<String, Exact> e : small.entrySet()) {
          Exact o = e.getValue();
          if (!e.getKey().equals(id)
              && (SortedSets.intersection(a.trigrams(), o.trigrams())
                      >= CandidatePairs.MIN_SHARED_GRAMS
                  || a.story().cosine(o.vector()) >= Relater.SAME_STORY_SIMILARITY)) {
            add(out, seen, id, e.getKey());
          }
        }
      }
      for (Candidate c : lookups.get(k).reuse()) {
        if (c.score() >= IndexCandidates.MIN_SCORE) {
          add(out, seen, id, c.id());
        }
      }
    }
    // then the topic neighbours not paired yet: a same-story verdict from the vectors, or none (a
    // neighbour below the bar is not marked, so the other side may still pair it)
    for (int k = 0; k < fresh.size(); k++) {
      ArticleAnalysis a = fresh.get(k);
      for (Neighbour n : lookups.get(k).topic()) {
        String key = RelationRecords.key(a.id(), n.id());
        if (!seen.contains(key)) {
          java.util.Optional<PairVerdict> v = storyVerdict(a, n);
          if (v.isPresent()) {
            seen.add(key);
            story.add(v.get());
          }
        }
      }
    }
    return out;
  }

  /** One article's index lookups. */
  private record Lookup(List<Candidate> reuse, List<Neighbour> topic) {}

  private Lookup lookup(ArticleAnalysis a) throws IOException {
    List<Candidate> reuse =
        index.candidates(a.fingerprint(), a.id(), ArticleIndex.DEFAULT_CANDIDATES);
    List<Neighbour> topic =
        small == null
            ? index.topicNeighbours(a.topic(), a.id(), TOPIC_NEIGHBOURS, MIN_TOPIC_SIMILARITY)
            : List.of();
    return new Lookup(reuse, topic);
  }

  /**
   * The verdict of a pair found by topic alone (not a reuse candidate, so the two share no
   * significant text): {@link Relation#SAME_STORY} when the cosine of the new article's content
   * vector with the stored article's truncated one (a lower bound of the full cosine) reaches
   * {@link Relater#SAME_STORY_SIMILARITY}, with no aligned passage.
   */
  private static java.util.Optional<PairVerdict> storyVerdict(ArticleAnalysis a, Neighbour n) {
    double sim = n.topic().dot(a.story().terms(), a.story().weights());
    if (sim < Relater.SAME_STORY_SIMILARITY) {
      return java.util.Optional.empty();
    }
    java.time.Instant ta = a.article().published().orElse(java.time.Instant.MAX);
    java.time.Instant tb = n.published().orElse(java.time.Instant.MAX);
    int c = ta.compareTo(tb);
    boolean aFirst = c < 0 || c == 0 && a.id().compareTo(n.id()) <= 0;
    int aChars = aFirst ? a.article().chars() : n.chars();
    int bChars = aFirst ? n.chars() : a.article().chars();
    Verdict v =
        new Verdict(
            Relation.SAME_STORY, 0, 0, sim, org.wiretrace.align.Alignment.none(aChars, bChars));
    return java.util.Optional.of(
        aFirst ? new PairVerdict(a.id(), n.id(), v) : new PairVerdict(n.id(), a.id(), v));
  }

  private static void add(List<String[]> out, Set<String> seen, String x, String y) {
    if (seen.add(RelationRecords.key(x, y))) {
      out.add(new String[] {x, y});
    }
  }

  /** Reads and tokenizes the stored sides of {@code pairs} not at hand. */
  private void fetch(List<String[]> pairs, Map<String, Judged> known) {
    Set<String> missing = new HashSet<>();
    for (String[] p : pairs) {
      for (String id : p) {
        if (!known.containsKey(id)) {
          Judged c = cache.get(id);
          if (c != null) {
            known.put(id, c);
          } else {
            missing.add(id);
          }
        }
      }
    }
    List<Judged> read =
        missing.parallelStream()
            .map(
                id -> {
                  try {
                    return index.get(id).map(s -> Judged.of(s.article())).orElse(null);
                  } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + id + " from the store", e);
                  }
                })
            .filter(Objects::nonNull)
            .toList();
    for (Judged a : read) {
      known.put(a.id(), a);
      cache.put(a.id(), a);
    }
  }

  /** The verdict of the pair, the earlier article (publication, then id) first. */
  private PairVerdict judge(Judged x, Judged y) {
    if (x == null || y == null) {
      return null; // removed meanwhile
    }
    boolean xFirst = StoryBuilder.chronological().compare(x.article(), y.article()) <= 0;
    Judged a = xFirst ? x : y;
    Judged b = xFirst ? y : x;
    Verdict v =
        relater.judge(
            a.article(),
            a.analyzed().tokens(),
            a.vector(),
            b.article(),
            b.analyzed().tokens(),
            b.vector());
    return new PairVerdict(a.id(), b.id(), v);
  }
}
