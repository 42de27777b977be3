package org.wiretrace.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.wiretrace.pipeline.ScanOptions;
import org.wiretrace.pipeline.ScanResult;
import org.wiretrace.pipeline.Wiretrace;
import org.wiretrace.relate.PairVerdict;
import org.wiretrace.stories.Family;
import org.wiretrace.stories.Member;
import org.wiretrace.stories.Story;

/**
 * The job in {@code local[2]} and the single-machine scan, on the repository's examples plus this
 * module's own fixture texts (JSONL with a broken line, a spun plain-text copy, a gzipped WARC),
 * give the same families, stories, originals and member relations.
 */
class SameAnswersAsScanTest {

  private static SparkSession spark;

  @TempDir static Path tmp;

  @BeforeAll
  static void start() {
    spark = LocalSpark.session();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void jobAndScanAgreeOnFamiliesAndStories() throws IOException {
    Path corpus = Files.createDirectories(tmp.resolve("corpus")).toRealPath();
    for (String name : List.of("regional.jsonl", "spun-bridge.txt")) {
      try (var in = getClass().getResourceAsStream("/corpus/" + name)) {
        Files.copy(in, corpus.resolve(name));
      }
    }
    writeWarc(corpus.resolve("crawl.warc.gz"));
    Path examples = Path.of(System.getProperty("wiretrace.root", "..")).resolve("examples");
    examples = examples.toRealPath();
    List<Path> inputs = List.of(examples, corpus);

    ScanResult scan = Wiretrace.scan(new ScanOptions(inputs, tmp.resolve("store")));
    String out = tmp.resolve("out").toString();
    WiretraceJob.Summary job =
        WiretraceJob.run(
            spark, JobOptions.of(inputs.stream().map(p -> p.toUri().toString()).toList(), out));

    assertThat(job.articles()).isEqualTo(scan.articles().size()).isGreaterThan(10);
    assertThat(Partitions.families(job.stories()))
        .as("families")
        .isEqualTo(Partitions.families(scan.stories()));
    assertThat(Partitions.stories(job.stories()))
        .as("stories")
        .isEqualTo(Partitions.stories(scan.stories()));
    assertThat(members(job.stories())).isEqualTo(members(scan.stories()));
    assertThat(job.stories().stream().map(Story::id).collect(Collectors.toSet()))
        .isEqualTo(scan.stories().stream().map(Story::id).collect(Collectors.toSet()));
    assertThat(job.verdicts()).isEqualTo(scan.verdicts().size());
    assertThat(job.pairs())
        .isEqualTo(scan.verdicts().stream().map(WiretraceJob::pairKey).sorted().toList());
    // the fixtures do make families: a duplicate, an edited and a spun copy of one story
    assertThat(job.stories().stream().mapToInt(s -> s.families().size()).sum())
        .isLessThan((int) job.articles());

    // every related pair, family, story and skipped record is written as JSONL and Parquet
    assertThat(spark.read().parquet(out + "/pairs.parquet").count()).isEqualTo(job.verdicts());
    assertThat(spark.read().json(out + "/pairs.jsonl").count()).isEqualTo(job.verdicts());
    assertThat(spark.read().parquet(out + "/stories.parquet").count())
        .isEqualTo(job.stories().size());
    assertThat(spark.read().parquet(out + "/articles.parquet").count()).isEqualTo(job.articles());
    List<String> skipped =
        spark.read().json(out + "/skipped.jsonl").select("path", "reason").collectAsList().stream()
            .map(r -> r.getString(0) + " " + r.getString(1))
            .toList();
    assertThat(skipped).hasSize((int) job.skipped()).anyMatch(s -> s.contains("regional.jsonl"));
    assertThat(job.skipped()).isEqualTo(scan.skipped().size());
    assertThat(scan.verdicts().stream().map(PairVerdict::relation).distinct().count())
        .isGreaterThan(2);
  }

  /** Every family member as "family original article relation source". */
  private static Set<String> members(List<Story> stories) {
    Set<String> out = new TreeSet<>();
    for (Story s : stories) {
      for (Family f : s.families()) {
        for (Member m : f.members()) {
          out.add(
              f.id()
                  + " "
                  + f.originalId()
                  + " "
                  + m.articleId()
                  + " "
                  + m.relation()
                  + " "
                  + m.sourceId());
        }
      }
    }
    return out;
  }

  /** A gzipped WARC with two captured pages of this test's own writing. */
  private static void writeWarc(Path file) throws IOException {
    String fair =
        "<html><head><title>Dorrel cheese fair breaks its record</title></head><body><article>"
            + "<h1>Dorrel cheese fair breaks its record</h1>"
            + "<p>The annual cheese fair in Dorrel drew a record crowd of 18,000 visitors over the"
            + " weekend, organisers said. Farmers from eleven villages competed for the golden"
            + " wheel prize, which went to a goat cheese aged in a mountain cave for fourteen"
            + " months.</p><p>Next year the fair will move to a larger field near the railway"
            + " station, the organisers added.</p></article></body></html>";
    String ferry =
        "<html><head><title>Ferry strike ends</title></head><body><article>"
            + "<h1>Ferry strike ends after nine days</h1>"
            + "<p>Crews on the Lindqvist ferry line returned to work on Tuesday after a nine-day"
            + " strike over rest periods ended with a deal that adds a second captain on night"
            + " crossings. The company said timetables would be back to normal by Thursday.</p>"
            + "<p>Island residents had relied on a single chartered boat during the strike, and"
            + " the regional council said it would review the line's contract next spring.</p>"
            + "</article></body></html>";
    try (FileChannel ch =
            FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        WarcWriter w = new WarcWriter(ch, WarcCompression.GZIP)) {
      write(w, "https://dorrel.example/fair", fair, "2026-06-08T09:00:00Z");
      write(w, "https://islands.example/ferry", ferry, "2026-06-09T09:00:00Z");
    }
  }

  private static void write(WarcWriter w, String url, String html, String date) throws IOException {
    HttpResponse http =
        new HttpResponse.Builder(200, "OK")
            .body(
                MediaType.parse("text/html; charset=utf-8"), html.getBytes(StandardCharsets.UTF_8))
            .build();
    w.write(new WarcResponse.Builder(URI.create(url)).date(Instant.parse(date)).body(http).build());
  }
}
