package org.wiretrace.index;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import org.wiretrace.fingerprint.Fingerprint;
import org.wiretrace.fingerprint.Shingles;
import org.wiretrace.fingerprint.SortedSets;
import org.wiretrace.index.SyntheticCorpus.Item;
import org.wiretrace.index.SyntheticCorpus.Kind;
import org.wiretrace.ingest.Article;
import org.wiretrace.text.Tokens;

/**
 * The scan benchmark: feeds a stream of articles through tokenizing, fingerprinting, the persistent
 * index ({@link ArticleIndex#put}, committed every {@value #COMMIT_EVERY} articles) and a candidate
 * lookup of each article against everything indexed, in batches of {@value #BATCH} (put the batch,
 * refresh, look each one up), and measures throughput, memory, index size and lookup latency; on a
 * {@link SyntheticCorpus} it also measures the recall and precision of the planted copies.
 *
 * <p>A candidate counts as reported when its {@link Candidate#score()} reaches {@link
 * #MATCH_SCORE}. A reported pair is correct when both articles belong to the same planted family,
 * or when their texts really share most of their shingles (exact containment of either in the other
 * at least 0.5: the base corpora's own duplicates). Not thread-safe.
 */
public final class ScanBenchmark {
  /** Articles put between searcher refreshes (and looked up after each). */
  public static final int BATCH = 2000;

  /** Articles between commits. */
  public static final int COMMIT_EVERY = 20_000;

  /** The score from which a candidate is reported as a source or copy. */
  public static final double MATCH_SCORE = 0.5;

  /** Latency samples kept (reservoir), so memory stays bounded at any size. */
  static final int SAMPLES = 100_000;

  /** Per-kind recall. */
  public record KindRecall(Kind kind, long planted, long found) {
    public double recall() {
      return planted == 0 ? 1 : (double) found / planted;
    }
  }

  /**
   * Figures of a run.
   *
   * @param articles articles scanned
   * @param seconds wall-clock seconds
   * @param cpuSeconds process CPU seconds
   * @param indexBytes index size on disk at the end
   * @param peakHeapBytes peak heap use (sum of the heap pools' peaks)
   * @param peakRssBytes peak resident set size (VmHWM), or -1 where unknown
   * @param scanLatencyMicros p50 and p99 of lookups during the scan
   * @param finalLatencyMicros p50 and p99 of {@code probes} lookups against the full index
   * @param kinds recall per planted kind (empty for a plain corpus)
   * @param reported reported pairs
   * @param correct reported pairs that were correct
   */
  public record Result(
      long articles,
      double seconds,
      double cpuSeconds,
      long indexBytes,
      long peakHeapBytes,
      long peakRssBytes,
      long[] scanLatencyMicros,
      long[] finalLatencyMicros,
      List<KindRecall> kinds,
      long reported,
      long correct) {
    public double articlesPerSecond() {
      return articles / seconds;
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

  /** A benchmark writing to {@code index}, finishing with {@code probes} timed lookups. */
  public ScanBenchmark(ArticleIndex index, int probes) {
    this.index = Objects.requireNonNull(index, "index");
    if (probes < 0) {
      throw new IllegalArgumentException("probes must be >= 0");
    }
    this.probes = probes;
  }

  /** Scans generated items; {@code progress} receives the number of articles done. */
  public Result run(Iterable<Item> items, LongConsumer progress) throws IOException {
    long t0 = System.nanoTime();
    long cpu0 = processCpuNanos();
    resetPeaks();
    Map<Kind, long[]> perKind = new EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      perKind.put(k, new long[2]);
    }
    long[] reported = new long[2];
    Reservoir scanLat = new Reservoir(SAMPLES, 1);
    Reservoir probeSet = new Reservoir(probes, 2);
    List<Item> batch = new ArrayList<>(BATCH);
    List<Tokens> tokens = new ArrayList<>(BATCH);
    long n = 0;
    long sinceCommit = 0;
    for (Item item : items) {
      batch.add(item);
      tokens.add(Tokens.of(item.article().text()));
      if (batch.size() == BATCH) {
        n += flush(batch, tokens, perKind, reported, scanLat, probeSet);
        sinceCommit += BATCH;
        if (sinceCommit >= COMMIT_EVERY) {
          index.commit();
          sinceCommit = 0;
        }
        progress.accept(n);
      }
    }
    n += flush(batch, tokens, perKind, reported, scanLat, probeSet);
    index.commit();
    progress.accept(n);
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpu = (processCpuNanos() - cpu0) / 1e9;
    long[] finalLat = new long[0];
    if (probeSet.size() > 0) {
      index.refresh();
      long[] lat = new long[probeSet.size()];
      for (int i = 0; i < lat.length; i++) {
        Article a = probeSet.articles.get(i);
        long q0 = System.nanoTime();
        index.candidates(a, Tokens.of(a.text()), ArticleIndex.DEFAULT_CANDIDATES);
        lat[i] = (System.nanoTime() - q0) / 1000;
      }
      finalLat = percentiles(lat);
    }
    List<KindRecall> kinds = new ArrayList<>();
    for (Kind k : Kind.values()) {
      long[] c = perKind.get(k);
      if (k != Kind.ORIGINAL && c[0] > 0) {
        kinds.add(new KindRecall(k, c[0], c[1]));
      }
    }
    return new Result(
        n,
        seconds,
        cpu,
        index.sizeOnDisk(),
        peakHeap(),
        peakRss(),
        percentiles(scanLat.values()),
        finalLat,
        kinds,
        reported[0],
        reported[1]);
  }

  private long flush(
      List<Item> batch,
      List<Tokens> tokens,
      Map<Kind, long[]> perKind,
      long[] reported,
      Reservoir scanLat,
      Reservoir probeSet)
      throws IOException {
    int size = batch.size();
    Fingerprint[] fps = new Fingerprint[size];
    for (int i = 0; i < size; i++) {
      fps[i] = index.fingerprinter().of(tokens.get(i));
      index.put(batch.get(i).article(), fps[i]);
    }
    index.refresh();
    for (int i = 0; i < size; i++) {
      Item item = batch.get(i);
      Article a = item.article();
      long q0 = System.nanoTime();
      List<Candidate> cands = index.candidates(fps[i], a.id(), ArticleIndex.DEFAULT_CANDIDATES);
      scanLat.add((System.nanoTime() - q0) / 1000, a);
      // lookups in the scan exclude fingerprinting, done once above for put
      probeSet.add(0, a);
      long family = SyntheticCorpus.family(a.id());
      boolean found = false;
      for (Candidate c : cands) {
        if (c.score() < MATCH_SCORE) {
          continue;
        }
        reported[0]++;
        boolean planted = family >= 0 && SyntheticCorpus.family(c.id()) == family;
        if (item.sourceId().isPresent() && c.id().equals(item.sourceId().get())) {
          found = true;
        }
        if (planted || sharesText(tokens.get(i), c.id())) {
          reported[1]++;
        }
      }
      long[] k = perKind.get(item.kind());
      k[0]++;
      k[1] += found ? 1 : 0;
    }
    batch.clear();
    tokens.clear();
    return size;
  }

  private boolean sharesText(Tokens query, String id) throws IOException {
    var other = index.get(id);
    if (other.isEmpty()) {
      return false;
    }
    long[] a = Shingles.of(query, Shingles.DEFAULT_K);
    long[] b = Shingles.of(Tokens.of(other.get().article().text()), Shingles.DEFAULT_K);
    return SortedSets.containment(a, b) >= 0.5 || SortedSets.containment(b, a) >= 0.5;
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

  private static void resetPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      p.resetPeakUsage();
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
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
    private final long[] values;
    private final List<Article> articles = new ArrayList<>();
    private final SplittableRandom rnd;
    private long seen;
    private int size;

    Reservoir(int capacity, long seed) {
      this.capacity = capacity;
      this.values = new long[capacity];
      this.rnd = new SplittableRandom(seed);
    }

    void add(long v, Article a) {
      seen++;
      if (size < capacity) {
        values[size++] = v;
        if (capacity <= 10_000) {
          articles.add(a);
        }
      } else {
        long j = rnd.nextLong(seen);
        if (j < capacity) {
          values[(int) j] = v;
          if (capacity <= 10_000) {
            articles.set((int) j, a);
          }
        }
      }
    }

    int size() {
      return size;
    }

    long[] values() {
      return Arrays.copyOf(values, size);
    }
  }
}
