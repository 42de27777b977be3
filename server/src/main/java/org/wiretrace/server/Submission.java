package org.wiretrace.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.wiretrace.ingest.Article;
import org.wiretrace.ingest.HtmlReader;
import org.wiretrace.ingest.IngestListener;
import org.wiretrace.ingest.JsonlReader;
import org.wiretrace.ingest.Skipped;
import org.wiretrace.ingest.TextReader;
import org.wiretrace.ingest.encoding.Mojibake;

/**
 * An article (or, as JSON, several) submitted in a request body: plain text (first line the title),
 * an HTML page (main text and metadata extracted), or JSON objects with the fields of the JSONL
 * input ({@code title}, {@code text}/{@code maintext}/{@code body}, {@code published}/{@code
 * date_publish}, {@code url}, {@code source}/{@code source_domain}, optional {@code id}). Read with
 * the same readers as files, under the fixed names {@code submitted.txt}, {@code submitted.html}
 * and {@code submitted.jsonl}, so an article's id is the same when it is checked and when it is
 * added. Nothing in a request names a file. Immutable; thread-safe.
 *
 * @param format how to read the body
 * @param body the raw bytes
 * @param charset the charset named by the request's Content-Type, if any
 */
record Submission(Format format, byte[] body, Optional<String> charset) {

  /** The formats a submission may have. */
  enum Format {
    TEXT("submitted.txt"),
    HTML("submitted.html"),
    JSON("submitted.jsonl");

    final String fileName;

    Format(String fileName) {
      this.fileName = fileName;
    }

    /** The format named by {@code ?format=} or else by the Content-Type. */
    static Format of(String formatParam, String contentType) {
      if (formatParam != null && !formatParam.isBlank()) {
        return switch (formatParam.toLowerCase(Locale.ROOT)) {
          case "text", "txt" -> TEXT;
          case "html", "htm" -> HTML;
          case "json" -> JSON;
          default ->
              throw ApiException.badRequest(
                  "unknown format " + Snapshot.quote(formatParam) + " (text, html or json)");
        };
      }
      String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
      if (ct.startsWith("text/html") || ct.startsWith("application/xhtml")) {
        return HTML;
      }
      if (ct.startsWith("application/json") || ct.startsWith("application/x-ndjson")) {
        return JSON;
      }
      if (ct.isEmpty() || ct.startsWith("text/plain")) {
        return TEXT;
      }
      throw new ApiException(
          415,
          "unsupported Content-Type "
              + Snapshot.quote(contentType)
              + " (text/plain, text/html or application/json)");
    }
  }

  /** Longest id accepted in a JSON submission. */
  static final int MAX_ID_CHARS = 200;

  private static final ObjectMapper JSON = new ObjectMapper();

  Submission {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(body, "body");
    charset = Objects.requireNonNullElse(charset, Optional.<String>empty());
  }

  /** The articles submitted; a 422 when there is none. */
  List<Article> articles() {
    if (body.length == 0) {
      throw new ApiException(422, "empty request body: submit an article");
    }
    List<Skipped> skipped = new ArrayList<>();
    IngestListener listener = skipped::add;
    List<Article> out =
        switch (format) {
          case TEXT -> TextReader.read(Path.of(format.fileName), body, listener);
          case HTML ->
              HtmlReader.parse(format.fileName, body, charset, Optional.empty(), listener)
                  .map(List::of)
                  .orElse(List.of());
          case JSON -> fromJson();
        };
    if (out.isEmpty()) {
      String why = skipped.isEmpty() ? "no article text" : skipped.get(0).reason();
      throw new ApiException(422, "no article in the request: " + why);
    }
    return out;
  }

  /** The one article submitted; a 422 when there are several. */
  Article article() {
    List<Article> as = articles();
    if (as.size() != 1) {
      throw new ApiException(422, "submit one article here, not " + as.size());
    }
    return as.get(0);
  }

  /**
   * Writes the submission into {@code dir} as the file the store's ingest reads (JSON as JSONL with
   * each record's id fixed) and returns it.
   */
  Path writeTo(Path dir) throws IOException {
    Path file = dir.resolve(format.fileName);
    if (format != Format.JSON) {
      Files.write(file, body);
      return file;
    }
    StringBuilder sb = new StringBuilder();
    List<ObjectNode> records = records();
    for (ObjectNode o : records) {
      String text = first(o, "text", "maintext", "body", "content");
      o.put("id", id(o, Mojibake.repair(text).text()));
      sb.append(JSON.writeValueAsString(o)).append('\n');
    }
    Files.writeString(file, sb, StandardCharsets.UTF_8);
    return file;
  }

  private List<Article> fromJson() {
    List<Article> out = new ArrayList<>();
    List<ObjectNode> records = records();
    for (int i = 0; i < records.size(); i++) {
      ObjectNode o = records.get(i);
      String text = first(o, "text", "maintext", "body", "content");
      Mojibake.Result repaired = Mojibake.repair(text);
      out.add(
          Article.builder(format.fileName + "#record " + (i + 1), repaired.text())
              .id(id(o, repaired.text()))
              .title(first(o, "title"))
              .url(first(o, "url"))
              .site(first(o, "source_domain", "source", "site"))
              .byline(first(o, "byline", "author"))
              .published(
                  JsonlReader.parseDate(first(o, "date_publish", "published", "date")).orElse(null))
              .language(first(o, "language"))
              .repairs(repaired.repairs())
              .build());
    }
    return out;
  }

  /** The JSON records, each checked for a text; a 400 naming the record otherwise. */
  private List<ObjectNode> records() {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest(
          "invalid JSON at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr());
    } catch (IOException e) {
      throw ApiException.badRequest("unreadable JSON body");
    }
    List<ObjectNode> out = new ArrayList<>();
    if (root != null && root.isObject()) {
      out.add((ObjectNode) root);
    } else if (root != null && root.isArray()) {
      for (JsonNode n : root) {
        if (!n.isObject()) {
          throw ApiException.badRequest("record " + (out.size() + 1) + " is not a JSON object");
        }
        out.add((ObjectNode) n);
      }
    } else {
      throw ApiException.badRequest("expected a JSON object or an array of objects");
    }
    for (int i = 0; i < out.size(); i++) {
      String text = first(out.get(i), "text", "maintext", "body", "content");
      if (text == null || text.isBlank()) {
        throw new ApiException(422, "record " + (i + 1) + " has no text (text, maintext, body)");
      }
      String id = first(out.get(i), "id");
      if (id != null && id.length() > MAX_ID_CHARS) {
        throw ApiException.badRequest(
            "record " + (i + 1) + " has an id longer than " + MAX_ID_CHARS + " characters");
      }
    }
    return out;
  }

  /**
   * The record's own id, else one derived from the fixed file name and its {@code repairedText}
   * (repaired once, by the caller).
   */
  private static String id(ObjectNode o, String repairedText) {
    String id = first(o, "id");
    if (id != null) {
      return id.strip();
    }
    return Article.contentId(Format.JSON.fileName, repairedText);
  }

  private static String first(JsonNode o, String... fields) {
    for (String f : fields) {
      JsonNode v = o.get(f);
      if (v != null && v.isValueNode() && !v.isNull() && !v.asText().isBlank()) {
        return v.asText();
      }
    }
    return null;
  }
}
