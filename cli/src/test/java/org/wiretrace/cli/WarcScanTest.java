package org.wiretrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * The example articles, crawled into a WARC written with jwarc, round-trip through {@code scan}.
 */
class WarcScanTest {

  @TempDir Path tmp;

  /** A page around a plain-text article: title in h1, paragraphs, some site furniture. */
  private static String page(String title, String text) {
    StringBuilder p = new StringBuilder();
    for (String para : text.split("\\n\\s*\\n")) {
      p.append("<p>")
          .append(para.strip().replace("&", "&amp;").replace("<", "&lt;"))
          .append("</p>");
    }
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>"
        + title
        + "</title></head>"
        + "<body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>"
        + title
        + "</h1>"
        + p
        + "</article><footer>About us</footer></body></html>";
  }

  @Test
  void examplePagesInAWarcRoundTripThroughScan() throws Exception {
    Path examples = TestPaths.root().resolve("examples");
    ObjectMapper json = new ObjectMapper();
    JsonNode wire = json.readTree(Files.readAllLines(examples.resolve("wire-feed.jsonl")).get(0));
    Map<String, byte[]> pages = new TreeMap<>();
    pages.put(
        "https://northwire.example/veradia-aid",
        page(wire.get("title").asText(), wire.get("text").asText())
            .getBytes(StandardCharsets.UTF_8));
    pages.put(
        "https://lantern.example/copy",
        Files.readAllBytes(examples.resolve("daily-lantern-copy.html")));
    for (String f : List.of("edited-copy.txt", "spun-copy.txt")) {
      String text = Files.readString(examples.resolve(f));
      String title = text.lines().findFirst().orElse(f);
      pages.put(
          "https://copies.example/" + f,
          page(title, text.substring(title.length())).getBytes(StandardCharsets.UTF_8));
    }
    Path warc = tmp.resolve("crawl.warc.gz");
    try (FileChannel ch =
            FileChannel.open(warc, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        WarcWriter w = new WarcWriter(ch, WarcCompression.GZIP)) {
      for (Map.Entry<String, byte[]> e : pages.entrySet()) {
        HttpResponse http =
            new HttpResponse.Builder(200, "OK")
                .body(MediaType.parse("text/html; charset=utf-8"), e.getValue())
                .build();
        w.write(
            new WarcResponse.Builder(URI.create(e.getKey()))
                .date(Instant.parse("2026-03-02T12:00:00Z"))
                .body(http)
                .build());
      }
    }
    CliRun run =
        CliRun.of(
            "scan",
            warc.toString(),
            "--data",
            tmp.resolve("data").toString(),
            "--json",
            "--no-report-files");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode r = json.readTree(run.out());
    assertThat(r.get("articles")).hasSize(4);
    assertThat(r.get("skipped")).isEmpty();
    for (JsonNode a : r.get("articles")) {
      assertThat(a.get("path").asText()).contains("crawl.warc.gz#offset ");
    }
    assertThat(r.get("stories")).hasSize(1);
    List<String> relations = new ArrayList<>();
    for (JsonNode f : r.get("stories").get(0).get("families")) {
      for (JsonNode m : f.get("members")) {
        relations.add(m.get("relation").asText());
      }
    }
    assertThat(relations).hasSize(4).contains("ORIGINAL", "SPUN");
  }
}
