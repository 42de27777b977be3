package org.wiretrace.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.SerializableConfiguration;
import org.wiretrace.ingest.Article;
import org.wiretrace.relate.PairVerdict;
import org.wiretrace.relate.Relater;
import org.wiretrace.relate.Relation;
import org.wiretrace.relate.Verdict;
import org.wiretrace.report.ReportJson;
import org.wiretrace.stories.Family;
import org.wiretrace.stories.Member;
import org.wiretrace.stories.Story;
import org.wiretrace.stories.StoryBuilder;
import org.wiretrace.stories.StoryFeatures;
import org.wiretrace.text.AnalyzedArticle;
import scala.Tuple2;
import scala.Tuple3;

/**
 * The Wiretrace pipeline as a Spark job, deciding everything with the same core classes as {@code
 * wiretrace scan}: files are read by the core {@code Ingestor} on executors; articles get dense
 * numbers in content-id order and their positions in the scan's reading order ({@link ScanOrder}),
 * and are analysed once into compact {@link Features}; candidate pairs are the scan's, proposed as
 * its incremental batches see the store: the index's reuse candidates computed by key ({@link
 * IndexCandidatesStage}), plus, for collections of at most {@link #ALL_PAIRS_LIMIT} articles, the
 * scan's pair-by-pair rule ({@link PairwiseStage}), or else the topic index's same-story neighbours
 * ({@link TopicNeighboursStage}); the first proposal of a pair in the scan's order ({@link
 * Proposal}) decides whether it is aligned and judged by {@link Relater} on an executor, oriented
 * by {@link StoryBuilder#chronological()} as the scan orients it, or judged from the vectors
 * ({@link TopicVerdict}); stories and families are built by {@link StoryBuilder} from the verdicts.
 *
 * <p>Outputs under the output folder, each as JSON lines ({@code NAME.jsonl/}) and Parquet ({@code
 * NAME.parquet/}): {@code pairs} (every related pair with its aligned passages), {@code families},
 * {@code stories}, {@code skipped} (input records not read, with the reason), {@code articles} (id,
 * origin, title, published).
 *
 * <p>Ids are the core's content ids (SHA-256 of origin and text), never Spark row numbers. Memory
 * per partition is bounded ({@link Disjunction}): a band or shingle key's group never holds more
 * than {@link JobOptions#maxPostings()} article numbers, hot keys are salted, and the hits are
 * summed one querying article at a time. Shuffles carry packed {@code long} pair keys and primitive
 * arrays, serialised by Kryo ({@link #withKryo}, {@link WiretraceKryo}). The story stage runs on
 * the driver over the collected verdict figures and the articles with their story features
 * (computed on the executors) streamed partition by partition ({@link JavaRDD#toLocalIterator()});
 * it is the one sequential stage (the core's story clusterer is a stream in publication order).
 *
 * <p>Thread-safe: a job holds no state between runs.
 */
public final class WiretraceJob {

  /**
   * Largest collection whose pairs the scan compares one by one (its {@code CandidatePairs});
   * beyond it, the scan and the job ask the index for reuse candidates and topic neighbours.
   */
  public static final int ALL_PAIRS_LIMIT = ScanOrder.ALL_PAIRS_LIMIT;

  /** Analysed articles kept per judging task (least recently used first out). */
  public static final int ANALYSIS_CACHE = 4096;

  private WiretraceJob() {}

  /**
   * What a run did: counts, and the stories (held by the driver anyway; the outputs hold them too).
   *
   * @param articles distinct articles read
   * @param skipped input records skipped (with duplicates)
   * @param candidates candidate pairs judged
   * @param verdicts related pairs (not {@link Relation#UNRELATED})
   * @param stories the stories with their families
   * @param droppedKeys candidate keys dropped for exceeding the postings cap
   * @param pairs the related pairs as {@link #pairKey}s, sorted (for comparing runs)
   */
  public record Summary(
      long articles,
      long skipped,
      long candidates,
      long verdicts,
      List<Story> stories,
      long droppedKeys,
      List<String> pairs) {

    public Summary {
      stories = List.copyOf(stories);
      pairs = List.copyOf(pairs);
    }

    @Override
    public String toString() {
      return String.format(
          "articles=%d skipped=%d candidates=%d verdicts=%d stories=%d families=%d droppedKeys=%d",
          articles,
          skipped,
          candidates,
          verdicts,
          stories.size(),
          stories.stream().mapToInt(s -> s.families().size()).sum(),
          droppedKeys);
    }
  }

  /** spark-submit entry point: {@code [--max-postings N] [--partitions N] OUTPUT INPUT...}. */
  public static void main(String[] args) {
    JobOptions options;
    try {
      options = JobOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    SparkSession spark = withKryo(SparkSession.builder().appName("wiretrace")).getOrCreate();
    try {
      Summary s = run(spark, options);
      System.out.println(s);
    } finally {
      spark.stop();
    }
  }

  /**
   * {@code builder} with the serializer the job is tuned for: Kryo, with the job's classes
   * registered ({@link WiretraceKryo}). The job also runs with Spark's default (Java) serializer,
   * only with larger shuffles.
   */
  public static SparkSession.Builder withKryo(SparkSession.Builder builder) {
    return builder
        .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
        .config("spark.kryo.registrator", WiretraceKryo.class.getName());
  }

  /** Runs the job on {@code spark}; the outputs go to {@code options.output()}. */
  public static Summary run(SparkSession spark, JobOptions options) {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int parts = options.partitions() > 0 ? options.partitions() : sc.defaultParallelism();
    Configuration hadoop = sc.hadoopConfiguration();
    Broadcast<SerializableConfiguration> conf = sc.broadcast(new SerializableConfiguration(hadoop));

    // 1. ingest: one task per file list slice, the core readers on the executors; every item
    // carries its place in the scan's reading order (file rank, record index)
    List<String> files = listFiles(options.inputs(), hadoop);
    List<Tuple2<Integer, String>> ranked = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      ranked.add(new Tuple2<>(i, files.get(i)));
    }
    JavaRDD<Tuple2<Long, FileIngest.Item>> items =
        sc.parallelize(ranked, Math.max(1, Math.min(files.size(), parts * 4)))
            .flatMap(
                f -> {
                  List<FileIngest.Item> read = FileIngest.read(f._2(), conf.value().value());
                  List<Tuple2<Long, FileIngest.Item>> out = new ArrayList<>(read.size());
                  for (int i = 0; i < read.size(); i++) {
                    out.add(new Tuple2<>(((long) f._1() << 32) | i, read.get(i)));
                  }
                  return out.iterator();
                })
            .persist(StorageLevel.MEMORY_AND_DISK_SER());
    JavaRDD<SkippedRow> skipped =
        items.filter(i -> i._2().skipped() != null).map(i -> i._2().skipped());
    // the scan keeps the first article read with an id and skips the later ones
    JavaPairRDD<String, Tuple2<Long, ArticleRow>> byIdAll =
        items
            .filter(i -> i._2().article() != null)
            .mapToPair(
                i -> new Tuple2<>(i._2().article().id(), new Tuple2<>(i._1(), i._2().article())));
    JavaPairRDD<String, Tuple2<Long, ArticleRow>> byId =
        byIdAll
            .reduceByKey((x, y) -> x._1() <= y._1() ? x : y, parts)
            .persist(StorageLevel.MEMORY_AND_DISK_SER());
    JavaRDD<SkippedRow> duplicates =
        byIdAll
            .groupByKey(parts)
            .flatMap(
                g -> {
                  List<Tuple2<Long, ArticleRow>> rows = new ArrayList<>();
                  g._2().forEach(rows::add);
                  rows.sort((x, y) -> Long.compare(x._1(), y._1()));
                  List<SkippedRow> out = new ArrayList<>();
                  for (int i = 1; i < rows.size(); i++) {
                    out.add(
                        new SkippedRow(
                            rows.get(i)._2().origin(),
                            "",
                            "duplicate id " + g._1() + " (already read)"));
                  }
                  return out.iterator();
                });

    // 2. dense article numbers in content-id order (stable across clusters, the index's tie
    // order), each article's position in the scan's order, the analysed form computed once
    JavaPairRDD<Integer, Tuple2<Long, ArticleRow>> numbered =
        byId.sortByKey(true, parts)
            .zipWithIndex()
            .mapToPair(e -> new Tuple2<>(Math.toIntExact(e._2()), e._1()._2()))
            .partitionBy(new HashPartitioner(parts))
            .persist(StorageLevel.MEMORY_AND_DISK_SER());
    JavaPairRDD<Integer, ArticleRow> byNum = numbered.mapValues(Tuple2::_2);
    ScanOrder order = new ScanOrder(Math.toIntExact(numbered.count()));
    int n = order.articles();
    Broadcast<int[]> positions = sc.broadcast(positions(numbered, n));
    boolean pairwise = order.pairwise();
    JavaPairRDD<Integer, Features> features =
        byNum
            .mapPartitionsToPair(
                rows -> {
                  List<Tuple2<Integer, Features>> out = new ArrayList<>();
                  while (rows.hasNext()) {
                    Tuple2<Integer, ArticleRow> r = rows.next();
                    out.add(new Tuple2<>(r._1(), Features.of(r._1(), r._2(), pairwise)));
                  }
                  return out.iterator();
                },
                true)
            .persist(StorageLevel.MEMORY_AND_DISK_SER());
    int max = options.maxPostings();
    LongAccumulator dropped = sc.sc().longAccumulator("wiretrace.droppedKeys");

    // 3. candidate pairs, proposed as the scan proposes them: the index's reuse candidates, plus
    // every pair passing the exact rule in a store the scan compares pair by pair, or else the
    // topic index's same-story neighbours; the first proposal in the scan's order decides how the
    // pair is judged
    JavaPairRDD<Long, Long> proposed =
        IndexCandidatesStage.proposals(sc, features, order, positions, max, parts, dropped);
    if (pairwise) {
      proposed =
          proposed.union(
              PairwiseStage.pairs(sc, features, n, parts)
                  .mapToPair(
                      p -> {
                        int a = Pairs.first(p);
                        int b = Pairs.second(p);
                        int[] pos = positions.value();
                        boolean aFirst = pos[a] <= pos[b];
                        return new Tuple2<>(
                            Pairs.unordered(a, b),
                            Proposal.of(
                                Math.min(pos[a], pos[b]), Proposal.PAIRWISE, aFirst == a < b));
                      }));
    } else {
      proposed =
          proposed.union(
              TopicNeighboursStage.proposals(sc, features, order, positions, parts, dropped));
    }
    JavaPairRDD<Long, Long> candidates =
        proposed.reduceByKey(Proposal::first, parts).persist(StorageLevel.MEMORY_AND_DISK_SER());

    // 4. judge every candidate with the core Relater, oriented as the scan orients pairs; a topic
    // neighbour by the scan's vector rule, without aligning
    JavaRDD<Edge> edges =
        candidates
            .mapToPair(
                p -> new Tuple2<>(Pairs.first(p._1()), new Tuple2<>(Pairs.second(p._1()), p._2())))
            .join(byNum, parts)
            .mapToPair(
                j -> new Tuple2<>(j._2()._1()._1(), new Tuple2<>(j._2()._1()._2(), j._2()._2())))
            .join(byNum, parts)
            .mapPartitions(
                pairs -> {
                  // one relater per partition; an article's tokens are reused by its next pairs
                  Relater relater = Relater.standard();
                  AnalysisCache cache = new AnalysisCache(ANALYSIS_CACHE);
                  TopicVerdict topics = new TopicVerdict(ANALYSIS_CACHE);
                  List<Edge> out = new ArrayList<>();
                  while (pairs.hasNext()) {
                    var j = pairs.next();
                    long proposal = j._2()._1()._1();
                    Article x = j._2()._1()._2().article();
                    Article y = j._2()._2().article();
                    Edge e =
                        Proposal.aligned(proposal)
                            ? judge(relater, cache, x, y)
                            : topicVerdict(topics, cache, proposal, x, y);
                    if (e != null) {
                      out.add(e);
                    }
                  }
                  return out.iterator();
                })
            .persist(StorageLevel.MEMORY_AND_DISK_SER());

    // 5. stories and families: the core StoryBuilder over the verdict edges. The verdict figures
    // are collected first (the judging stage runs while the driver holds nothing else); each
    // article's story features are computed on the executors and streamed to the driver, which
    // keeps the article and its features, never its tokens
    List<PairVerdict> verdicts = new ArrayList<>();
    for (Edge e : edges.map(Edge::figures).collect()) {
      verdicts.add(e.pairVerdict());
    }
    StoryBuilder.Analysed[] inScanOrder = new StoryBuilder.Analysed[n];
    Iterator<Tuple3<ArticleRow, int[], byte[]>> rows =
        byNum
            .map(
                r -> {
                  AnalyzedArticle x = AnalyzedArticle.of(r._2().article());
                  byte[] f = StoryBuilder.features(x.article(), x.tokens()).encode();
                  // the number of words and the position in the scan's reading order
                  return new Tuple3<>(
                      r._2(), new int[] {x.tokens().size(), positions.value()[r._1()]}, f);
                })
            .toLocalIterator();
    while (rows.hasNext()) {
      Tuple3<ArticleRow, int[], byte[]> r = rows.next();
      Article a = r._1().article();
      inScanOrder[r._2()[1]] =
          new StoryBuilder.Analysed(
              a, r._2()[0], StoryFeatures.decode(a.id(), r._3(), 0, r._3().length));
    }
    // the scan clusters in publication order, ties in its reading order (the store's sequence)
    List<StoryBuilder.Analysed> analyzed = new ArrayList<>(java.util.Arrays.asList(inScanOrder));
    analyzed.sort((x, y) -> StoryBuilder.byPublication().compare(x.article(), y.article()));
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < analyzed.size(); i++) {
      position.put(analyzed.get(i).article().id(), i);
    }
    // the scan's order of the stored verdicts: by the positions of their two sides
    verdicts.sort(
        Comparator.comparingInt((PairVerdict v) -> position.get(v.aId()))
            .thenComparingInt(v -> position.get(v.bId())));
    List<Story> stories =
        new StoryBuilder(org.wiretrace.stories.StoryModel.DEFAULT).storiesOf(analyzed, verdicts);

    // 6. outputs
    String out = options.output();
    write(spark, edges.map(Edge::json), out, "pairs", PAIRS_SCHEMA);
    List<String> storyLines = new ArrayList<>();
    List<String> familyLines = new ArrayList<>();
    for (Story s : stories) {
      storyLines.add(storyJson(s));
      for (Family f : s.families()) {
        familyLines.add(familyJson(s, f));
      }
    }
    write(spark, sc.parallelize(storyLines, 1), out, "stories", STORIES_SCHEMA);
    write(spark, sc.parallelize(familyLines, 1), out, "families", FAMILIES_SCHEMA);
    JavaRDD<SkippedRow> allSkipped = skipped.union(duplicates);
    write(spark, allSkipped.map(WiretraceJob::skippedJson), out, "skipped", SKIPPED_SCHEMA);
    write(spark, byNum.values().map(WiretraceJob::articleJson), out, "articles", ARTICLES_SCHEMA);
    Summary summary =
        new Summary(
            analyzed.size(),
            allSkipped.count(),
            candidates.count(),
            verdicts.size(),
            stories,
            dropped.value(),
            verdicts.stream().map(WiretraceJob::pairKey).sorted().toList());
    items.unpersist();
    byId.unpersist();
    numbered.unpersist();
    features.unpersist();
    candidates.unpersist();
    edges.unpersist();
    return summary;
  }

  /** A related pair as {@code "aId bId RELATION"}, the earlier article first. */
  public static String pairKey(PairVerdict v) {
    return v.aId() + " " + v.bId() + " " + v.relation();
  }

  /** The verdict edge of a pair proposed for alignment, oriented as the scan orients it. */
  /**
   * The scan's verdict on a pair found by topic alone ({@code x} the pair's first article): judged
   * from the earlier proposer's vector, else, when both sides proposed it, from the other's; null
   * when neither reaches the same-story bar.
   */
  private static Edge topicVerdict(
      TopicVerdict topics, AnalysisCache cache, long proposal, Article x, Article y) {
    boolean xFirst = Proposal.proposerFirst(proposal);
    Edge e = xFirst ? topics.of(cache.of(x), cache.of(y)) : topics.of(cache.of(y), cache.of(x));
    if (e == null && Proposal.bothSides(proposal)) {
      e = xFirst ? topics.of(cache.of(y), cache.of(x)) : topics.of(cache.of(x), cache.of(y));
    }
    return e;
  }

  private static Edge judge(Relater relater, AnalysisCache cache, Article x, Article y) {
    boolean xFirst = StoryBuilder.chronological().compare(x, y) <= 0;
    AnalyzedArticle a = cache.of(xFirst ? x : y);
    AnalyzedArticle b = cache.of(xFirst ? y : x);
    Verdict v = relater.judge(a.article(), a.tokens(), b.article(), b.tokens());
    if (v.relation() == Relation.UNRELATED) {
      return null;
    }
    return Edge.of(
        a.id(), b.id(), v, ReportJson.compare(a.article(), b.article(), v, true).toString());
  }

  /**
   * Each article's position in the scan's reading order, by article number: the rank of its (file,
   * record) order key among the kept articles.
   */
  private static int[] positions(JavaPairRDD<Integer, Tuple2<Long, ArticleRow>> numbered, int n) {
    List<Tuple2<Integer, Long>> keys = numbered.mapValues(Tuple2::_1).collect();
    long[] keyOf = new long[n];
    for (Tuple2<Integer, Long> k : keys) {
      keyOf[k._1()] = k._2();
    }
    Integer[] nums = new Integer[n];
    for (int j = 0; j < n; j++) {
      nums[j] = j;
    }
    java.util.Arrays.sort(nums, Comparator.comparingLong(num -> keyOf[num]));
    int[] out = new int[n];
    for (int p = 0; p < n; p++) {
      out[nums[p]] = p;
    }
    return out;
  }

  /**
   * The files under {@code inputs} as URIs, in the scan's reading order ({@code Ingestor.read}):
   * inputs in the order given, each folder's files sorted by path, and feeds before the other
   * files.
   */
  static List<String> listFiles(List<String> inputs, Configuration conf) {
    List<String> feeds = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (String in : inputs) {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(in);
      List<org.apache.hadoop.fs.Path> found = new ArrayList<>();
      try {
        FileSystem fs = p.getFileSystem(conf);
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(p, true);
        while (it.hasNext()) {
          LocatedFileStatus s = it.next();
          if (!s.getPath().getName().startsWith(".")) {
            found.add(s.getPath());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list input " + in, e);
      }
      found.sort(Comparator.comparing(f -> f.toUri().getPath()));
      for (org.apache.hadoop.fs.Path f : found) {
        String uri = f.toUri().toString();
        boolean feed =
            org.wiretrace.ingest.Ingestor.Format.of(java.nio.file.Path.of(f.getName()))
                == org.wiretrace.ingest.Ingestor.Format.FEED;
        (feed ? feeds : others).add(uri);
      }
    }
    List<String> files = new ArrayList<>(feeds);
    files.addAll(others);
    return files;
  }

  /** The Parquet schemas of the outputs (explicit: no inference pass, and empty outputs work). */
  static final String EDIT =
      "STRUCT<op: STRING, a_start: INT, a_end: INT, b_start: INT, b_end: INT, a_text: STRING,"
          + " b_text: STRING>";

  static final String PAIRS_SCHEMA =
      "relation STRING, a STRUCT<id: STRING, chars: INT, coverage: DOUBLE>, b STRUCT<id: STRING,"
          + " chars: INT, coverage: DOUBLE>, story_similarity DOUBLE, alignments"
          + " ARRAY<STRUCT<a_start: INT, a_end: INT, b_start: INT, b_end: INT, kind: STRING,"
          + " edits: ARRAY<"
          + EDIT
          + ">>>";

  static final String STORIES_SCHEMA =
      "id STRING, title STRING, families ARRAY<STRING>, article_ids ARRAY<STRING>,"
          + " merged_ids ARRAY<STRING>";

  static final String FAMILIES_SCHEMA =
      "id STRING, story_id STRING, original_id STRING, members ARRAY<STRUCT<article_id: STRING,"
          + " relation: STRING, coverage: DOUBLE, source_id: STRING>>";

  static final String SKIPPED_SCHEMA = "path STRING, locator STRING, reason STRING";

  static final String ARTICLES_SCHEMA =
      "id STRING, origin STRING, title STRING, chars INT, published STRING, url STRING";

  private static void write(
      SparkSession spark, JavaRDD<String> json, String out, String name, String schema) {
    Dataset<String> lines = spark.createDataset(json.rdd(), Encoders.STRING());
    lines.write().text(out + "/" + name + ".jsonl");
    spark
        .read()
        .schema(schema)
        .json(spark.read().textFile(out + "/" + name + ".jsonl"))
        .write()
        .parquet(out + "/" + name + ".parquet");
  }

  private static final ObjectMapper MAPPER = ReportJson.MAPPER;

  static String storyJson(Story s) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("id", s.id());
    o.put("title", s.title());
    ArrayNode fams = o.putArray("families");
    s.families().forEach(f -> fams.add(f.id()));
    ArrayNode ids = o.putArray("article_ids");
    s.articleIds().forEach(ids::add);
    ArrayNode merged = o.putArray("merged_ids");
    s.mergedIds().forEach(merged::add);
    return o.toString();
  }

  static String familyJson(Story s, Family f) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("id", f.id());
    o.put("story_id", s.id());
    o.put("original_id", f.originalId());
    ArrayNode ms = o.putArray("members");
    for (Member m : f.members()) {
      ms.addObject()
          .put("article_id", m.articleId())
          .put("relation", m.relation().name())
          .put("coverage", m.coverage())
          .put("source_id", m.sourceId());
    }
    return o.toString();
  }

  static String skippedJson(SkippedRow s) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("path", s.path()).put("locator", s.locator()).put("reason", s.reason());
    return o.toString();
  }

  static String articleJson(ArticleRow r) {
    Article a = r.article();
    ObjectNode o = MAPPER.createObjectNode();
    o.put("id", a.id()).put("origin", a.origin()).put("title", a.title()).put("chars", a.chars());
    a.published().ifPresent(p -> o.put("published", p.toString()));
    a.url().ifPresent(u -> o.put("url", u));
    return o.toString();
  }
}
