package org.wiretrace.index;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntConsumer;
import org.wiretrace.fingerprint.AllPairs;
import org.wiretrace.fingerprint.Fingerprint;
import org.wiretrace.fingerprint.Shingles;
import org.wiretrace.fingerprint.SortedSets;
import org.wiretrace.ingest.Article;
import org.wiretrace.text.Tokens;

/**
 * Measures the index's near-duplicate detection against the exact truth.
 *
 * <p><b>Truth</b>: every pair of articles whose word 5-shingle sets ({@link Shingles}, the same
 * short-text rule) have Jaccard similarity at least the threshold, enumerated exactly by {@link
 * AllPairs} (prefix-filtered inverted index over shingles, each candidate verified by exact set
 * intersection — identical to comparing all pairs).
 *
 * <p><b>Detector</b>: all articles are put into an {@link ArticleIndex} in {@code dir}; each is
 * then looked up with {@link ArticleIndex#nearDuplicates} (LSH band collisions with a MinHash
 * estimate of at least {@link #VERIFY_ESTIMATE}), and each such candidate is verified on the
 * shingles of the stored text. Pairs are counted once. Also reported: the detector that trusts the
 * MinHash estimate alone (estimate &gt;= threshold), without verification.
 *
 * <p><b>Timing</b>: the truth and the detector are timed separately, in wall-clock and process CPU
 * seconds (all threads: Lucene's merges and the garbage collector count), so that the detector can
 * be compared with other tools on the same work without the cost of the exact join.
 *
 * <p>Holds all shingle sets in memory (evaluation only). Not thread-safe.
 */
public final class DedupEvaluation {
  /** Candidates whose MinHash estimate is below this are not verified (5 standard errors). */
  public static final double VERIFY_ESTIMATE = 0.6;

  /** One pair, by article id, with its exact and estimated Jaccard similarity. */
  public record PairResult(String a, String b, double exact, double estimate) {}

  /**
   * The figures of one run.
   *
   * @param articles articles read
   * @param truth pairs at or above the threshold (exact)
   * @param found pairs the index reported and verification kept
   * @param correct found pairs that are in the truth
   * @param misses truth pairs the index did not report
   * @param falseAlarms reported pairs not in the truth
   * @param estimateFound pairs whose MinHash estimate alone reached the threshold
   * @param estimateCorrect of those, pairs in the truth
   * @param verified candidate pairs verified on shingles
   * @param indexSeconds time to fingerprint and index all articles
   * @param querySeconds time to look up all articles and verify
   * @param truthSeconds wall time of the exact join (shingling included)
   * @param truthCpuSeconds process CPU time of the exact join
   * @param detectorCpuSeconds process CPU time of indexing, lookups and verification
   * @param truthPairs every truth pair, by id, with its exact similarity and the MinHash estimate
   *     ({@code NaN} when the index did not propose it)
   * @param foundPairs every pair the detector reported, by id, with exact similarity and estimate
   */
  public record Result(
      int articles,
      int truth,
      int found,
      int correct,
      List<PairResult> misses,
      List<PairResult> falseAlarms,
      int estimateFound,
      int estimateCorrect,
      long verified,
      double indexSeconds,
      double querySeconds,
      double truthSeconds,
      double truthCpuSeconds,
      double detectorCpuSeconds,
      List<PairResult> truthPairs,
      List<PairResult> foundPairs) {
    public Result {
      misses = List.copyOf(misses);
      falseAlarms = List.copyOf(falseAlarms);
      truthPairs = List.copyOf(truthPairs);
      foundPairs = List.copyOf(foundPairs);
    }

    /** Wall time of the detector: indexing plus lookups and verification. */
    public double detectorSeconds() {
      return indexSeconds + querySeconds;
    }

    public double recall() {
      return truth == 0 ? 1 : (double) correct / truth;
    }

    public double precision() {
      return found == 0 ? 1 : (double) correct / found;
    }

    public double estimateRecall() {
      return truth == 0 ? 1 : (double) estimateCorrect / truth;
    }

    public double estimatePrecision() {
      return estimateFound == 0 ? 1 : (double) estimateCorrect / estimateFound;
    }
  }

  private final double threshold;

  public DedupEvaluation(double threshold) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
    }
    this.threshold = threshold;
  }

  /**
   * Runs the evaluation over {@code articles} with a fresh index in the empty folder {@code dir}.
   */
  public Result run(List<Article> articles, Path dir, IntConsumer progress) throws IOException {
    Objects.requireNonNull(progress, "progress");
    long truthStart = System.nanoTime();
    long truthCpuStart = processCpuNanos();
    List<long[]> sets = new ArrayList<>(articles.size());
    Map<String, Integer> position = new HashMap<>();
    for (Article a : articles) {
      if (position.putIfAbsent(a.id(), sets.size()) != null) {
        throw new IllegalArgumentException("duplicate article id " + a.id() + " at " + a.origin());
      }
      sets.add(Shingles.of(Tokens.of(a.text()), Shingles.DEFAULT_K));
    }
    Set<Long> truth = new HashSet<>();
    Map<Long, Double> truthJ = new HashMap<>();
    for (AllPairs.Pair p : AllPairs.join(sets, threshold)) {
      truth.add(key(p.a(), p.b()));
      truthJ.put(key(p.a(), p.b()), p.jaccard());
    }
    double truthSeconds = (System.nanoTime() - truthStart) / 1e9;
    double truthCpuSeconds = (processCpuNanos() - truthCpuStart) / 1e9;
    long cpu0 = processCpuNanos();
    long t0 = System.nanoTime();
    try (ArticleIndex index = ArticleIndex.open(dir)) {
      // each text is fingerprinted once (in parallel: the fingerprinter is stateless), indexed in
      // input order, then looked up with the same fingerprint
      Fingerprint[] fps =
          articles.parallelStream()
              .map(a -> index.fingerprinter().of(Tokens.of(a.text())))
              .toArray(Fingerprint[]::new);
      for (int i = 0; i < fps.length; i++) {
        index.put(articles.get(i), fps[i]);
        progress.accept(i + 1);
      }
      index.commit();
      double indexSeconds = (System.nanoTime() - t0) / 1e9;
      long t1 = System.nanoTime();
      // the lookups in parallel (the index is thread-safe), their results used in input order
      List<List<Candidate>> candidates;
      try {
        candidates = lookups(index, articles, fps);
      } catch (java.io.UncheckedIOException e) {
        throw e.getCause();
      }
      Set<Long> found = new HashSet<>();
      Set<Long> estimated = new HashSet<>();
      Map<Long, Double> estimates = new HashMap<>();
      long verified = 0;
      for (int x = 0; x < articles.size(); x++) {
        for (Candidate c : candidates.get(x)) {
          int y = position.get(c.id());
          long k = key(Math.min(x, y), Math.max(x, y));
          estimates.put(k, c.jaccard());
          if (c.jaccard() >= threshold) {
            estimated.add(k);
          }
          if (y < x && found.contains(k)) {
            continue;
          }
          verified++;
          if (SortedSets.jaccard(sets.get(x), sets.get(y)) >= threshold) {
            found.add(k);
          }
        }
        progress.accept(articles.size() + x + 1);
      }
      double querySeconds = (System.nanoTime() - t1) / 1e9;
      double detectorCpuSeconds = (processCpuNanos() - cpu0) / 1e9;
      List<PairResult> truthPairs = new ArrayList<>(truth.size());
      for (long k : sorted(truth)) {
        truthPairs.add(pair(k, articles, truthJ.get(k), estimates.getOrDefault(k, Double.NaN)));
      }
      List<PairResult> foundPairs = new ArrayList<>(found.size());
      for (long k : sorted(found)) {
        double exact = SortedSets.jaccard(sets.get((int) (k >>> 32)), sets.get((int) k));
        foundPairs.add(pair(k, articles, exact, estimates.get(k)));
      }
      List<PairResult> misses = new ArrayList<>();
      int correct = 0;
      for (long k : truth) {
        if (found.contains(k)) {
          correct++;
        } else {
          misses.add(pair(k, articles, truthJ.get(k), estimates.getOrDefault(k, Double.NaN)));
        }
      }
      List<PairResult> falseAlarms = new ArrayList<>();
      for (long k : found) {
        if (!truth.contains(k)) {
          int a = (int) (k >>> 32);
          int b = (int) k;
          falseAlarms.add(
              pair(k, articles, SortedSets.jaccard(sets.get(a), sets.get(b)), estimates.get(k)));
        }
      }
      int estimateCorrect = 0;
      for (long k : estimated) {
        if (truth.contains(k)) {
          estimateCorrect++;
        }
      }
      return new Result(
          articles.size(),
          truth.size(),
          found.size(),
          correct,
          misses,
          falseAlarms,
          estimated.size(),
          estimateCorrect,
          verified,
          indexSeconds,
          querySeconds,
          truthSeconds,
          truthCpuSeconds,
          detectorCpuSeconds,
          truthPairs,
          foundPairs);
    }
  }

  private static PairResult pair(long k, List<Article> articles, double exact, double estimate) {
    return new PairResult(
        articles.get((int) (k >>> 32)).id(), articles.get((int) k).id(), exact, estimate);
  }

  /** CPU time of this process (all threads), or 0 when the JVM does not expose it. */
  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  private static long[] sorted(Set<Long> keys) {
    long[] k = new long[keys.size()];
    int i = 0;
    for (long x : keys) {
      k[i++] = x;
    }
    Arrays.sort(k);
    return k;
  }

  private static long key(int a, int b) {
    return ((long) a << 32) | (b & 0xffffffffL);
  }

  private static List<List<Candidate>> lookups(
      ArticleIndex index, List<Article> articles, Fingerprint[] fps) {
    return java.util.stream.IntStream.range(0, fps.length)
        .parallel()
        .mapToObj(
            x -> {
              try {
                return index.nearDuplicates(fps[x], articles.get(x).id(), VERIFY_ESTIMATE);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            })
        .toList();
  }
}
