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
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
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
    StageProfile profile = new StageProfile();
    spark.sparkContext().addSparkListener(profile);
    WiretraceJob.Summary s;
    long t0 = System.nanoTime();
    long c0 = processCpuNanos();
    try {
      s =
          WiretraceJob.run(
              spark, new JobOptions(inputs, out.resolve("out").toString(), maxPostings, 0));
    } finally {
      spark.stop();
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    double cpu = (processCpuNanos() - c0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "job %s: %s%n  %.1f s, %.1f articles/s; process CPU %.1f s (%.1f articles per CPU-second),"
            + " executor CPU %.1f s; shuffle written %.1f MB, read %.1f MB; peak heap (driver and"
            + " executors, one JVM) %.0f MB; load average %.1f%n",
        master,
        s,
        secs,
        s.articles() / secs,
        cpu,
        s.articles() / cpu,
        profile.cpuSeconds(),
        profile.shuffleWritten() / 1e6,
        profile.shuffleRead() / 1e6,
        peakHeap() / 1e6,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.println("stages by executor CPU time:");
    profile.report(STAGES).forEach(System.out::println);
    if (scan) {
      long t1 = System.nanoTime();
      long c1 = processCpuNanos();
      ScanResult r =
          Wiretrace.scan(
              new ScanOptions(inputs.stream().map(Path::of).toList(), out.resolve("store")));
      double scanSecs = (System.nanoTime() - t1) / 1e9;
      double scanCpu = (processCpuNanos() - c1) / 1e9;
      boolean same =
          Partitions.families(r.stories()).equals(Partitions.families(s.stories()))
              && Partitions.stories(r.stories()).equals(Partitions.stories(s.stories()));
      java.util.Set<String> scanPairs = new java.util.TreeSet<>();
      r.verdicts().forEach(v -> scanPairs.add(WiretraceJob.pairKey(v)));
      java.util.Set<String> jobPairs = new java.util.TreeSet<>(s.pairs());
      java.util.Set<String> onlyScan = new java.util.TreeSet<>(scanPairs);
      onlyScan.removeAll(jobPairs);
      java.util.Set<String> onlyJob = new java.util.TreeSet<>(jobPairs);
      onlyJob.removeAll(scanPairs);
      System.out.printf(
          Locale.ROOT,
          "related pairs: job %d, scan %d; pair differences %d (only in scan %d, only in job %d)%n",
          jobPairs.size(),
          scanPairs.size(),
          onlyScan.size() + onlyJob.size(),
          onlyScan.size(),
          onlyJob.size());
      onlyScan.stream().limit(10).forEach(p -> System.out.println("  only in scan: " + p));
      onlyJob.stream().limit(10).forEach(p -> System.out.println("  only in job: " + p));
      System.out.printf(
          Locale.ROOT,
          "scan: %d articles, %d verdicts, %.1f s, %.1f articles/s, process CPU %.1f s;"
              + " job/scan time %.2f, CPU %.2f; load average %.1f; identical families and"
              + " stories: %s%n",
          r.articles().size(),
          r.verdicts().size(),
          scanSecs,
          r.articles().size() / scanSecs,
          scanCpu,
          secs / scanSecs,
          cpu / scanCpu,
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          same);
    }
    delete(out);
  }

  /** Stages listed by the benchmark (the most expensive first). */
  public static final int STAGES = 12;

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
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
