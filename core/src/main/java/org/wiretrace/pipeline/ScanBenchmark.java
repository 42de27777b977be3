package org.wiretrace.pipeline;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import org.wiretrace.fingerprint.Shingles;
import org.wiretrace.fingerprint.SortedSets;
import org.wiretrace.index.ArticleIndex;
import org.wiretrace.index.SyntheticCorpus;
import org.wiretrace.index.SyntheticCorpus.Item;
import org.wiretrace.index.SyntheticCorpus.Kind;
import org.wiretrace.index.TopicVector;
import org.wiretrace.ingest.Article;
import org.wiretrace.relate.PairVerdict;
import org.wiretrace.relate.Relation;
import org.wiretrace.relate.StorySimilarity;
import org.wiretrace.text.Tokens;

/**
 * The end-to-end scan benchmark: feeds a stream of articles through the incremental scan ({@link
 * StoreScanner}: analysis, persistent index, candidate lookups, alignment and verdicts, relation
 * records) in batches of {@value StoreScanner#BATCH}, committing every {@value #COMMIT_EVERY}
 * articles, then (optionally) rebuilds the stories from the store, and measures throughput (wall
 * and CPU), memory, index size and query latency; on a {@link SyntheticCorpus} it also measures,
 * per planted kind, the recall of the planted copies (a text-sharing verdict between the copy and
 * its source) and how often the verdict names the kind.
 *
 * <p>A text-sharing verdict is correct when both articles belong to the same planted family, or
 * when their texts really share text: exact word 5-shingle containment of either in the other of at
 * least {@value #SHARED_CONTAINMENT} (the base corpora's own duplicates and syndicated copies), or
 * that much between the originals they were planted from (a copy shares what its original shares: a
 * spun copy of an article quoting a letter shares the letter, spun, with every other article
 * quoting it). Memory: one batch, reservoirs of latency samples and probe articles. Not
 * thread-safe.
 */
public final class ScanBenchmark {
  /** Articles between commits. */
  public static final int COMMIT_EVERY = 20_000;

  /** Shingle containment from which an unplanted text-sharing pair counts as correct. */
  public static final double SHARED_CONTAINMENT = 0.2;

  /**
   * Copies under this many words are counted apart (notices: a half-spun "Qtly div 35 cts vs 35 cts
   * prior" is one of hundreds of identical notices).
   */
  public static final int SHORT_WORDS = 100;

  /** Latency samples kept (reservoir), so memory stays bounded at any size. */
  static final int SAMPLES = 100_000;

  /**
   * Per-kind figures.
   *
   * @param kind the planted kind
   * @param planted copies planted
   * @param found copies with a text-sharing verdict against their source
   * @param named of those, verdicts naming the kind (DUPLICATE, EXCERPT, EDITED, SPUN)
   * @param labelled verdicts of that relation over all pairs
   * @param labelledCorrect of those, correct ones
   * @param namedAs the found copies by the relation their verdict names (what the misnamed ones
   *     were called)
   * @param plantedShort copies planted with fewer than {@link #SHORT_WORDS} words (notices)
   * @param foundShort of those, found
   */
  public record KindRecall(
      Kind kind,
      long planted,
      long found,
      long named,
      long labelled,
      long labelledCorrect,
      Map<Relation, Long> namedAs,
      long plantedShort,
      long foundShort) {
    public KindRecall {
      namedAs = Collections.unmodifiableMap(new EnumMap<>(namedAs));
    }

    public double recall() {
      return planted == 0 ? 1 : (double) found / planted;
    }

    /** Recall of the copies of {@link #SHORT_WORDS} words or more. */
    public double recallOfLonger() {
      long p = planted - plantedShort;
      return p == 0 ? 1 : (double) (found - foundShort) / p;
    }

    /** Share of the found copies whose verdict names the planted kind. */
    public double namedShare() {
      return found == 0 ? 1 : (double) named / found;
    }

    /** Precision of the verdicts of this kind's relation. */
    public double labelPrecision() {
      return labelled == 0 ? 1 : (double) labelledCorrect / labelled;
    }
  }

  /**
   * A text-sharing verdict the benchmark counts as wrong (kept for inspection, at most as many as
   * asked for).
   *
   * @param aId the earlier article
   * @param bId the later one
   * @param relation the verdict
   * @param coverageA share of a's text aligned
   * @param coverageB share of b's text aligned
   * @param containment the larger exact 5-shingle containment of either text in the other
   */
  public record Wrong(
      String aId,
      String bId,
      Relation relation,
      double coverageA,
      double coverageB,
      double containment) {}

  /**
   * Figures of a run.
   *
   * @param articles articles scanned
   * @param seconds wall-clock seconds of the scan (with commits)
   * @param cpuSeconds process CPU seconds of the scan
   * @param storySeconds wall-clock seconds of rebuilding the stories at the end (0 when skipped)
   * @param stories stories found (0 when skipped)
   * @param indexBytes index size on disk at the end
   * @param peakHeapBytes peak heap in use after a garbage collection (the largest live set the
   *     collector saw; pools' peaks are reached at different times, so their sum is no figure)
   * @param peakHeapBeforeGcBytes peak heap in use just before a collection (live and garbage, at
   *     most the heap's maximum)
   * @param peakRssBytes peak resident set size (VmHWM), or -1 where unknown
   * @param pairsJudged candidate pairs aligned and judged
   * @param finalLatencyMicros p50 and p99 of {@code probes} candidate queries against the full
   *     index
   * @param kinds per planted kind (empty for a plain corpus)
   * @param reported text-sharing verdicts
   * @param correct of those, correct ones
   * @param sameStory SAME_STORY verdicts
   * @param byRelation per text-sharing relation: verdicts and correct ones
   * @param wrong the first wrong text-sharing verdicts (as many as asked for)
   */
  public record Result(
      long articles,
      double seconds,
      double cpuSeconds,
      double storySeconds,
      long stories,
      long indexBytes,
      long peakHeapBytes,
      long peakHeapBeforeGcBytes,
      long peakRssBytes,
      long pairsJudged,
      long[] finalLatencyMicros,
      List<KindRecall> kinds,
      long reported,
      long correct,
      long sameStory,
      Map<Relation, long[]> byRelation,
      List<Wrong> wrong) {
    public double articlesPerSecond() {
      return articles / seconds;
    }

    public double articlesPerCpuSecond() {
      return articles / Math.max(1e-9, cpuSeconds);
    }

    /** Recall over all planted copies. */
    public double recall() {
      long p = 0;
      long f = 0;
      for (KindRecall k : kinds) {
        p += k.planted();
        f += k.found();
      }
      return p == 0 ? 1 : (double) f / p;
    }

    public double precision() {
      return reported == 0 ? 1 : (double) correct / reported;
    }
  }

  private final ArticleIndex index;
  private final int probes;
  private final boolean stories;
  private int showWrong;

  /**
   * A benchmark writing to {@code index}, finishing with {@code probes} timed queries and, when
   * {@code stories}, a rebuild of the stories.
   */
  public ScanBenchmark(ArticleIndex index, int probes, boolean stories) {
    this.index = Objects.requireNonNull(index, "index");
    if (probes < 0) {
      throw new IllegalArgumentException("probes must be >= 0");
    }
    this.probes = probes;
    this.stories = stories;
  }

  /** Keeps the first {@code n} wrong text-sharing verdicts for {@link Result#wrong()}. */
  public ScanBenchmark showWrong(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0");
    }
    this.showWrong = n;
    return this;
  }

  /** Scans generated items; {@code progress} receives the number of articles done. */
  public Result run(Iterable<Item> items, LongConsumer progress) throws IOException {
    try (HeapWatch heap = new HeapWatch()) {
      return run(items, progress, heap);
    }
  }

  private Result run(Iterable<Item> items, LongConsumer progress, HeapWatch heap)
      throws IOException {
    long t0 = System.nanoTime();
    long cpu0 = processCpuNanos();
    StoreScanner scanner = new StoreScanner(index);
    Counts counts = new Counts();
    Reservoir probeSet = new Reservoir(probes, 2);
    long n = 0;
    long sinceCommit = 0;
    // the next batch is generated and analysed on a background thread while this one is added
    try (Ahead<Prepared> ahead =
        new Ahead<>(
            "wiretrace-bench-items",
            items.iterator(),
            StoreScanner.BATCH,
            b ->
                new Prepared(
                    b, scanner.prepare(b.stream().map(Item::article).toList(), !Ahead.ON)))) {
      while (ahead.hasNext()) {
        Prepared p = ahead.next();
        n += flush(scanner, p, counts, probeSet);
        sinceCommit += p.items().size();
        if (sinceCommit >= COMMIT_EVERY) {
          long tp = PhaseTimes.start();
          index.commit();
          PhaseTimes.end("9 commit", tp);
          sinceCommit = 0;
        }
        progress.accept(n);
      }
    }
    index.commit();
    progress.accept(n);
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpu = (processCpuNanos() - cpu0) / 1e9;
    double storySeconds = 0;
    long storyCount = 0;
    if (stories) {
      long s0 = System.nanoTime();
      index.refresh();
      storyCount =
          StoreContents.updateStories(index, StoreContents.load(index, false), true).size();
      index.commit();
      storySeconds = (System.nanoTime() - s0) / 1e9;
    }
    long[] finalLat = new long[0];
    if (probeSet.size() > 0) {
      index.refresh();
      long[] lat = new long[probeSet.size()];
      for (int i = 0; i < lat.length; i++) {
        Article a = probeSet.articles.get(i);
        long q0 = System.nanoTime();
        Tokens t = Tokens.of(a.text());
        index.candidates(index.fingerprinter().of(t), a.id(), ArticleIndex.DEFAULT_CANDIDATES);
        var v = StorySimilarity.vector(t);
        index.topicNeighbours(
            TopicVector.of(v.terms(), v.weights(), TopicVector.DEFAULT_TERMS),
            a.id(),
            StoreScanner.TOPIC_NEIGHBOURS,
            StoreScanner.MIN_TOPIC_SIMILARITY);
        lat[i] = (System.nanoTime() - q0) / 1000;
      }
      finalLat = percentiles(lat);
    }
    List<KindRecall> kinds = new ArrayList<>();
    for (Kind k : Kind.values()) {
      long[] c = counts.perKind.get(k);
      long[] l = counts.labels.getOrDefault(label(k), new long[2]);
      if (k != Kind.ORIGINAL && c[0] > 0) {
        Map<Relation, Long> as = new EnumMap<>(Relation.class);
        counts.namedAs.getOrDefault(k, Map.of()).forEach(as::put);
        kinds.add(new KindRecall(k, c[0], c[1], c[2], l[0], l[1], as, c[3], c[4]));
      }
    }
    return new Result(
        n,
        seconds,
        cpu,
        storySeconds,
        storyCount,
        index.sizeOnDisk(),
        heap.afterGc(),
        heap.beforeGc(),
        peakRss(),
        counts.judged,
        finalLat,
        kinds,
        counts.reported,
        counts.correct,
        counts.sameStory,
        counts.labels,
        counts.wrong);
  }

  /** What the bench counts, bounded in size. */
  private static final class Counts {
    final Map<Kind, long[]> perKind = new EnumMap<>(Kind.class);
    final Map<Relation, long[]> labels = new EnumMap<>(Relation.class);
    final Map<Kind, Map<Relation, Long>> namedAs = new EnumMap<>(Kind.class);
    final List<Wrong> wrong = new ArrayList<>();
    long judged;
    long reported;
    long correct;
    long sameStory;

    Counts() {
      for (Kind k : Kind.values()) {
        perKind.put(k, new long[5]); // planted, found, named, planted short, found short
      }
    }
  }

  /** The relation a planted kind should get. */
  private static Relation label(Kind k) {
    return switch (k) {
      case DUPLICATE -> Relation.DUPLICATE;
      case EXCERPT -> Relation.EXCERPT;
      case EDITED -> Relation.EDITED;
      case SPUN -> Relation.SPUN;
      case ORIGINAL -> Relation.ORIGINAL;
    };
  }

  /** A batch of generated items and their analysis. */
  private record Prepared(List<Item> items, StoreScanner.Prepared analysed) {}

  private long flush(StoreScanner scanner, Prepared prepared, Counts counts, Reservoir probeSet)
      throws IOException {
    List<Item> batch = prepared.items();
    int size = batch.size();
    if (size == 0) {
      return 0;
    }
    List<Article> articles = new ArrayList<>(size);
    Map<String, Article> byId = new HashMap<>();
    for (Item item : batch) {
      articles.add(item.article());
      byId.put(item.article().id(), item.article());
      probeSet.add(item.article());
    }
    StoreScanner.BatchResult r = scanner.add(prepared.analysed());
    long t = PhaseTimes.start();
    counts.judged += r.judged();
    Map<String, PairVerdict> byPair = new HashMap<>();
    for (PairVerdict v : r.verdicts()) {
      if (v.relation() == Relation.SAME_STORY) {
        counts.sameStory++;
        continue;
      }
      if (!v.relation().sharesText()) {
        continue;
      }
      byPair.put(RelationRecords.key(v.aId(), v.bId()), v);
      counts.reported++;
      double containment = containment(v, byId);
      boolean ok = containment >= SHARED_CONTAINMENT;
      counts.correct += ok ? 1 : 0;
      if (!ok && counts.wrong.size() < showWrong) {
        counts.wrong.add(
            new Wrong(
                v.aId(),
                v.bId(),
                v.relation(),
                v.verdict().coverageA(),
                v.verdict().coverageB(),
                containment));
      }
      long[] l = counts.labels.computeIfAbsent(v.relation(), x -> new long[2]);
      l[0]++;
      l[1] += ok ? 1 : 0;
    }
    for (Item item : batch) {
      long[] k = counts.perKind.get(item.kind());
      k[0]++;
      if (item.sourceId().isEmpty()) {
        continue;
      }
      boolean notice = words(item.article().text()) < SHORT_WORDS;
      k[3] += notice ? 1 : 0;
      PairVerdict v = byPair.get(RelationRecords.key(item.article().id(), item.sourceId().get()));
      if (v != null) {
        k[1]++;
        k[4] += notice ? 1 : 0;
        k[2] += v.relation() == label(item.kind()) ? 1 : 0;
        counts
            .namedAs
            .computeIfAbsent(item.kind(), x -> new EnumMap<>(Relation.class))
            .merge(v.relation(), 1L, Long::sum);
      }
    }
    PhaseTimes.end("0 bench truth", t);
    return size;
  }

  /** Whitespace-separated words of {@code text}. */
  private static int words(String text) {
    int n = 0;
    boolean in = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = Character.isWhitespace(text.charAt(i));
      n += !space && !in ? 1 : 0;
      in = !space;
    }
    return n;
  }

  /**
   * 1 for two articles of one planted family, else the larger exact 5-shingle containment of either
   * text in the other, or (below {@link #SHARED_CONTAINMENT}) of the texts they were planted from:
   * the verdict is correct from {@link #SHARED_CONTAINMENT}. A copy inherits what its original
   * shares with others: a spun copy of an article that quotes the same letter as another shares
   * that letter, spun, with it, though its own shingles no longer match.
   */
  private double containment(PairVerdict v, Map<String, Article> batch) throws IOException {
    long fa = SyntheticCorpus.family(v.aId());
    long fb = SyntheticCorpus.family(v.bId());
    if (fa >= 0 && fa == fb) {
      return 1;
    }
    double own = containment(v.aId(), v.bId(), batch);
    if (own >= SHARED_CONTAINMENT) {
      return own;
    }
    String oa = SyntheticCorpus.originalId(v.aId()).orElse(v.aId());
    String ob = SyntheticCorpus.originalId(v.bId()).orElse(v.bId());
    if (oa.equals(v.aId()) && ob.equals(v.bId())) {
      return own;
    }
    return Math.max(own, containment(oa, ob, batch));
  }

  private double containment(String aId, String bId, Map<String, Article> batch)
      throws IOException {
    long[] a = shingles(aId, batch);
    long[] b = shingles(bId, batch);
    if (a.length == 0 || b.length == 0) {
      return 0;
    }
    return Math.max(SortedSets.containment(a, b), SortedSets.containment(b, a));
  }

  private long[] shingles(String id, Map<String, Article> batch) throws IOException {
    Article a = batch.get(id);
    if (a == null) {
      a = index.get(id).map(s -> s.article()).orElse(null);
    }
    return a == null ? new long[0] : Shingles.of(Tokens.of(a.text()), Shingles.DEFAULT_K);
  }

  /** p50 and p99 of {@code values}. */
  static long[] percentiles(long[] values) {
    if (values.length == 0) {
      return new long[] {0, 0};
    }
    long[] v = values.clone();
    Arrays.sort(v);
    return new long[] {
      v[(int) Math.floor(0.50 * (v.length - 1))], v[(int) Math.floor(0.99 * (v.length - 1))]
    };
  }

  private static long processCpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return 0;
  }

  /**
   * Watches the collector's notifications for the heap in use before and after each collection,
   * keeping the largest of each (the pools' sizes summed at one instant). Thread-safe: the
   * notifications arrive on a JVM thread.
   */
  static final class HeapWatch implements AutoCloseable {
    private final java.util.concurrent.atomic.AtomicLong after =
        new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong before =
        new java.util.concurrent.atomic.AtomicLong();
    private final List<javax.management.NotificationEmitter> emitters = new ArrayList<>();
    private final javax.management.NotificationListener listener = this::notified;

    HeapWatch() {
      for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        if (gc instanceof javax.management.NotificationEmitter e) {
          e.addNotificationListener(listener, null, null);
          emitters.add(e);
        }
      }
    }

    private void notified(javax.management.Notification n, Object handback) {
      if (!n.getType()
          .equals(
              com.sun.management.GarbageCollectionNotificationInfo
                  .GARBAGE_COLLECTION_NOTIFICATION)) {
        return;
      }
      var info =
          com.sun.management.GarbageCollectionNotificationInfo.from(
              (javax.management.openmbean.CompositeData) n.getUserData());
      before.accumulateAndGet(heapOf(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
      after.accumulateAndGet(heapOf(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
    }

    private static long heapOf(Map<String, java.lang.management.MemoryUsage> pools) {
      long sum = 0;
      for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
        var u = pools.get(p.getName());
        if (p.getType() == MemoryType.HEAP && u != null) {
          sum += u.getUsed();
        }
      }
      return sum;
    }

    /** Largest heap in use after a collection so far (at least the heap in use now). */
    long afterGc() {
      return Math.max(
          after.get(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    /** Largest heap in use before a collection so far (at least the heap in use now). */
    long beforeGc() {
      return Math.max(
          before.get(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    @Override
    public void close() {
      for (var e : emitters) {
        try {
          e.removeNotificationListener(listener);
        } catch (javax.management.ListenerNotFoundException ignored) {
          // never added
        }
      }
    }
  }

  /** Peak resident set size from /proc/self/status (Linux), or -1. */
  static long peakRss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          String kb = line.substring(6).trim().split("\\s+")[0];
          return Long.parseLong(kb) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /** A uniform reservoir sample (Vitter's algorithm R) of bounded size. */
  private static final class Reservoir {
    private final int capacity;
    private final List<Article> articles = new ArrayList<>();
    private final SplittableRandom rnd;
    private long seen;

    Reservoir(int capacity, long seed) {
      this.capacity = capacity;
      this.rnd = new SplittableRandom(seed);
    }

    void add(Article a) {
      seen++;
      if (articles.size() < capacity) {
        articles.add(a);
      } else if (capacity > 0) {
        long j = rnd.nextLong(seen);
        if (j < capacity) {
          articles.set((int) j, a);
        }
      }
    }

    int size() {
      return articles.size();
    }
  }
}
