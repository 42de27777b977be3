package org.wiretrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each kind of bad input gives exactly one report naming the file and the record's offset or line;
 * the good input next to it is still read; the summary accounts for every record.
 */
class BadInputTest {

  @TempDir Path dir;

  private final List<Skipped> skipped = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private IngestSummary.Counter counter;

  @BeforeEach
  void listen() {
    counter =
        new IngestSummary.Counter(
            new IngestListener() {
              @Override
              public void skipped(Skipped s) {
                skipped.add(s);
              }

              @Override
              public void warning(String where, String message) {
                warnings.add(where + ": " + message);
              }
            });
  }

  private List<Article> read(Path... paths) {
    return new Ingestor(counter).read(List.of(paths)).toList();
  }

  private Path good() throws IOException {
    return Files.writeString(
        dir.resolve("good.html"), Pages.article("Good page", "https://gazette.example/good", ""));
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(data);
    }
    return bytes.toByteArray();
  }

  private void assertAccounted(int ingested, int skippedCount) {
    IngestSummary s = counter.summary();
    assertThat(s.ingested()).isEqualTo(ingested);
    assertThat(s.skipped()).isEqualTo(skippedCount);
    assertThat(s.read()).isEqualTo(s.ingested() + s.skipped());
  }

  @Test
  void truncatedGzip() throws IOException {
    StringBuilder jsonl = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      jsonl
          .append("{\"id\":\"a")
          .append(i)
          .append("\",\"text\":\"")
          .append(Pages.PARAGRAPHS[i % 4])
          .append(" ")
          .append(i)
          .append("\"}\n");
    }
    byte[] gz = gzip(jsonl.toString().getBytes(StandardCharsets.UTF_8));
    Path cut = Files.write(dir.resolve("cut.jsonl.gz"), Arrays.copyOf(gz, gz.length * 2 / 3));
    Path cutHtml =
        Files.write(
            dir.resolve("cut.html.gz"), Arrays.copyOf(gzip(Files.readAllBytes(good())), 300));
    List<Article> articles = read(cut, cutHtml, good());
    assertThat(skipped).hasSize(2);
    assertThat(skipped.get(0).path()).endsWith("cut.jsonl.gz");
    assertThat(skipped.get(0).locator()).startsWith("line ");
    assertThat(skipped.get(1).path()).endsWith("cut.html.gz");
    assertThat(skipped.get(1).locator()).startsWith("offset ");
    assertThat(skipped.get(1).reason()).contains("truncated gzip");
    int fromJsonl = articles.size() - 1;
    assertThat(fromJsonl).isGreaterThan(50).isLessThan(400);
    assertThat(articles.get(articles.size() - 1).title()).isEqualTo("Good page");
    assertAccounted(articles.size(), 2);
  }

  /** A WARC cut inside its last record: that record is reported once, the one before is kept. */
  @ParameterizedTest(name = "gzip={0}")
  @ValueSource(booleans = {false, true})
  void warcCutInsideTheLastRecord(boolean gzip) throws IOException {
    Path whole = dir.resolve("whole.warc" + (gzip ? ".gz" : ""));
    Pages.writeWarc(
        whole,
        gzip,
        List.of(
            Pages.Capture.html(
                "https://gazette.example/1", Pages.article("One", "https://gazette.example/1", "")),
            Pages.Capture.html(
                "https://gazette.example/2",
                Pages.article("Two", "https://gazette.example/2", ""))));
    byte[] bytes = Files.readAllBytes(whole);
    int twoStarts = indexOf(bytes, "https://gazette.example/2".getBytes(StandardCharsets.UTF_8));
    // gzip members hide the URI: cut 40% into the second half instead
    int cutAt = gzip ? bytes.length - (bytes.length / 2) * 2 / 5 : twoStarts + 900;
    Path cut =
        Files.write(dir.resolve("cut.warc" + (gzip ? ".gz" : "")), Arrays.copyOf(bytes, cutAt));
    List<Article> articles = read(cut);
    assertThat(articles).extracting(Article::title).containsExactly("One");
    assertThat(skipped).hasSize(1);
    assertThat(skipped.get(0).locator()).matches("offset \\d+");
    assertThat(skipped.get(0).reason()).containsAnyOf("malformed WARC record", "unreadable record");
    assertAccounted(1, 1);
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Test
  void warcRecordWithWrongContentLength() throws IOException {
    Path warc = dir.resolve("bad.warc");
    Pages.writeWarc(
        warc,
        false,
        List.of(
            Pages.Capture.html(
                "https://gazette.example/1", Pages.article("One", "https://gazette.example/1", "")),
            Pages.Capture.html(
                "https://gazette.example/2", Pages.article("Two", "https://gazette.example/2", "")),
            Pages.Capture.html(
                "https://gazette.example/3",
                Pages.article("Three", "https://gazette.example/3", ""))));
    String s = Files.readString(warc, StandardCharsets.ISO_8859_1);
    // the second record claims 5000 bytes fewer than it holds
    int second = s.indexOf("WARC/1.", s.indexOf("https://gazette.example/2") - 600);
    int cl = s.indexOf("Content-Length: ", second);
    int end = s.indexOf("\r\n", cl);
    long len = Long.parseLong(s.substring(cl + 16, end));
    s = s.substring(0, cl + 16) + (len - 5000) + s.substring(end);
    Files.write(warc, s.getBytes(StandardCharsets.ISO_8859_1));
    List<Article> articles = read(warc);
    assertThat(articles).extracting(Article::title).contains("One", "Three");
    List<Skipped> malformed =
        skipped.stream().filter(x -> x.reason().startsWith("malformed WARC record")).toList();
    assertThat(malformed).hasSize(1);
    assertThat(malformed.get(0).path()).endsWith("bad.warc");
    assertThat(malformed.get(0).locator()).matches("offset \\d+");
    assertThat(malformed.get(0).reason()).contains("resumed at offset");
    assertAccounted(articles.size(), skipped.size());
  }

  @Test
  void nonHtmlPayloads() throws IOException {
    byte[] pdf =
        "%PDF-1.4\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    Path warc = dir.resolve("mixed.warc.gz");
    Pages.writeWarc(
        warc,
        true,
        List.of(
            new Pages.Capture(
                "https://gazette.example/report.pdf",
                java.time.Instant.EPOCH,
                "application/pdf",
                pdf),
            new Pages.Capture(
                "https://gazette.example/logo.png", java.time.Instant.EPOCH, "image/png", png),
            Pages.Capture.html(
                "https://gazette.example/1",
                Pages.article("One", "https://gazette.example/1", ""))));
    Path pdfAsHtml = Files.write(dir.resolve("report.html"), pdf);
    List<Article> articles = read(warc, pdfAsHtml);
    assertThat(articles).extracting(Article::title).containsExactly("One");
    assertThat(skipped).hasSize(3);
    assertThat(skipped.get(0).reason()).contains("application/pdf");
    assertThat(skipped.get(0).locator()).isEqualTo("offset 0");
    assertThat(skipped.get(1).reason()).contains("image/png");
    assertThat(skipped.get(2).where()).endsWith("report.html");
    assertThat(skipped.get(2).reason()).isEqualTo("not HTML: PDF document");
    assertAccounted(1, 3);
  }

  @Test
  void twentyMegabytePage() throws IOException {
    StringBuilder big = new StringBuilder(21 << 20);
    big.append("<html><body>");
    while (big.length() < 20 << 20) {
      big.append("<div><p>").append(Pages.PARAGRAPHS[big.length() % 4]).append("</p></div>");
    }
    big.append("</body></html>");
    Path page = Files.writeString(dir.resolve("huge.html"), big);
    List<Article> articles = read(page, good());
    assertThat(articles).hasSize(1);
    assertThat(skipped)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.path()).endsWith("huge.html");
              assertThat(s.reason()).startsWith("page too large");
            });
    assertAccounted(1, 1);
  }

  @Test
  void binaryJunk() throws IOException {
    byte[] junk = new byte[50_000];
    new Random(7).nextBytes(junk);
    Path txt = Files.write(dir.resolve("junk.txt"), junk);
    Path html = Files.write(dir.resolve("junk.html"), junk);
    Path warc = Files.write(dir.resolve("junk.warc"), junk);
    Path feed = Files.write(dir.resolve("junk.xml"), junk);
    List<Article> articles = read(txt, html, warc, feed, good());
    assertThat(articles).hasSize(1);
    assertThat(skipped).hasSize(4);
    assertThat(skipped).extracting(Skipped::path).allMatch(p -> p.contains("junk."));
    assertAccounted(1, 4);
  }

  @Test
  void emptyFiles() throws IOException {
    List<Path> empty = new ArrayList<>();
    for (String name : List.of("e.txt", "e.html", "e.jsonl", "e.warc", "e.xml")) {
      empty.add(Files.write(dir.resolve(name), new byte[0]));
    }
    empty.add(Files.writeString(dir.resolve("blank.jsonl"), "\n  \n\n"));
    empty.add(good());
    List<Article> articles = read(empty.toArray(Path[]::new));
    assertThat(articles).hasSize(1);
    // each file without an article reports once, with why
    assertThat(skipped).hasSize(6);
    assertThat(skipped)
        .filteredOn(x -> x.path().endsWith(".jsonl"))
        .extracting(Skipped::reason)
        .containsExactlyInAnyOrder("empty file", "no records (only blank lines)");
    assertAccounted(1, 6);
  }

  @Test
  void invalidJsonLines() throws IOException {
    Path jsonl =
        Files.writeString(
            dir.resolve("news.jsonl"),
            "{\"title\":\"A\",\"maintext\":\""
                + Pages.PARAGRAPHS[0]
                + "\",\"date_publish\":\"2019-11-18 10:00:00\",\"source_domain\":\"gazette.example\",\"url\":\"https://gazette.example/a\"}\n"
                + "{\"title\": \"broken\", \"text\": \n"
                + "\n"
                + "[1, 2, 3]\n"
                + "{\"title\":\"no text\"}\n"
                + "{\"title\":\"B\",\"text\":\""
                + Pages.PARAGRAPHS[1]
                + "\"}\n");
    List<Article> articles = read(jsonl);
    assertThat(articles).extracting(Article::title).containsExactly("A", "B");
    Article a = articles.get(0);
    assertThat(a.site()).contains("gazette.example");
    assertThat(a.published()).contains(java.time.Instant.parse("2019-11-18T10:00:00Z"));
    assertThat(skipped).extracting(Skipped::locator).containsExactly("line 2", "line 4", "line 5");
    assertAccounted(2, 3);
  }

  @Test
  void wrongDeclaredCharset() throws IOException {
    String page =
        Pages.article(
            "Café à Zürich",
            "https://gazette.example/c",
            "Der Bürgermeister sagte: „Das Café öffnet im Mai“.");
    // declares latin-1 but is UTF-8
    Path lying =
        Files.write(
            dir.resolve("lying.html"),
            page.replace("<meta charset=\"utf-8\">", "<meta charset=\"iso-8859-1\">")
                .getBytes(StandardCharsets.UTF_8));
    // declares UTF-8 but is windows-1252
    Path lying2 =
        Files.write(
            dir.resolve("lying2.html"),
            page.getBytes(java.nio.charset.Charset.forName("windows-1252")));
    List<Article> articles = read(lying, lying2);
    assertThat(articles).hasSize(2);
    for (Article a : articles) {
      assertThat(a.title()).isEqualTo("Café à Zürich");
      assertThat(a.text()).contains("„Das Café öffnet im Mai“");
    }
    assertThat(warnings).hasSize(2);
    assertThat(warnings.get(0))
        .contains("lying.html")
        .containsIgnoringCase("iso-8859-1")
        .contains("UTF-8");
    assertThat(warnings.get(1)).contains("lying2.html").contains("windows-1252");
    assertAccounted(2, 0);
  }
}
