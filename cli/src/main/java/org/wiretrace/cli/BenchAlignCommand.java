package org.wiretrace.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.zip.GZIPInputStream;
import org.wiretrace.align.Aligner;
import org.wiretrace.text.Tokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wiretrace bench align}: pair alignments per second on news-length pairs. */
@Command(
    name = "align",
    header = "Measure alignment throughput on news-length document pairs.",
    mixinStandardHelpOptions = true,
    description = {
      "Measure Aligner throughput on news-length document pairs (about --chars characters each,",
      "built from a JSON-lines corpus: a source text and a copy holding a passage of it in other",
      "text), on one core and on all cores, with per-pair latency percentiles. Tokenization is",
      "done beforehand; the figure is Aligner.align calls per second. The one-core rate and the",
      "latencies are in thread CPU time (robust on a shared machine), wall clock shown too."
    },
    footer = {
      "",
      "Example:",
      "  wiretrace bench align --from ../shared/data/corpora/bbc.jsonl.gz --pairs 2000"
    })
final class BenchAlignCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  private java.io.PrintWriter out() {
    return spec.commandLine().getOut();
  }

  private java.io.PrintWriter err() {
    return spec.commandLine().getErr();
  }

  @Option(
      names = "--from",
      required = true,
      description = "JSON lines (optionally .gz), field text.")
  Path from;

  @Option(
      names = "--pairs",
      defaultValue = "2000",
      description = "Pairs (default ${DEFAULT-VALUE}).")
  int pairs;

  @Option(
      names = "--chars",
      defaultValue = "5000",
      description = "Characters per document (default ${DEFAULT-VALUE}).")
  int chars;

  @Option(names = "--rounds", defaultValue = "3", description = "Timed rounds; the best is shown.")
  int rounds;

  @Option(names = "--json", description = "Print the figures as JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException, InterruptedException, ExecutionException {
    if (pairs < 1 || chars < 100 || rounds < 1) {
      throw new UserException("need --pairs >= 1, --chars >= 100, --rounds >= 1", 2);
    }
    List<String> texts = read(from);
    if (texts.size() < 3) {
      throw new UserException(from + ": fewer than 3 texts", WiretraceCli.EXIT_FAILURE);
    }
    Random r = new Random(1);
    Tokens[] as = new Tokens[pairs];
    Tokens[] bs = new Tokens[pairs];
    for (int k = 0; k < pairs; k++) {
      String a = fill(texts, r, chars);
      int cut = r.nextInt(a.length() / 2);
      String passage = a.substring(cut, cut + a.length() / 2);
      String host = fill(texts, r, chars - passage.length());
      int at = r.nextInt(host.length() + 1);
      as[k] = Tokens.of(a);
      bs[k] = Tokens.of(host.substring(0, at) + " " + passage + " " + host.substring(at));
    }
    Aligner aligner = Aligner.standard();
    long[] latency = new long[pairs];
    double single = 0;
    double singleWall = 0;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int round = 0; round < rounds + 1; round++) { // round 0 warms up
      long t0 = System.nanoTime();
      long c0 = threads.getCurrentThreadCpuTime();
      for (int k = 0; k < pairs; k++) {
        long s = threads.getCurrentThreadCpuTime();
        aligner.align(as[k], bs[k]);
        latency[k] = threads.getCurrentThreadCpuTime() - s;
      }
      double rate = pairs / ((threads.getCurrentThreadCpuTime() - c0) / 1e9);
      double wall = pairs / ((System.nanoTime() - t0) / 1e9);
      if (round > 0) {
        single = Math.max(single, rate);
        singleWall = Math.max(singleWall, wall);
      }
    }
    Arrays.sort(latency);
    int cores = Runtime.getRuntime().availableProcessors();
    double all = 0;
    ForkJoinPool pool = new ForkJoinPool(cores);
    try {
      for (int round = 0; round < rounds + 1; round++) {
        long t0 = System.nanoTime();
        pool.submit(
                () ->
                    java.util.stream.IntStream.range(0, pairs)
                        .parallel()
                        .forEach(k -> aligner.align(as[k], bs[k])))
            .get();
        double rate = pairs / ((System.nanoTime() - t0) / 1e9);
        if (round > 0) {
          all = Math.max(all, rate);
        }
      }
    } finally {
      pool.shutdown();
    }
    double p50 = latency[pairs / 2] / 1e6;
    double p90 = latency[(int) (pairs * 0.9)] / 1e6;
    double p99 = latency[Math.min(pairs - 1, (int) (pairs * 0.99))] / 1e6;
    double max = latency[pairs - 1] / 1e6;
    if (json) {
      out()
          .printf(
              Locale.ROOT,
              "{\"pairs\":%d,\"chars\":%d,\"oneCorePerSecond\":%.1f,\"oneCoreWallPerSecond\":%.1f,"
                  + "\"cores\":%d,"
                  + "\"allCoresPerSecond\":%.1f,\"p50Ms\":%.3f,\"p90Ms\":%.3f,\"p99Ms\":%.3f,"
                  + "\"maxMs\":%.3f}%n",
              pairs,
              chars,
              single,
              cores,
              all,
              p50,
              p90,
              p99,
              max);
    } else {
      out().printf(Locale.ROOT, "%d pairs of ~%d chars%n", pairs, chars);
      out()
          .printf(
              Locale.ROOT,
              "one core:   %,.0f alignments/s per CPU-second (%,.0f/s wall clock)%n",
              single,
              singleWall);
      out().printf(Locale.ROOT, "%d cores:    %,.0f alignments/s%n", cores, all);
      out()
          .printf(
              Locale.ROOT,
              "latency ms: p50 %.3f  p90 %.3f  p99 %.3f  max %.3f%n",
              p50,
              p90,
              p99,
              max);
    }
    return 0;
  }

  private static String fill(List<String> texts, Random r, int chars) {
    StringBuilder sb = new StringBuilder();
    while (sb.length() < chars) {
      sb.append(texts.get(r.nextInt(texts.size()))).append("\n\n");
    }
    int end = chars;
    while (end < sb.length() && !Character.isWhitespace(sb.charAt(end))) {
      end++;
    }
    return sb.substring(0, end);
  }

  private List<String> read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new UserException(file + ": no such file", WiretraceCli.EXIT_FAILURE);
    }
    List<String> out = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (var in = Files.newInputStream(file);
        var raw = file.toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
        BufferedReader r = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8))) {
      String line;
      int no = 0;
      while ((line = r.readLine()) != null) {
        no++;
        if (line.isBlank()) {
          continue;
        }
        try {
          String t = json.readTree(line).path("text").asText("");
          if (!t.isBlank()) {
            out.add(t);
          }
        } catch (IOException e) {
          err().println("wiretrace: " + file + ":" + no + ": skipped, not JSON");
        }
      }
    }
    return out;
  }
}
