package org.wiretrace.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.wiretrace.ingest.HtmlReader;
import org.wiretrace.ingest.IngestListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wiretrace bench extract DIR}: HTML extraction throughput and latency on one or more
 * threads, with pages per second per core from the CPU time of the measuring threads.
 */
@Command(
    name = "extract",
    header = "Measure HTML page reading: pages per second and latency percentiles.",
    mixinStandardHelpOptions = true,
    description = {
      "Measure HTML page reading (decode, parse, main text, metadata, mojibake",
      "repair) over every .html/.html.gz file under DIR, after warm-up passes.",
      "Prints pages per second per core (pages / CPU seconds of the measuring",
      "threads, so other load on the machine does not count), wall-clock pages",
      "per second, MB/s and latency percentiles. Warm-up runs at least --warmup",
      "passes and goes on (at most "
          + BenchExtractCommand.MAX_EXTRA_WARMUP
          + " more) while the JIT compiler",
      "is still busy, so that a loaded machine does not measure interpreted code."
    },
    footer = {
      "",
      "Examples:",
      "  wiretrace bench extract ../shared/data/article-extraction",
      "  wiretrace bench extract pages/ --rounds 3 --warmup 2",
      "  wiretrace bench extract pages/ --rounds 10 --threads 2",
      "  wiretrace bench extract pages/ --json",
      "  wiretrace bench extract pages/ --min-pages-per-core 200   # CI regression gate"
    })
final class BenchExtractCommand implements Callable<Integer> {

  /** Extra warm-up passes at most while the JIT compiler is still busy. */
  static final int MAX_EXTRA_WARMUP = 10;

  /** Warm-up ends once JIT compilation took less than this share of a pass's wall time. */
  static final double JIT_QUIET_SHARE = 0.05;

  @Parameters(index = "0", paramLabel = "DIR", description = "Folder with .html or .html.gz pages.")
  Path dir;

  @Option(names = "--rounds", defaultValue = "5", description = "Measured passes (default 5).")
  int rounds;

  @Option(
      names = "--warmup",
      defaultValue = "3",
      description = "Least number of unmeasured passes (default 3).")
  int warmup;

  @Option(
      names = "--threads",
      defaultValue = "1",
      description = "Threads reading pages in parallel (default 1).")
  int threads;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  @Option(
      names = "--min-pages-per-core",
      paramLabel = "RATE",
      description =
          "Exit 1 when the median round's pages per CPU second is below RATE (a regression gate; the median round is the least disturbed by other load).")
  Double minPagesPerCore;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (rounds < 1 || warmup < 0 || threads < 1) {
      throw new UserException(
          "--rounds and --threads must be >= 1 and --warmup >= 0", WiretraceCli.EXIT_USAGE);
    }
    List<byte[]> pages = load(dir);
    if (pages.isEmpty()) {
      throw new UserException("no .html or .html.gz files under " + dir, WiretraceCli.EXIT_FAILURE);
    }
    long bytes = pages.stream().mapToLong(p -> p.length).sum();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      int warm = warmUp(pages, pool);
      long[] latencies = new long[pages.size() * rounds];
      long cpuNanos = 0;
      long[] roundCpu = new long[rounds];
      long wall0 = System.nanoTime();
      try (Progress progress = Progress.of("bench extract", (long) pages.size() * rounds)) {
        for (int r = 0; r < rounds; r++) {
          roundCpu[r] = pass(pages, pool, latencies, r * pages.size(), progress);
          cpuNanos += roundCpu[r];
        }
      }
      double cpu = cpuNanos / 1e9;
      double wall = (System.nanoTime() - wall0) / 1e9;
      Arrays.sort(latencies);
      long n = latencies.length;
      Arrays.sort(roundCpu);
      double best = pages.size() / (roundCpu[0] / 1e9);
      double median = pages.size() / (roundCpu[rounds / 2] / 1e9);
      PrintWriter o = spec.commandLine().getOut();
      double mean = bytes / 1024.0 / pages.size();
      if (json) {
        o.printf(
            java.util.Locale.ROOT,
            "{\"pages\":%d,\"rounds\":%d,\"warmupPasses\":%d,\"threads\":%d,"
                + "\"meanKB\":%.1f,\"pagesPerCpuSecond\":%.1f,\"medianRoundPagesPerCpuSecond\":%.1f,"
                + "\"bestRoundPagesPerCpuSecond\":%.1f,\"pagesPerSecondWall\":%.1f,"
                + "\"mbPerSecondWall\":%.2f,\"latencyMs\":{\"p50\":%.3f,\"p90\":%.3f,"
                + "\"p99\":%.3f,\"max\":%.3f},\"loadAverage\":%.2f}%n",
            pages.size(),
            rounds,
            warm,
            threads,
            mean,
            n / cpu,
            median,
            best,
            n / wall,
            bytes * (double) rounds / wall / 1e6,
            pct(latencies, 0.50),
            pct(latencies, 0.90),
            pct(latencies, 0.99),
            latencies[latencies.length - 1] / 1e6,
            loadAverage());
      } else {
        o.printf(
            "pages            %d x %d rounds (%.1f KB mean), %d thread(s), %d warm-up passes%n",
            pages.size(), rounds, mean, threads, warm);
        o.printf(
            "pages/s per core %.1f   (CPU time of the measuring threads; median round %.1f,"
                + " best round %.1f)%n",
            n / cpu, median, best);
        o.printf(
            "pages/s wall     %.1f   MB/s wall %.1f%n",
            n / wall, bytes * (double) rounds / wall / 1e6);
        o.printf(
            "latency ms       p50 %.2f  p90 %.2f  p99 %.2f  max %.2f%n",
            pct(latencies, 0.50),
            pct(latencies, 0.90),
            pct(latencies, 0.99),
            latencies[latencies.length - 1] / 1e6);
        o.printf("load average     %.2f (1 min)%n", loadAverage());
      }
      o.flush();
      if (minPagesPerCore != null && median < minPagesPerCore) {
        spec.commandLine()
            .getErr()
            .printf(
                "bench extract: median round %.1f pages/s per core is below --min-pages-per-core"
                    + " %.1f%n",
                median, minPagesPerCore);
        return WiretraceCli.EXIT_FAILURE;
      }
      return 0;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Runs {@link #warmup} passes, then more (at most {@link #MAX_EXTRA_WARMUP}) while JIT
   * compilation still takes more than {@link #JIT_QUIET_SHARE} of a pass; returns the passes run.
   */
  private int warmUp(List<byte[]> pages, ExecutorService pool) throws InterruptedException {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    boolean timed = jit != null && jit.isCompilationTimeMonitoringSupported();
    long[] scratch = new long[pages.size()];
    if (warmup == 0) {
      return 0;
    }
    int passes = 0;
    while (true) {
      long jit0 = timed ? jit.getTotalCompilationTime() : 0;
      long wall0 = System.nanoTime();
      pass(pages, pool, scratch, 0, null);
      passes++;
      if (passes < warmup) {
        continue;
      }
      if (!timed || passes >= warmup + MAX_EXTRA_WARMUP) {
        return passes;
      }
      double jitMs = jit.getTotalCompilationTime() - jit0;
      double wallMs = (System.nanoTime() - wall0) / 1e6;
      if (jitMs < JIT_QUIET_SHARE * wallMs) {
        return passes;
      }
    }
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static double pct(long[] sorted, double q) {
    int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
    return sorted[Math.max(0, i)] / 1e6;
  }

  /**
   * Reads every page once on the pool's threads, storing each page's latency at {@code at + i};
   * returns the CPU nanoseconds the threads spent.
   */
  private long pass(List<byte[]> pages, ExecutorService pool, long[] lat, int at, Progress progress)
      throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    List<Callable<Long>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(
          () -> {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            long cpu0 = mx.getCurrentThreadCpuTime();
            for (int i = next.getAndIncrement(); i < pages.size(); i = next.getAndIncrement()) {
              long t0 = System.nanoTime();
              HtmlReader.parse(
                  "bench",
                  pages.get(i),
                  Optional.empty(),
                  Optional.empty(),
                  IngestListener.ignoring());
              lat[at + i] = System.nanoTime() - t0;
              if (progress != null) {
                progress.step();
              }
            }
            return mx.getCurrentThreadCpuTime() - cpu0;
          });
    }
    long cpu = 0;
    for (Future<Long> f : pool.invokeAll(workers)) {
      try {
        cpu += f.get();
      } catch (ExecutionException e) {
        throw new IllegalStateException("page reading failed", e.getCause());
      }
    }
    return cpu;
  }

  private static List<byte[]> load(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new UserException("not a folder: " + dir, WiretraceCli.EXIT_USAGE);
    }
    List<byte[]> pages = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".html.gz") || name.endsWith(".htm.gz")) {
          try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
            pages.add(in.readAllBytes());
          }
        } else if (name.endsWith(".html") || name.endsWith(".htm")) {
          pages.add(Files.readAllBytes(p));
        }
      }
    }
    return pages;
  }
}
