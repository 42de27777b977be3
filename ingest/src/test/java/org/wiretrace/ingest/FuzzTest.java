package org.wiretrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random and mutated inputs in every format: no exception escapes the readers, nothing hangs, and
 * the summary always accounts for every record.
 */
class FuzzTest {

  @TempDir static Path dir;

  private static final String[] NAMES = {
    "x.html", "x.html.gz", "x.jsonl", "x.jsonl.gz", "x.warc", "x.warc.gz", "x.xml", "x.txt"
  };
  private static byte[][] seeds;

  @BeforeAll
  static void seeds() throws IOException {
    String html = Pages.article("Seed", "https://gazette.example/seed", "Ça coûte 12 € – “cher”.");
    String jsonl =
        "{\"title\":\"A\",\"text\":\""
            + Pages.PARAGRAPHS[0]
            + "\"}\n{\"title\":\"B\",\"maintext\":\""
            + Pages.PARAGRAPHS[1]
            + "\",\"date_publish\":\"2020-01-02\"}\n";
    String rss =
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>"
            + "<item><title>I</title><link>https://gazette.example/i</link>"
            + "<description><![CDATA[<p>"
            + Pages.PARAGRAPHS[2]
            + "</p><p>"
            + Pages.PARAGRAPHS[3]
            + "</p><p>"
            + Pages.PARAGRAPHS[0]
            + "</p>]]></description></item></channel></rss>";
    Path w = dir.resolve("seed.warc");
    Pages.writeWarc(
        w,
        false,
        List.of(
            Pages.Capture.html("https://gazette.example/s", html),
            Pages.Capture.html("https://gazette.example/t", html)));
    Path wz = dir.resolve("seed.warc.gz");
    Pages.writeWarc(
        wz,
        true,
        List.of(
            Pages.Capture.html("https://gazette.example/s", html),
            Pages.Capture.html("https://gazette.example/t", html)));
    byte[] h = html.getBytes(StandardCharsets.UTF_8);
    byte[] j = jsonl.getBytes(StandardCharsets.UTF_8);
    seeds =
        new byte[][] {
          h,
          gzip(h),
          j,
          gzip(j),
          Files.readAllBytes(w),
          Files.readAllBytes(wz),
          rss.getBytes(StandardCharsets.UTF_8),
          Pages.PARAGRAPHS[0].getBytes(StandardCharsets.UTF_8)
        };
  }

  private static byte[] gzip(byte[] data) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (OutputStream gz = new GZIPOutputStream(bytes)) {
        gz.write(data);
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Flips, deletes, inserts and duplicates bytes, or cuts the input short. */
  static byte[] mutate(byte[] in, Random r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 64);
    int edits = 1 + r.nextInt(8);
    byte[] cur = in;
    for (int e = 0; e < edits; e++) {
      out.reset();
      int at = cur.length == 0 ? 0 : r.nextInt(cur.length);
      switch (r.nextInt(5)) {
        case 0 -> {
          byte[] c = cur.clone();
          if (c.length > 0) {
            c[at] = (byte) r.nextInt(256);
          }
          cur = c;
          continue;
        }
        case 1 -> {
          out.write(cur, 0, at);
          int skip = Math.min(cur.length - at, r.nextInt(200));
          out.write(cur, at + skip, cur.length - at - skip);
        }
        case 2 -> {
          out.write(cur, 0, at);
          byte[] junk = new byte[r.nextInt(50)];
          r.nextBytes(junk);
          out.write(junk, 0, junk.length);
          out.write(cur, at, cur.length - at);
        }
        case 3 -> {
          out.write(cur, 0, at);
          int len = Math.min(cur.length - at, r.nextInt(300));
          out.write(cur, at, len);
          out.write(cur, at, cur.length - at);
        }
        default -> out.write(cur, 0, at);
      }
      cur = out.toByteArray();
    }
    return cur;
  }

  private static void readAndAccount(Path file) {
    IngestSummary.Counter counter = new IngestSummary.Counter();
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          long n = new Ingestor(counter).read(List.of(file)).count();
          IngestSummary s = counter.summary();
          assertThat(s.ingested()).isEqualTo(n);
          assertThat(s.read()).isEqualTo(s.ingested() + s.skipped());
        });
  }

  @Test
  void mutatedInputsInEveryFormat() {
    qt().withExamples(240)
        .forAll(integers().between(0, NAMES.length - 1), integers().all())
        .checkAssert(
            (kind, seed) -> {
              byte[] data = mutate(seeds[kind], new Random(seed));
              Path f = dir.resolve("m" + Integer.toHexString(seed) + "-" + NAMES[kind]);
              try {
                Files.write(f, data);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              readAndAccount(f);
            });
  }

  @Test
  void randomBytesInEveryFormat() {
    qt().withExamples(120)
        .forAll(
            integers().between(0, NAMES.length - 1),
            integers().between(0, 20_000),
            integers().all())
        .checkAssert(
            (kind, size, seed) -> {
              byte[] data = new byte[size];
              new Random(seed).nextBytes(data);
              Path f = dir.resolve("r" + Integer.toHexString(seed) + "-" + NAMES[kind]);
              try {
                Files.write(f, data);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              readAndAccount(f);
            });
  }
}
