package org.wiretrace.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.wiretrace.index.DedupEvaluation;
import org.wiretrace.ingest.Article;
import org.wiretrace.ingest.IngestListener;
import org.wiretrace.ingest.Ingestor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wiretrace eval dedup}: near-duplicate recall and precision against exact Jaccard. */
@Command(
    name = "dedup",
    header = "Score near-duplicate detection against exact word 5-shingle Jaccard.",
    mixinStandardHelpOptions = true,
    description = {
      "Near-duplicate detection of the index against the exact truth. Truth: all",
      "pairs whose word 5-shingle sets have Jaccard >= --threshold, enumerated exactly",
      "(prefix-filtered inverted index over shingles, every candidate verified).",
      "Detector: the articles are indexed in a temporary folder and each is looked up",
      "by its LSH band keys; candidates are verified on their shingles. Prints recall,",
      "precision, the missed pairs and the false alarms."
    },
    footer = {
      "",
      "Examples:",
      "  wiretrace eval dedup ../shared/data/corpora/reuters21578.jsonl.gz",
      "  wiretrace eval dedup --min-recall 0.99 --min-precision 0.99 corpus.jsonl.gz",
      "  wiretrace eval dedup --json corpus.jsonl.gz > dedup.json",
      "  wiretrace eval dedup --pairs-out /tmp/pairs corpus.jsonl.gz",
      "      (writes truth.tsv and found.tsv: id, id, exact Jaccard; used by bench/peers/run.sh",
      "       to score other tools against the same truth)"
    })
final class EvalDedupCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Corpus files or folders.")
  List<Path> inputs;

  @Option(
      names = "--threshold",
      defaultValue = "0.8",
      description = "Jaccard threshold (default 0.8).")
  double threshold;

  @Option(names = "--min-recall", description = "Exit 1 when recall is below this.")
  Double minRecall;

  @Option(names = "--min-precision", description = "Exit 1 when precision is below this.")
  Double minPrecision;

  @Option(
      names = "--show",
      defaultValue = "20",
      description = "Misses and false alarms listed (default 20).")
  int show;

  @Option(names = "--json", description = "Print the figures as JSON.")
  boolean json;

  @Option(
      names = "--pairs-out",
      paramLabel = "DIR",
      description =
          "Write the truth pairs (truth.tsv) and the detector's pairs (found.tsv) to DIR,"
              + " one pair a line: id, id, exact Jaccard (tab-separated).")
  Path pairsOut;

  @Override
  public Integer call() throws Exception {
    List<Article> articles = new ArrayList<>();
    IngestListener listener = s -> System.err.println("wiretrace: skipped " + s);
    new Ingestor(listener).read(inputs).forEach(articles::add);
    if (articles.isEmpty()) {
      throw new UserException("no articles in " + inputs, WiretraceCli.EXIT_FAILURE);
    }
    Path dir = Files.createTempDirectory("wiretrace-dedup");
    DedupEvaluation.Result r;
    try (Progress p = Progress.of("dedup", 2L * articles.size())) {
      r = new DedupEvaluation(threshold).run(articles, dir, i -> p.add(1));
    } finally {
      TempDirs.delete(dir);
    }
    if (pairsOut != null) {
      Files.createDirectories(pairsOut);
      writePairs(pairsOut.resolve("truth.tsv"), r.truthPairs());
      writePairs(pairsOut.resolve("found.tsv"), r.foundPairs());
    }
    List<DedupEvaluation.PairResult> misses = new ArrayList<>(r.misses());
    misses.sort(Comparator.comparingDouble(DedupEvaluation.PairResult::exact).reversed());
    if (json) {
      ObjectMapper m = new ObjectMapper();
      ObjectNode o = m.createObjectNode();
      o.put("articles", r.articles());
      o.put("threshold", threshold);
      o.put("truth_pairs", r.truth());
      o.put("found_pairs", r.found());
      o.put("recall", r.recall());
      o.put("precision", r.precision());
      o.put("estimate_only_recall", r.estimateRecall());
      o.put("estimate_only_precision", r.estimatePrecision());
      o.put("verified_candidates", r.verified());
      o.put("index_seconds", r.indexSeconds());
      o.put("query_seconds", r.querySeconds());
      o.put("detector_seconds", r.detectorSeconds());
      o.put("detector_cpu_seconds", r.detectorCpuSeconds());
      o.put("truth_seconds", r.truthSeconds());
      o.put("truth_cpu_seconds", r.truthCpuSeconds());
      ArrayNode a = o.putArray("misses");
      for (DedupEvaluation.PairResult x : misses) {
        a.addObject()
            .put("a", x.a())
            .put("b", x.b())
            .put("jaccard", x.exact())
            .put("estimate", x.estimate());
      }
      System.out.println(m.writerWithDefaultPrettyPrinter().writeValueAsString(o));
    } else {
      System.out.printf("articles            %d%n", r.articles());
      System.out.printf(
          "truth pairs         %d (exact Jaccard >= %.2f on word 5-shingles)%n",
          r.truth(), threshold);
      System.out.printf(
          "found pairs         %d (LSH candidates verified: %d)%n", r.found(), r.verified());
      System.out.printf("recall              %.4f%n", r.recall());
      System.out.printf("precision           %.4f%n", r.precision());
      System.out.printf(
          "MinHash estimate only (no verification): recall %.4f, precision %.4f%n",
          r.estimateRecall(), r.estimatePrecision());
      System.out.printf(
          "time                index %.1fs (%.0f articles/s), lookups %.1fs%n",
          r.indexSeconds(), r.articles() / r.indexSeconds(), r.querySeconds());
      System.out.printf(
          "detector            %.1fs wall, %.1fs CPU (index + lookups + verification)%n",
          r.detectorSeconds(), r.detectorCpuSeconds());
      System.out.printf(
          "truth (exact join)  %.1fs wall, %.1fs CPU (not part of the detector)%n",
          r.truthSeconds(), r.truthCpuSeconds());
      System.out.printf("misses              %d%n", misses.size());
      for (DedupEvaluation.PairResult x : misses.subList(0, Math.min(show, misses.size()))) {
        System.out.printf(
            "  %s  %s  jaccard %.3f  estimate %.3f%n", x.a(), x.b(), x.exact(), x.estimate());
      }
      System.out.printf("false alarms        %d%n", r.falseAlarms().size());
      for (DedupEvaluation.PairResult x :
          r.falseAlarms().subList(0, Math.min(show, r.falseAlarms().size()))) {
        System.out.printf(
            "  %s  %s  jaccard %.3f  estimate %.3f%n", x.a(), x.b(), x.exact(), x.estimate());
      }
    }
    boolean failed = false;
    if (minRecall != null && r.recall() < minRecall) {
      System.err.printf("wiretrace: recall %.4f below --min-recall %.4f%n", r.recall(), minRecall);
      failed = true;
    }
    if (minPrecision != null && r.precision() < minPrecision) {
      System.err.printf(
          "wiretrace: precision %.4f below --min-precision %.4f%n", r.precision(), minPrecision);
      failed = true;
    }
    return failed ? WiretraceCli.EXIT_FAILURE : 0;
  }

  private static void writePairs(Path file, List<DedupEvaluation.PairResult> pairs)
      throws java.io.IOException {
    List<String> lines = new ArrayList<>(pairs.size());
    for (DedupEvaluation.PairResult p : pairs) {
      lines.add(
          p.a() + "\t" + p.b() + "\t" + String.format(java.util.Locale.ROOT, "%.4f", p.exact()));
    }
    Files.write(file, lines, java.nio.charset.StandardCharsets.UTF_8);
  }
}
