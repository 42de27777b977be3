package org.wiretrace.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.wiretrace.ingest.Article;
import org.wiretrace.ingest.IngestListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wiretrace bench warc FILE}: how much of WARC ingest is decompression and record parsing
 * (which Wiretrace cannot make faster) and how much is page reading.
 */
@Command(
    name = "warc",
    header = "Measure WARC reading: records per second in three stages.",
    mixinStandardHelpOptions = true,
    description = {
      "Measure WARC reading in three stages on one thread, each after warm-up:",
      "  gunzip  decompress the file only (java.util.zip),",
      "  jwarc   gunzip + jwarc record iteration, reading every payload,",
      "  ingest  Wiretrace's full WARC ingest (records, HTML decode, parse,",
      "          main text, metadata, repair), as 'wiretrace extract' does.",
      "Prints records per second and MB/s (compressed input) per core, from the",
      "CPU time of the measuring thread, and wall-clock."
    },
    footer = {
      "",
      "Examples:",
      "  wiretrace bench warc ../shared/data/warc/crawl-sample-2008.warc.gz",
      "  wiretrace bench warc crawl.warc.gz --rounds 5 --warmup 2"
    })
final class BenchWarcCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", description = "A .warc or .warc.gz file.")
  Path file;

  @Option(names = "--rounds", defaultValue = "3", description = "Measured passes (default 3).")
  int rounds;

  @Option(names = "--warmup", defaultValue = "2", description = "Unmeasured passes (default 2).")
  int warmup;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  @Spec CommandSpec spec;

  /** One stage's work over the whole file: returns the records (or bytes) it handled. */
  private interface Stage {
    long run(Path file) throws IOException;
  }

  @Override
  public Integer call() throws IOException {
    if (rounds < 1 || warmup < 0) {
      throw new UserException("--rounds must be >= 1 and --warmup >= 0", WiretraceCli.EXIT_USAGE);
    }
    if (!Files.isRegularFile(file)) {
      throw new UserException("not a file: " + file, WiretraceCli.EXIT_USAGE);
    }
    long size = Files.size(file);
    boolean gz = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    double[] gunzip = gz ? measure(BenchWarcCommand::gunzip) : new double[] {0, 0, 0};
    double[] jwarc = measure(BenchWarcCommand::jwarc);
    double[] ingest = measure(BenchWarcCommand::ingest);
    double mb = size / 1e6;
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      o.printf(
          Locale.ROOT,
          "{\"file\":\"%s\",\"mb\":%.3f,\"records\":%d,\"articles\":%d,"
              + "\"gunzipCpuSeconds\":%.4f,\"jwarcCpuSeconds\":%.4f,\"ingestCpuSeconds\":%.4f,"
              + "\"jwarcShareOfIngest\":%.3f}%n",
          file.toString().replace("\\", "\\\\").replace("\"", "\\\""),
          mb,
          (long) jwarc[2],
          (long) ingest[2],
          gunzip[0],
          jwarc[0],
          ingest[0],
          jwarc[0] / ingest[0]);
    } else {
      o.printf(
          "file             %s (%.1f MB, %d records, %d articles), %d rounds%n",
          file, mb, (long) jwarc[2], (long) ingest[2], rounds);
      if (gz) {
        row(o, "gunzip", gunzip, mb, jwarc[2]);
      }
      row(o, "jwarc", jwarc, mb, jwarc[2]);
      row(o, "ingest", ingest, mb, jwarc[2]);
      o.printf(
          "share            gunzip %.0f%%, jwarc records %.0f%% of full ingest CPU time%n",
          100 * gunzip[0] / ingest[0], 100 * jwarc[0] / ingest[0]);
    }
    o.flush();
    return 0;
  }

  private static void row(PrintWriter o, String name, double[] m, double mb, double records) {
    o.printf(
        "%-8s per core %8.1f records/s %7.1f MB/s   wall %8.1f records/s   (%.3f CPU s/pass)%n",
        name, records / m[0], mb / m[0], records / m[1], m[0]);
  }

  /** CPU and wall seconds per pass (means over the rounds) and the stage's count. */
  private double[] measure(Stage stage) throws IOException {
    for (int r = 0; r < warmup; r++) {
      stage.run(file);
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long cpu0 = mx.getCurrentThreadCpuTime();
    long wall0 = System.nanoTime();
    long count = 0;
    for (int r = 0; r < rounds; r++) {
      count = stage.run(file);
    }
    double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9 / rounds;
    double wall = (System.nanoTime() - wall0) / 1e9 / rounds;
    return new double[] {cpu, wall, count};
  }

  private static long gunzip(Path file) throws IOException {
    byte[] buf = new byte[1 << 16];
    long n = 0;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
      for (int k = in.read(buf); k >= 0; k = in.read(buf)) {
        n += k;
      }
    }
    return n;
  }

  /** Iterates the records with jwarc and reads every response payload; returns the records. */
  private static long jwarc(Path file) throws IOException {
    byte[] buf = new byte[1 << 16];
    long records = 0;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        WarcReader reader = new WarcReader(ch)) {
      reader.setLenient(true);
      for (WarcRecord rec : reader) {
        records++;
        if (rec instanceof WarcResponse response) {
          try (InputStream in = response.http().bodyDecoded().stream()) {
            while (in.read(buf) >= 0) {
              // payload bytes are read and dropped
            }
          } catch (IOException | RuntimeException e) {
            // a malformed HTTP message counts as read; ingest reports it
          }
        }
      }
    }
    return records;
  }

  /** Wiretrace's full ingest of the file; returns the articles. */
  private static long ingest(Path file) {
    long articles = 0;
    for (Article a : new org.wiretrace.ingest.WarcReader(file, IngestListener.ignoring())) {
      articles += a.text().isEmpty() ? 0 : 1;
    }
    return articles;
  }
}
