package org.wiretrace.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.wiretrace.ingest.Article;
import org.wiretrace.ingest.IngestListener;
import org.wiretrace.ingest.JsonlReader;
import org.wiretrace.ingest.Skipped;
import org.wiretrace.stories.StoryAnalyzer;
import org.wiretrace.stories.StoryBuilder;
import org.wiretrace.stories.StoryClusterer;
import org.wiretrace.stories.StoryFeatures;
import org.wiretrace.stories.StoryModel;
import org.wiretrace.text.Tokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wiretrace bench stories}: streaming story clustering throughput. */
@Command(
    name = "stories",
    header = "Measure story clustering: articles per second and latency percentiles.",
    mixinStandardHelpOptions = true,
    description = {
      "Read articles (JSONL, .gz allowed), sort them by publication time, stream them through"
          + " story clustering and print"
          + " articles per second, per-article latency percentiles and the open-story count.",
      "Time covers tokenizing, feature extraction and clustering; reading, JSON parsing and"
          + " sorting are measured apart. Closed stories are drained as the stream goes, so memory stays"
          + " bounded by the model's time window."
    },
    footer = {
      "",
      "Examples:",
      "  wiretrace bench stories ../shared/data/corpora/allsides.jsonl.gz",
      "  wiretrace bench stories corpus.jsonl.gz --limit 10000 --window-days 7"
    })
final class BenchStoriesCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE.jsonl.gz", description = "Articles (JSONL).")
  Path file;

  @Option(names = "--limit", description = "Stop after this many articles.")
  long limit = Long.MAX_VALUE;

  @Option(names = "--window-days", description = "Override the model's time window (days).")
  Double windowDays;

  @Option(
      names = "--max-open",
      paramLabel = "N",
      description =
          "Most stories open at once; beyond it the least recently joined one closes"
              + " (default: ${DEFAULT-VALUE}, as scan uses).")
  int maxOpenStories = StoryClusterer.DEFAULT_MAX_OPEN;

  @Override
  public Integer call() {
    if (!Files.isReadable(file)) {
      throw new UserException("cannot read " + file, WiretraceCli.EXIT_FAILURE);
    }
    StoryModel model = StoryModel.DEFAULT;
    if (windowDays != null) {
      model = model.withWindowDays(windowDays);
    }
    StoryAnalyzer analyzer = new StoryAnalyzer();
    if (maxOpenStories < 1) {
      throw new UserException(
          "--max-open must be at least 1: " + maxOpenStories, WiretraceCli.EXIT_USAGE);
    }
    StoryClusterer clusterer = new StoryClusterer(model, maxOpenStories);
    long[] latencies = new long[1 << 16];
    int n = 0;
    long busy = 0;
    long analysis = 0;
    long stories = 0;
    int maxOpen = 0;
    long skipped = 0;
    IngestListener listener =
        new IngestListener() {
          @Override
          public void skipped(Skipped s) {
            System.err.println("wiretrace: skipped " + s);
          }
        };
    long readStart = System.nanoTime();
    List<Article> articles = new ArrayList<>();
    for (Article a : new JsonlReader(file, listener)) {
      if (articles.size() >= limit) {
        break;
      }
      articles.add(a);
    }
    articles.sort(StoryBuilder.chronological());
    double readSecs = (System.nanoTime() - readStart) / 1e9;
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpuStart = mx.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    try (Progress progress = Progress.of("stories", articles.size())) {
      for (Article a : articles) {
        long t0 = System.nanoTime();
        StoryFeatures f = analyzer.analyze(a, Tokens.of(a.text()));
        long t1 = System.nanoTime();
        analysis += t1 - t0;
        if (clusterer.storyOf(a.id()).isPresent()) {
          skipped++;
          continue;
        }
        if (clusterer.add(f).opened()) {
          stories++;
        }
        if (n % 1000 == 0) {
          clusterer.drainClosed();
        }
        long dt = System.nanoTime() - t0;
        busy += dt;
        if (n == latencies.length) {
          latencies = Arrays.copyOf(latencies, n * 2);
        }
        latencies[n++] = dt;
        maxOpen = Math.max(maxOpen, clusterer.openStories());
        progress.step();
      }
    }
    double wall = (System.nanoTime() - start) / 1e9;
    double cpu = (mx.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    if (n == 0) {
      throw new UserException("no articles in " + file, WiretraceCli.EXIT_FAILURE);
    }
    long[] sorted = Arrays.copyOf(latencies, n);
    Arrays.sort(sorted);
    Runtime rt = Runtime.getRuntime();
    System.out.printf(
        "%d articles, %d stories opened, %d duplicate ids skipped, window %.0f days, at most %d"
            + " open%n",
        n, stories, skipped, model.windowDays(), maxOpenStories);
    System.out.printf(
        "clustering: %.0f articles/s (tokenize + features + cluster, one thread)%n",
        n / (busy / 1e9));
    System.out.printf(
        "cpu time: %.1f s on the clustering thread = %.0f articles/s per core (wall time is"
            + " inflated when the machine is shared; load average %.1f)%n",
        cpu,
        n / cpu,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.printf(
        "  of which tokenize + features %.1f s (%.0f articles/s), clustering %.1f s (%.0f articles/s)%n",
        analysis / 1e9,
        n / (analysis / 1e9),
        (busy - analysis) / 1e9,
        n / ((busy - analysis) / 1e9));
    System.out.printf(
        "wall: %.1f s clustering, %.1f s reading, parsing and sorting by date%n", wall, readSecs);
    System.out.printf(
        "latency ms: p50 %.3f  p90 %.3f  p99 %.3f  max %.3f%n",
        sorted[n / 2] / 1e6,
        sorted[(int) (n * 0.9)] / 1e6,
        sorted[(int) (n * 0.99)] / 1e6,
        sorted[n - 1] / 1e6);
    System.out.printf(
        "open stories: max %d; heap used %d MiB%n",
        maxOpen, (rt.totalMemory() - rt.freeMemory()) >> 20);
    return 0;
  }
}
