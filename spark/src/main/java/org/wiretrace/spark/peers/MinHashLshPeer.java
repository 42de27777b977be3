package org.wiretrace.spark.peers;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.wiretrace.fingerprint.Shingles;
import org.wiretrace.ingest.Article;
import org.wiretrace.ingest.Ingestor;
import org.wiretrace.text.Tokens;
import scala.Tuple2;

/**
 * The Spark MLlib baseline of the peers benchmark: {@link MinHashLSH} and {@link
 * MinHashLSHModel#approxSimilarityJoin} over the same word 5-shingle sets as {@code wiretrace eval
 * dedup}'s truth.
 *
 * <p>MinHash (Broder, "On the resemblance and containment of documents", 1997) with OR-amplified
 * hash tables (Indyk and Motwani, STOC 1998): MLlib's {@code MinHashLSH} gives each of {@code
 * tables} tables one min-hash, so a pair with Jaccard similarity {@code J} becomes a candidate with
 * probability {@code 1 - (1 - J)^tables}; every candidate's exact Jaccard distance on the vectors
 * is then computed and kept when below the threshold. Features are the core {@link Shingles} hashes
 * reduced to {@link #NUM_FEATURES} dimensions (what {@code HashingTF} with {@code binary=true} does
 * to string shingles), so the sets are the truth's up to rare index collisions.
 *
 * <p>Usage: {@code MinHashLshPeer [--master local[2]] [--tables 5] [--threshold 0.8] [--partitions
 * 8] OUTPUT.tsv INPUT...}; writes one pair a line (id, id, Jaccard of the vectors) and prints the
 * time of the Spark work (vectors, fit, join, collect) in wall and process CPU seconds. Run with
 * {@code spark/run-local}. Stateless; the static methods are thread-safe.
 */
public final class MinHashLshPeer {
  /** Vector dimensions: 2^30, below MLlib's MinHash prime 2038074743 as it requires. */
  public static final int NUM_FEATURES = 1 << 30;

  /** Default number of hash tables: recall 1 - 0.2^5 = 0.9997 at Jaccard 0.8. */
  public static final int DEFAULT_TABLES = 5;

  /** Default Jaccard threshold, that of {@code wiretrace eval dedup}. */
  public static final double DEFAULT_THRESHOLD = 0.8;

  /** Default number of partitions (and SQL shuffle partitions): 4 per core of local[2]. */
  public static final int DEFAULT_PARTITIONS = 8;

  /** Seed of the min-hash functions. */
  public static final long SEED = 42;

  /** One pair found, {@code a < b} by id, with the Jaccard similarity of the two vectors. */
  public record Pair(String a, String b, double jaccard) {}

  /** The pairs and the cost of finding them. */
  public record Result(List<Pair> pairs, int articles, int vectors, double seconds, double cpu) {
    public Result {
      pairs = List.copyOf(pairs);
    }
  }

  private MinHashLshPeer() {}

  /**
   * The binary feature vector of a shingle set: each hash reduced modulo {@link #NUM_FEATURES},
   * sorted, repeats dropped.
   */
  public static SparseVector features(long[] shingles) {
    int[] idx = new int[shingles.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = (int) Math.floorMod(shingles[i], (long) NUM_FEATURES);
    }
    java.util.Arrays.sort(idx);
    int n = 0;
    for (int i = 0; i < idx.length; i++) {
      if (n == 0 || idx[i] != idx[n - 1]) {
        idx[n++] = idx[i];
      }
    }
    double[] ones = new double[n];
    java.util.Arrays.fill(ones, 1.0);
    return (SparseVector) Vectors.sparse(NUM_FEATURES, java.util.Arrays.copyOf(idx, n), ones);
  }

  /**
   * All pairs of {@code articles} that MinHashLSH's similarity join reports at Jaccard {@code >=
   * threshold}. Articles without words have no shingles (MLlib rejects empty vectors) and match
   * nothing, as in the truth.
   */
  public static Result join(
      SparkSession spark, List<Article> articles, int tables, double threshold, int partitions) {
    if (tables < 1) {
      throw new IllegalArgumentException("tables must be >= 1, got " + tables);
    }
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
    }
    Set<String> ids = new HashSet<>();
    List<Tuple2<String, String>> texts = new ArrayList<>(articles.size());
    for (Article a : articles) {
      if (!ids.add(a.id())) {
        throw new IllegalArgumentException("duplicate article id " + a.id() + " at " + a.origin());
      }
      texts.add(new Tuple2<>(a.id(), a.text()));
    }
    long t0 = System.nanoTime();
    long c0 = processCpuNanos();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<Row> rows =
        jsc.parallelize(texts, partitions)
            .map(t -> new Tuple2<>(t._1(), Shingles.of(Tokens.of(t._2()), Shingles.DEFAULT_K)))
            .filter(t -> t._2().length > 0)
            .map(t -> RowFactory.create(t._1(), features(t._2())));
    StructType schema =
        new StructType()
            .add("id", DataTypes.StringType, false)
            .add("features", SQLDataTypes.VectorType(), false);
    Dataset<Row> df = spark.createDataFrame(rows, schema).cache();
    int vectors = (int) df.count();
    MinHashLSHModel model =
        new MinHashLSH()
            .setNumHashTables(tables)
            .setInputCol("features")
            .setOutputCol("hashes")
            .setSeed(SEED)
            .fit(df);
    // MLlib keeps distance < threshold; Jaccard >= t is distance <= 1 - t.
    double maxDistance = 1 - threshold + 1e-9;
    List<Row> found =
        model
            .approxSimilarityJoin(df, df, maxDistance, "distance")
            .filter(functions.col("datasetA.id").lt(functions.col("datasetB.id")))
            .select(
                functions.col("datasetA.id"),
                functions.col("datasetB.id"),
                functions.col("distance"))
            .collectAsList();
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpu = (processCpuNanos() - c0) / 1e9;
    df.unpersist();
    List<Pair> pairs = new ArrayList<>(found.size());
    for (Row r : found) {
      pairs.add(new Pair(r.getString(0), r.getString(1), 1 - r.getDouble(2)));
    }
    pairs.sort(java.util.Comparator.comparing(Pair::a).thenComparing(Pair::b));
    return new Result(pairs, articles.size(), vectors, seconds, cpu);
  }

  public static void main(String[] args) throws IOException {
    String master = "local[2]";
    int tables = DEFAULT_TABLES;
    double threshold = DEFAULT_THRESHOLD;
    int partitions = DEFAULT_PARTITIONS;
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--master" -> master = args[++i];
        case "--tables" -> tables = Integer.parseInt(args[++i]);
        case "--threshold" -> threshold = Double.parseDouble(args[++i]);
        case "--partitions" -> partitions = Integer.parseInt(args[++i]);
        default -> rest.add(args[i]);
      }
    }
    if (rest.size() < 2) {
      System.err.println(
          "usage: MinHashLshPeer [--master local[2]] [--tables 5] [--threshold 0.8]"
              + " [--partitions 8] OUTPUT.tsv INPUT...");
      System.exit(2);
    }
    Path out = Path.of(rest.get(0));
    long r0 = System.nanoTime();
    List<Article> articles =
        new Ingestor(s -> System.err.println("minhash-lsh: skipped " + s))
            .read(rest.subList(1, rest.size()).stream().map(Path::of).toList())
            .toList();
    double readSeconds = (System.nanoTime() - r0) / 1e9;
    SparkSession spark =
        SparkSession.builder()
            .master(master)
            .appName("wiretrace-peer-minhashlsh")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", Integer.toString(partitions))
            .config("spark.default.parallelism", Integer.toString(partitions))
            .getOrCreate();
    Result r;
    try {
      r = join(spark, articles, tables, threshold, partitions);
    } finally {
      spark.stop();
    }
    List<String> lines = new ArrayList<>(r.pairs().size());
    for (Pair p : r.pairs()) {
      lines.add(String.format(Locale.ROOT, "%s\t%s\t%.4f", p.a(), p.b(), p.jaccard()));
    }
    Files.write(out, lines, StandardCharsets.UTF_8);
    System.out.printf(
        Locale.ROOT,
        "minhash-lsh %s: %d articles (%d with shingles), %d hash tables, Jaccard >= %.2f%n"
            + "read %.1fs (core Ingestor, not timed below)%n"
            + "spark work %.1fs wall, %.1fs CPU (vectors, fit, approxSimilarityJoin, collect)%n"
            + "pairs %d -> %s%n",
        master,
        r.articles(),
        r.vectors(),
        tables,
        threshold,
        readSeconds,
        r.seconds(),
        r.cpu(),
        r.pairs().size(),
        out);
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }
}
