package org.wiretrace.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.wiretrace.align.pan.PanBatch;
import org.wiretrace.align.pan.PanDetector;
import org.wiretrace.align.pan.PanDocument;
import org.wiretrace.align.pan.PanEvaluation;
import org.wiretrace.align.pan.PanFeature;
import org.wiretrace.align.pan.PanMeasures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wiretrace eval align}: PAN text-alignment measures against a truth folder. */
@Command(
    name = "align",
    header = "Score passage alignment on a PAN corpus (plagdet, precision, recall, granularity).",
    mixinStandardHelpOptions = true,
    description = {
      "Align PAN document pairs and score the detections against the truth XML: macro-averaged",
      "character precision and recall, granularity and plagdet = F1 / log2(1 + granularity),",
      "overall and per obfuscation type (the truth features' obfuscation attribute), and the",
      "share of negative pairs (no truth feature) without any detection.",
      "With --min-* thresholds, exits 1 when a figure falls below its threshold."
    },
    footer = {
      "",
      "Examples:",
      "  wiretrace eval align-corpus --from ../shared/data/corpora/bbc.jsonl.gz --out /tmp/ad",
      "  wiretrace eval align --pairs /tmp/ad/pairs --src-dir /tmp/ad/src --susp-dir /tmp/ad/susp"
          + " --truth /tmp/ad/truth --min-plagdet 0.9 --min-negative-clean 0.95",
    })
final class EvalAlignCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  private java.io.PrintWriter out() {
    return spec.commandLine().getOut();
  }

  private java.io.PrintWriter err() {
    return spec.commandLine().getErr();
  }

  @Mixin PanCorpusOptions corpus;

  @Option(
      names = "--truth",
      required = true,
      description = "Folder of truth XML files (suspicious-X-source-Y.xml); missing = no case.")
  Path truth;

  @Option(names = "--out", description = "Also write the detection XML files here.")
  Path out;

  @Option(names = "--threads", defaultValue = "0", description = "Worker threads (default: all).")
  int threads;

  @Option(names = "--min-plagdet", description = "Fail below this overall plagdet.")
  Double minPlagdet;

  @Option(
      names = "--min-type-plagdet",
      description = "Fail when a type's plagdet is below, e.g. spun-heavy=0.8.")
  Map<String, Double> minTypePlagdet;

  @Option(
      names = "--min-negative-clean",
      description = "Fail below this share of negative pairs without detection.")
  Double minNegativeClean;

  @Option(names = "--json", description = "Print the figures as JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException, InterruptedException {
    List<PanBatch.Pair> list = AlignCommand.readPairs(corpus.pairs);
    if (!Files.isDirectory(truth)) {
      throw new UserException(truth + ": no such truth folder", WiretraceCli.EXIT_FAILURE);
    }
    if (out != null) {
      Files.createDirectories(out);
    }
    PanBatch batch = new PanBatch(PanDetector.standard(), corpus.srcDir, corpus.suspDir);
    AtomicInteger failed = new AtomicInteger();
    long t0 = System.nanoTime();
    List<PanBatch.Result> results;
    try (Progress progress = Progress.of("eval align", list.size())) {
      results =
          batch.runAll(
              list,
              AlignCommand.threads(threads),
              r -> {
                if (r.error().isPresent()) {
                  failed.incrementAndGet();
                  err().println("\nwiretrace: " + r.error().get());
                } else if (out != null) {
                  AlignCommand.write(
                      out.resolve(r.pair().xmlName()),
                      new PanDocument(r.pair().suspicious(), r.detections()));
                }
                progress.step();
              });
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    PanEvaluation eval = new PanEvaluation();
    int scored = 0;
    for (PanBatch.Result r : results) {
      if (r.error().isPresent()) {
        continue;
      }
      Path tf = truth.resolve(r.pair().xmlName());
      List<PanFeature> cases = new ArrayList<>();
      if (Files.isRegularFile(tf)) {
        try {
          cases.addAll(PanDocument.parse(Files.readString(tf), tf.toString()).features());
        } catch (IOException e) {
          err().println("wiretrace: " + e.getMessage());
          failed.incrementAndGet();
          continue;
        }
      }
      eval.add(cases, r.detections());
      scored++;
    }
    if (scored == 0) {
      throw new UserException("no pair could be scored", WiretraceCli.EXIT_FAILURE);
    }
    PanEvaluation.Report rep = eval.report();
    print(rep, scored, failed.get(), secs);
    boolean pass = true;
    if (minPlagdet != null && rep.overall().plagdet() < minPlagdet) {
      err().printf(Locale.ROOT, "FAIL plagdet %.4f < %.4f%n", rep.overall().plagdet(), minPlagdet);
      pass = false;
    }
    if (minNegativeClean != null && rep.negativeClean() < minNegativeClean) {
      err()
          .printf(
              Locale.ROOT,
              "FAIL negative-clean %.4f < %.4f%n",
              rep.negativeClean(),
              minNegativeClean);
      pass = false;
    }
    if (minTypePlagdet != null) {
      for (var e : minTypePlagdet.entrySet()) {
        PanMeasures m = rep.byObfuscation().get(e.getKey());
        double v = m == null ? 0 : m.plagdet();
        if (v < e.getValue()) {
          err().printf(Locale.ROOT, "FAIL %s plagdet %.4f < %.4f%n", e.getKey(), v, e.getValue());
          pass = false;
        }
      }
    }
    return pass ? 0 : WiretraceCli.EXIT_FAILURE;
  }

  private void print(PanEvaluation.Report rep, int scored, int failed, double secs) {
    if (json) {
      StringBuilder sb = new StringBuilder("{");
      sb.append(
          String.format(
              Locale.ROOT, "\"pairs\":%d,\"failed\":%d,\"seconds\":%.3f,", scored, failed, secs));
      sb.append("\"overall\":").append(json(rep.overall())).append(",\"byObfuscation\":{");
      String sep = "";
      for (var e : rep.byObfuscation().entrySet()) {
        sb.append(sep).append('"').append(e.getKey()).append("\":").append(json(e.getValue()));
        sep = ",";
      }
      sb.append(
          String.format(
              Locale.ROOT,
              "},\"negativePairs\":%d,\"negativeClean\":%.4f}",
              rep.negativePairs(),
              rep.negativeClean()));
      out().println(sb);
      return;
    }
    out().printf(Locale.ROOT, "%d pairs scored, %d failed, %.1f s%n", scored, failed, secs);
    out()
        .printf(
            Locale.ROOT,
            "%-22s %7s %7s %7s %7s %7s %6s %6s%n",
            "obfuscation",
            "plagdet",
            "prec",
            "recall",
            "gran",
            "F1",
            "cases",
            "dets");
    line("overall", rep.overall());
    for (var e : rep.byObfuscation().entrySet()) {
      line(e.getKey(), e.getValue());
    }
    out()
        .printf(
            Locale.ROOT,
            "negative pairs without detection: %d of %d (%.4f)%n",
            rep.negativePairs() == 0 ? 0 : Math.round(rep.negativeClean() * rep.negativePairs()),
            rep.negativePairs(),
            rep.negativeClean());
  }

  private void line(String name, PanMeasures m) {
    out()
        .printf(
            Locale.ROOT,
            "%-22s %7.4f %7.4f %7.4f %7.4f %7.4f %6d %6d%n",
            name,
            m.plagdet(),
            m.precision(),
            m.recall(),
            m.granularity(),
            m.f1(),
            m.cases(),
            m.detections());
  }

  private static String json(PanMeasures m) {
    return String.format(
        Locale.ROOT,
        "{\"plagdet\":%.4f,\"precision\":%.4f,\"recall\":%.4f,\"granularity\":%.4f,\"cases\":%d,\"detections\":%d}",
        m.plagdet(),
        m.precision(),
        m.recall(),
        m.granularity(),
        m.cases(),
        m.detections());
  }
}
