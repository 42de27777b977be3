package org.wiretrace.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.wiretrace.align.pan.PanBatch;
import org.wiretrace.align.pan.PanDetector;
import org.wiretrace.align.pan.PanDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wiretrace align}: PAN text alignment over a pairs file, one detection XML per pair. */
@Command(
    name = "align",
    header = "Find reused passages in PAN document pairs and write PAN detection XML.",
    mixinStandardHelpOptions = true,
    description = {
      "Find the reused passages of PAN document pairs and write PAN detection XML,",
      "one suspicious-X-source-Y.xml per pair, offsets into each file's text as UTF-8.",
      "Mis-encoded (mojibake) text is repaired before aligning; offsets stay in the raw text.",
      "A missing or unreadable file is reported and the other pairs go on."
    },
    footer = {
      "",
      "Examples:",
      "  wiretrace align --pairs pan13/pairs --src-dir pan13/src --susp-dir pan13/susp --out det/",
      "  wiretrace eval align ... --out det/   (align and score in one go)",
      "",
      "Exit codes: 0 all pairs aligned, 1 some pair failed or no pair at all, 2 usage error."
    })
final class AlignCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  private java.io.PrintWriter out() {
    return spec.commandLine().getOut();
  }

  private java.io.PrintWriter err() {
    return spec.commandLine().getErr();
  }

  @Mixin PanCorpusOptions corpus;

  @Option(names = "--out", required = true, description = "Folder for the detection XML files.")
  Path out;

  @Option(
      names = "--threads",
      description = "Worker threads (default: all cores).",
      defaultValue = "0")
  int threads;

  @Option(names = "--json", description = "Print a JSON summary instead of text.")
  boolean json;

  @Override
  public Integer call() throws IOException, InterruptedException {
    List<PanBatch.Pair> list = readPairs(corpus.pairs);
    Files.createDirectories(out);
    PanBatch batch = new PanBatch(PanDetector.standard(), corpus.srcDir, corpus.suspDir);
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger passages = new AtomicInteger();
    long t0 = System.nanoTime();
    try (Progress progress = Progress.of("align", list.size())) {
      batch.runAll(
          list,
          threads(threads),
          r -> {
            if (r.error().isPresent()) {
              failed.incrementAndGet();
              err().println("\nwiretrace: " + r.error().get());
            } else {
              passages.addAndGet(r.detections().size());
              write(
                  out.resolve(r.pair().xmlName()),
                  new PanDocument(r.pair().suspicious(), r.detections()));
            }
            progress.step();
          });
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    int ok = list.size() - failed.get();
    if (json) {
      out()
          .printf(
              "{\"pairs\":%d,\"aligned\":%d,\"failed\":%d,\"passages\":%d,\"seconds\":%.3f}%n",
              list.size(), ok, failed.get(), passages.get(), secs);
    } else {
      out()
          .printf(
              "aligned %d of %d pairs (%d failed), %d passages, %.1f s -> %s%n",
              ok, list.size(), failed.get(), passages.get(), secs, out);
    }
    return failed.get() == 0 && !list.isEmpty() ? 0 : WiretraceCli.EXIT_FAILURE;
  }

  static List<PanBatch.Pair> readPairs(Path pairs) {
    if (!Files.isRegularFile(pairs)) {
      throw new UserException(pairs + ": no such pairs file", WiretraceCli.EXIT_FAILURE);
    }
    try {
      return PanBatch.readPairs(pairs);
    } catch (IOException e) {
      throw new UserException(e.getMessage(), WiretraceCli.EXIT_USAGE);
    }
  }

  static int threads(int requested) {
    return requested > 0 ? requested : Runtime.getRuntime().availableProcessors();
  }

  static void write(Path file, PanDocument doc) {
    try {
      Files.writeString(file, doc.toXml(PanDocument.DETECTED));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(file + ": cannot write: " + e.getMessage(), e);
    }
  }
}
