package org.wiretrace.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.wiretrace.index.ArticleIndex;
import org.wiretrace.index.ScanBenchmark;
import org.wiretrace.index.SyntheticCorpus;
import org.wiretrace.ingest.Article;
import org.wiretrace.ingest.IngestListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wiretrace bench scan}: indexing throughput, memory, latency and planted-copy recall. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = {
      "Scan a corpus into a persistent index, looking every article up against",
      "everything indexed; print articles/s, CPU time, index size, peak heap and RSS,",
      "and p50/p99 lookup latency. With --size N, scan instead a synthetic collection",
      "of N articles derived from the corpus: originals (the real articles, then",
      "vocabulary-permuted variants) with planted duplicates (6%%), excerpts (6%%),",
      "edited copies (6%%) and spun copies (12%%, 25-60%% of content words replaced);",
      "also print the recall of the planted copies and the precision of the matches."
    },
    footer = {
      "",
      "Examples:",
      "  wiretrace bench scan ../shared/data/corpora",
      "  wiretrace bench scan --size 100000 ../shared/data/corpora",
      "  wiretrace bench scan --size 20000 --min-recall 0.95 --min-precision 0.95 ../shared/data/corpora"
    })
final class BenchScanCommand implements Callable<Integer> {
  @Parameters(
      arity = "0..*",
      paramLabel = "INPUT",
      description = "Corpus files or folders (default ../shared/data/corpora).")
  List<Path> inputs;

  @Option(
      names = "--size",
      defaultValue = "0",
      description = "Synthetic collection size (0: the corpus as is).")
  long size;

  @Option(names = "--seed", defaultValue = "42", description = "Generator seed.")
  long seed;

  @Option(
      names = "--data",
      description = "Index folder (default: a temporary folder, deleted after).")
  Path data;

  @Option(
      names = "--probes",
      defaultValue = "1000",
      description = "Timed lookups against the full index at the end.")
  int probes;

  @Option(names = "--min-rate", description = "Exit 1 below this many articles/s.")
  Double minRate;

  @Option(names = "--min-recall", description = "Exit 1 when planted-copy recall is below this.")
  Double minRecall;

  @Option(names = "--min-precision", description = "Exit 1 when match precision is below this.")
  Double minPrecision;

  @Option(names = "--max-p99-ms", description = "Exit 1 when the final lookup p99 exceeds this.")
  Double maxP99;

  @Option(names = "--json", description = "Print the figures as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    List<Path> in =
        inputs == null || inputs.isEmpty() ? List.of(Path.of("../shared/data/corpora")) : inputs;
    IngestListener listener = s -> System.err.println("wiretrace: skipped " + s);
    LazyArticles corpus = new LazyArticles(in, listener);
    Iterable<SyntheticCorpus.Item> items;
    if (size > 0) {
      items = new SyntheticCorpus(corpus::stream, size, seed, SyntheticCorpus.DEFAULT_RATES);
    } else {
      items =
          () -> {
            Stream<Article> s = corpus.stream();
            return s.map(
                    a ->
                        new SyntheticCorpus.Item(
                            a, SyntheticCorpus.Kind.ORIGINAL, Optional.empty(), 0))
                .iterator();
          };
    }
    Path dir = data != null ? data : Files.createTempDirectory("wiretrace-bench");
    ScanBenchmark.Result r;
    try (ArticleIndex index = ArticleIndex.open(dir);
        Progress p = Progress.of("scan", size)) {
      r = new ScanBenchmark(index, probes).run(items, n -> p.add(n - p.done()));
    } finally {
      if (data == null) {
        TempDirs.delete(dir);
      }
    }
    if (r.articles() == 0) {
      throw new UserException("no articles in " + in, WiretraceCli.EXIT_FAILURE);
    }
    if (json) {
      ObjectMapper m = new ObjectMapper();
      ObjectNode o = m.createObjectNode();
      o.put("articles", r.articles());
      o.put("seconds", r.seconds());
      o.put("cpu_seconds", r.cpuSeconds());
      o.put("articles_per_second", r.articlesPerSecond());
      o.put("index_bytes", r.indexBytes());
      o.put("peak_heap_bytes", r.peakHeapBytes());
      o.put("peak_rss_bytes", r.peakRssBytes());
      o.put("scan_lookup_p50_ms", r.scanLatencyMicros()[0] / 1000.0);
      o.put("scan_lookup_p99_ms", r.scanLatencyMicros()[1] / 1000.0);
      if (r.finalLatencyMicros().length > 0) {
        o.put("query_p50_ms", r.finalLatencyMicros()[0] / 1000.0);
        o.put("query_p99_ms", r.finalLatencyMicros()[1] / 1000.0);
      }
      if (!r.kinds().isEmpty()) {
        o.put("recall", r.recall());
        ObjectNode k = o.putObject("recall_by_kind");
        r.kinds().forEach(x -> k.put(x.kind().name().toLowerCase(), x.recall()));
      }
      o.put("reported_pairs", r.reported());
      o.put("precision", r.precision());
      System.out.println(m.writerWithDefaultPrettyPrinter().writeValueAsString(o));
    } else {
      System.out.printf("articles          %d%n", r.articles());
      System.out.printf(
          "throughput        %.0f articles/s (%.1f s wall, %.1f s CPU: %.0f articles per CPU-second)%n",
          r.articlesPerSecond(),
          r.seconds(),
          r.cpuSeconds(),
          r.articles() / Math.max(1e-9, r.cpuSeconds()));
      System.out.printf("index size        %.1f MiB%n", r.indexBytes() / 1048576.0);
      System.out.printf(
          "peak heap         %.0f MiB (max %d MiB); peak RSS %.0f MiB%n",
          r.peakHeapBytes() / 1048576.0,
          Runtime.getRuntime().maxMemory() >> 20,
          r.peakRssBytes() / 1048576.0);
      System.out.printf(
          "lookups in scan   p50 %.2f ms, p99 %.2f ms%n",
          r.scanLatencyMicros()[0] / 1000.0, r.scanLatencyMicros()[1] / 1000.0);
      if (r.finalLatencyMicros().length > 0) {
        System.out.printf(
            "queries at end    p50 %.2f ms, p99 %.2f ms (%d probes against %d articles)%n",
            r.finalLatencyMicros()[0] / 1000.0,
            r.finalLatencyMicros()[1] / 1000.0,
            probes,
            r.articles());
      }
      if (!r.kinds().isEmpty()) {
        System.out.printf("planted recall    %.4f%n", r.recall());
        for (ScanBenchmark.KindRecall k : r.kinds()) {
          System.out.printf(
              "  %-10s %.4f (%d of %d)%n",
              k.kind().name().toLowerCase(), k.recall(), k.found(), k.planted());
        }
      }
      System.out.printf(
          "match precision   %.4f (%d reported pairs, score >= %.2f)%n",
          r.precision(), r.reported(), ScanBenchmark.MATCH_SCORE);
    }
    boolean failed = false;
    failed |= below("articles/s", r.articlesPerSecond(), minRate);
    if (!r.kinds().isEmpty()) {
      failed |= below("recall", r.recall(), minRecall);
    }
    failed |= below("precision", r.precision(), minPrecision);
    if (maxP99 != null
        && r.finalLatencyMicros().length > 0
        && r.finalLatencyMicros()[1] / 1000.0 > maxP99) {
      System.err.printf(
          "wiretrace: query p99 %.2f ms above --max-p99-ms %.2f%n",
          r.finalLatencyMicros()[1] / 1000.0, maxP99);
      failed = true;
    }
    return failed ? WiretraceCli.EXIT_FAILURE : 0;
  }

  private static boolean below(String what, double value, Double min) {
    if (min != null && value < min) {
      System.err.printf("wiretrace: %s %.4f below threshold %.4f%n", what, value, min);
      return true;
    }
    return false;
  }
}
