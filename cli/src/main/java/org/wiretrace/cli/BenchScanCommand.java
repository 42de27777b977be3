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
import org.wiretrace.index.SyntheticCorpus;
import org.wiretrace.ingest.Article;
import org.wiretrace.ingest.IngestListener;
import org.wiretrace.pipeline.ScanBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wiretrace bench scan}: indexing throughput, memory, latency and planted-copy recall. */
@Command(
    name = "scan",
    header = "Measure the end-to-end scan: articles per second, memory, index size, query latency.",
    mixinStandardHelpOptions = true,
    description = {
      "Scan a corpus end to end into a persistent store, as 'wiretrace scan' does:",
      "analyse each batch, index it, look every new article up against everything",
      "stored, align and judge the candidate pairs, store the verdicts (committing every",
      "20,000 articles), then rebuild the stories from the store. Print articles/s (wall",
      "and CPU), index size, peak heap and RSS, and p50/p99 query latency at the end.",
      "With --size N, scan instead a synthetic collection of N articles derived from the",
      "corpus: originals (the real articles, then vocabulary-permuted variants) with",
      "planted duplicates (6%%), excerpts (6%%), edited copies (6%%) and spun copies",
      "(12%%, 25-60%% of content words replaced); also print per kind the recall of the",
      "planted copies and the precision of the verdicts."
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

  @Option(
      names = "--min-spun",
      paramLabel = "SHARE",
      description =
          "Exit 1 when the planted spun copies found AND named SPUN, or the precision of the SPUN"
              + " verdicts, fall below this.")
  Double minSpun;

  @Option(names = "--max-p99-ms", description = "Exit 1 when the final lookup p99 exceeds this.")
  Double maxP99;

  @Option(
      names = "--no-stories",
      description = "Skip rebuilding the stories at the end (it holds every article's features).")
  boolean noStories;

  @Option(
      names = "--show-wrong",
      defaultValue = "0",
      description = "List the first N text-sharing verdicts counted as wrong.")
  int showWrong;

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
      r =
          new ScanBenchmark(index, probes, !noStories)
              .showWrong(showWrong)
              .run(items, n -> p.add(n - p.done()));
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
      o.put("peak_heap_after_gc_bytes", r.peakHeapBytes());
      o.put("peak_heap_before_gc_bytes", r.peakHeapBeforeGcBytes());
      o.put("peak_rss_bytes", r.peakRssBytes());
      o.put("cpu_articles_per_second", r.articlesPerCpuSecond());
      o.put("pairs_judged", r.pairsJudged());
      o.put("story_seconds", r.storySeconds());
      o.put("stories", r.stories());
      if (r.finalLatencyMicros().length > 0) {
        o.put("query_p50_ms", r.finalLatencyMicros()[0] / 1000.0);
        o.put("query_p99_ms", r.finalLatencyMicros()[1] / 1000.0);
      }
      if (!r.kinds().isEmpty()) {
        o.put("recall", r.recall());
        ObjectNode k = o.putObject("by_kind");
        r.kinds()
            .forEach(
                x -> {
                  ObjectNode kind =
                      k.putObject(x.kind().name().toLowerCase())
                          .put("planted", x.planted())
                          .put("recall", x.recall())
                          .put(
                              "planted_under_" + ScanBenchmark.SHORT_WORDS + "_words",
                              x.plantedShort())
                          .put("recall_of_longer", x.recallOfLonger())
                          .put("named", x.namedShare())
                          .put("label_precision", x.labelPrecision());
                  ObjectNode as = kind.putObject("named_as");
                  x.namedAs().forEach((rel, n) -> as.put(rel.name(), n));
                });
      }
      o.put("reported_pairs", r.reported());
      o.put("precision", r.precision());
      o.put("same_story_pairs", r.sameStory());
      System.out.println(m.writerWithDefaultPrettyPrinter().writeValueAsString(o));
    } else {
      System.out.printf("articles          %d%n", r.articles());
      System.out.printf(
          "throughput        %.0f articles/s (%.1f s wall, %.1f s CPU: %.0f articles per CPU-second)%n",
          r.articlesPerSecond(), r.seconds(), r.cpuSeconds(), r.articlesPerCpuSecond());
      System.out.printf(
          "pairs judged      %d (%.2f per article)%n",
          r.pairsJudged(), r.pairsJudged() / (double) r.articles());
      if (!noStories) {
        System.out.printf(
            "stories rebuilt   %d stories in %.1f s (from stored features and verdicts)%n",
            r.stories(), r.storySeconds());
      }
      System.out.printf("index size        %.1f MiB%n", r.indexBytes() / 1048576.0);
      System.out.printf(
          "peak heap         %.0f MiB in use after a GC, %.0f MiB before one (max %d MiB);"
              + " peak RSS %.0f MiB%n",
          r.peakHeapBytes() / 1048576.0,
          r.peakHeapBeforeGcBytes() / 1048576.0,
          Runtime.getRuntime().maxMemory() >> 20,
          r.peakRssBytes() / 1048576.0);
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
        System.out.printf(
            "  kind       recall              named as kind  precision of that verdict%n");
        for (ScanBenchmark.KindRecall k : r.kinds()) {
          System.out.printf(
              "  %-10s %.4f (%d of %d)   %.4f         %.4f (%d)%n",
              k.kind().name().toLowerCase(),
              k.recall(),
              k.found(),
              k.planted(),
              k.namedShare(),
              k.labelPrecision(),
              k.labelled());
        }
        for (ScanBenchmark.KindRecall k : r.kinds()) {
          if (k.found() < k.planted() && k.plantedShort() > 0) {
            System.out.printf(
                "  %-10s under %d words: found %d of %d; longer: found %.4f (%d of %d)%n",
                k.kind().name().toLowerCase(),
                ScanBenchmark.SHORT_WORDS,
                k.foundShort(),
                k.plantedShort(),
                k.recallOfLonger(),
                k.found() - k.foundShort(),
                k.planted() - k.plantedShort());
          }
        }
        for (ScanBenchmark.KindRecall k : r.kinds()) {
          if (k.named() < k.found()) {
            StringBuilder as = new StringBuilder();
            k.namedAs().forEach((rel, n) -> as.append("  ").append(rel).append(' ').append(n));
            System.out.printf("  %-10s found copies named%s%n", k.kind().name().toLowerCase(), as);
          }
        }
      }
      System.out.printf(
          "verdict precision %.4f (%d text-sharing verdicts); %d same-story verdicts%n",
          r.precision(), r.reported(), r.sameStory());
      StringBuilder rel = new StringBuilder();
      r.byRelation()
          .forEach(
              (k, v) ->
                  rel.append(
                      String.format(
                          "  %s %d (%.4f)",
                          k.name(), v[0], v[0] == 0 ? 1.0 : (double) v[1] / v[0])));
      System.out.printf("by relation      %s%n", rel);
      for (ScanBenchmark.Wrong w : r.wrong()) {
        System.out.printf(
            "wrong  %-9s %s -> %s  coverage %.2f/%.2f  shingle containment %.3f%n",
            w.relation(), w.aId(), w.bId(), w.coverageA(), w.coverageB(), w.containment());
      }
    }
    boolean failed = false;
    failed |= below("articles/s", r.articlesPerSecond(), minRate);
    if (!r.kinds().isEmpty()) {
      failed |= below("recall", r.recall(), minRecall);
    }
    failed |= below("precision", r.precision(), minPrecision);
    for (ScanBenchmark.KindRecall k : r.kinds()) {
      if (k.kind() == SyntheticCorpus.Kind.SPUN) {
        failed |= below("spun copies found and named SPUN", k.recall() * k.namedShare(), minSpun);
        failed |= below("SPUN verdict precision", k.labelPrecision(), minSpun);
      }
    }
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
