package org.wiretrace.ingest.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * A main-text extraction data set in the layout of the scrapinghub article-extraction benchmark:
 * {@code ground-truth.json} maps page ids to {@code {"articleBody", "url"}} and {@code
 * html/<id>.html.gz} (or {@code .html}) holds each page. Immutable after loading.
 *
 * @param dir the data set folder
 * @param samples the pages, in id order
 */
public record ExtractionDataset(Path dir, List<Sample> samples) {

  /**
   * One labelled page.
   *
   * @param id the page id
   * @param url the page's address, when given
   * @param html the page bytes as crawled
   * @param truth the true article body
   */
  public record Sample(String id, Optional<String> url, byte[] html, String truth) {}

  public ExtractionDataset {
    samples = List.copyOf(samples);
  }

  /** Loads the data set in {@code dir}; pages listed in the truth but missing are an error. */
  public static ExtractionDataset load(Path dir) throws IOException {
    Path truthFile = dir.resolve("ground-truth.json");
    if (!Files.isRegularFile(truthFile)) {
      throw new IOException("no ground-truth.json in " + dir);
    }
    JsonNode truth = new ObjectMapper().readTree(truthFile.toFile());
    List<Sample> samples = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext(); ) {
      ids.add(it.next().getKey());
    }
    ids.sort(null);
    for (String id : ids) {
      JsonNode t = truth.get(id);
      Path gz = dir.resolve("html").resolve(id + ".html.gz");
      Path plain = dir.resolve("html").resolve(id + ".html");
      byte[] html;
      if (Files.isRegularFile(gz)) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
          html = in.readAllBytes();
        }
      } else if (Files.isRegularFile(plain)) {
        html = Files.readAllBytes(plain);
      } else {
        throw new IOException("page " + id + " of ground-truth.json has no file in " + dir);
      }
      String url = t.path("url").asText("");
      samples.add(
          new Sample(
              id,
              url.isBlank() ? Optional.empty() : Optional.of(url),
              html,
              t.path("articleBody").asText("")));
    }
    return new ExtractionDataset(dir, samples);
  }
}
