package org.wiretrace.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.wiretrace.ingest.HtmlReader;
import org.wiretrace.ingest.IngestListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wiretrace bench extract DIR}: HTML extraction throughput and latency on one thread. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
      "Measure HTML page reading (decode, parse, main text, metadata, mojibake",
      "repair) on one thread over every .html/.html.gz file under DIR, after",
      "warm-up passes. Prints pages per second per core (pages / CPU seconds of",
      "the measuring thread, so other load on the machine does not count),",
      "wall-clock pages per second, MB/s and latency percentiles."
    },
    footer = {
      "",
      "Examples:",
      "  wiretrace bench extract ../shared/data/article-extraction",
      "  wiretrace bench extract pages/ --rounds 10 --warmup 5"
    })
final class BenchExtractCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "DIR", description = "Folder with .html or .html.gz pages.")
  Path dir;

  @Option(names = "--rounds", defaultValue = "5", description = "Measured passes (default 5).")
  int rounds;

  @Option(names = "--warmup", defaultValue = "3", description = "Unmeasured passes (default 3).")
  int warmup;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (rounds < 1 || warmup < 0) {
      throw new UserException("--rounds must be >= 1 and --warmup >= 0", WiretraceCli.EXIT_USAGE);
    }
    List<byte[]> pages = load(dir);
    if (pages.isEmpty()) {
      throw new UserException("no .html or .html.gz files under " + dir, WiretraceCli.EXIT_FAILURE);
    }
    long bytes = pages.stream().mapToLong(p -> p.length).sum();
    for (int r = 0; r < warmup; r++) {
      pass(pages, null);
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long[] latencies = new long[pages.size() * rounds];
    long cpu0 = mx.getCurrentThreadCpuTime();
    long wall0 = System.nanoTime();
    try (Progress progress = Progress.of("bench extract", (long) pages.size() * rounds)) {
      for (int r = 0; r < rounds; r++) {
        long[] lat = pass(pages, progress);
        System.arraycopy(lat, 0, latencies, r * pages.size(), lat.length);
      }
    }
    double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
    double wall = (System.nanoTime() - wall0) / 1e9;
    Arrays.sort(latencies);
    long n = latencies.length;
    PrintWriter o = spec.commandLine().getOut();
    o.printf(
        "pages            %d x %d rounds (%.1f KB mean)%n",
        pages.size(), rounds, bytes / 1024.0 / pages.size());
    o.printf("pages/s per core %.1f   (CPU time of the measuring thread)%n", n / cpu);
    o.printf(
        "pages/s wall     %.1f   MB/s wall %.1f%n", n / wall, bytes * (double) rounds / wall / 1e6);
    o.printf(
        "latency ms       p50 %.2f  p90 %.2f  p99 %.2f  max %.2f%n",
        pct(latencies, 0.50),
        pct(latencies, 0.90),
        pct(latencies, 0.99),
        latencies[latencies.length - 1] / 1e6);
    o.flush();
    return 0;
  }

  private static double pct(long[] sorted, double q) {
    int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
    return sorted[Math.max(0, i)] / 1e6;
  }

  private static long[] pass(List<byte[]> pages, Progress progress) {
    long[] lat = new long[pages.size()];
    for (int i = 0; i < pages.size(); i++) {
      long t0 = System.nanoTime();
      HtmlReader.parse(
          "bench", pages.get(i), Optional.empty(), Optional.empty(), IngestListener.ignoring());
      lat[i] = System.nanoTime() - t0;
      if (progress != null) {
        progress.step();
      }
    }
    return lat;
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
