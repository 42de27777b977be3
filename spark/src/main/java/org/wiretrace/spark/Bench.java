package org.wiretrace.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.wiretrace.pipeline.ScanOptions;
import org.wiretrace.pipeline.ScanResult;
import org.wiretrace.pipeline.Wiretrace;

/**
 * Benchmark of the job in local mode: runs {@link WiretraceJob} over the inputs with {@code
 * local[N]} and prints articles per second, shuffle bytes written and read (summed over tasks by a
 * {@link SparkListener}) and the JVM's peak heap (driver and executors share the JVM in local
 * mode). With {@code --scan} it then runs the single-machine {@link Wiretrace#scan} on the same
 * inputs in the same JVM and prints its time and whether the family and story partitions agree.
 *
 * <p>Usage: {@code Bench [--master local[2]] [--max-postings N] [--scan] INPUT...}; run with {@code
 * java -cp} over the module's test class path (Spark is a provided dependency), see docs/spark.md.
 */
public final class Bench {

  private Bench() {}

  public static void main(String[] args) throws IOException {
    String master = "local[2]";
    int maxPostings = JobOptions.DEFAULT_MAX_POSTINGS;
    boolean scan = false;
    List<String> inputs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--master" -> master = args[++i];
        case "--max-postings" -> maxPostings = Integer.parseInt(args[++i]);
        case "--scan" -> scan = true;
        default -> inputs.add(args[i]);
      }
    }
    if (inputs.isEmpty()) {
      System.err.println("usage: Bench [--master local[2]] [--max-postings N] [--scan] INPUT...");
      System.exit(2);
    }
    Path out = Files.createTempDirectory("wiretrace-bench");
    SparkSession spark =
        WiretraceJob.withKryo(SparkSession.builder())
            .master(master)
            .appName("wiretrace-bench")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.ui.enabled", "false")
            .getOrCreate();
    AtomicLong shuffleWrite = new AtomicLong();
    AtomicLong shuffleRead = new AtomicLong();
    spark
        .sparkContext()
        .addSparkListener(
            new SparkListener() {
              @Override
              public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.taskMetrics() != null) {
                  shuffleWrite.addAndGet(end.taskMetrics().shuffleWriteMetrics().bytesWritten());
                  shuffleRead.addAndGet(end.taskMetrics().shuffleReadMetrics().totalBytesRead());
                }
              }
            });
    WiretraceJob.Summary s;
    long t0 = System.nanoTime();
    try {
      s =
          WiretraceJob.run(
              spark, new JobOptions(inputs, out.resolve("out").toString(), maxPostings, 0));
    } finally {
      spark.stop();
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        "job %s: %s%n  %.1f s, %.0f articles/s, shuffle written %.1f MB, read %.1f MB, peak heap"
            + " %.0f MB%n",
        master,
        s,
        secs,
        s.articles() / secs,
        shuffleWrite.get() / 1e6,
        shuffleRead.get() / 1e6,
        peakHeap() / 1e6);
    if (scan) {
      long t1 = System.nanoTime();
      ScanResult r =
          Wiretrace.scan(
              new ScanOptions(inputs.stream().map(Path::of).toList(), out.resolve("store")));
      double scanSecs = (System.nanoTime() - t1) / 1e9;
      boolean same =
          Partitions.families(r.stories()).equals(Partitions.families(s.stories()))
              && Partitions.stories(r.stories()).equals(Partitions.stories(s.stories()));
      System.out.printf(
          "scan: %d articles, %d verdicts, %.1f s, %.0f articles/s; job/scan time %.2f;"
              + " identical families and stories: %s%n",
          r.articles().size(),
          r.verdicts().size(),
          scanSecs,
          r.articles().size() / scanSecs,
          secs / scanSecs,
          same);
    }
    delete(out);
  }

  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
