package org.wiretrace.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.wiretrace.ingest.encoding.Mojibake;

/**
 * JSON Lines, one article per line, read lazily. Understands news-please fields ({@code title},
 * {@code maintext} or {@code text}, {@code date_publish}, {@code url}, {@code source_domain}) and
 * Wiretrace's own ({@code id}, {@code title}, {@code text}, {@code published}, {@code url}, {@code
 * source}). Invalid lines and lines without text are reported with their line number and skipped; a
 * file without any record (empty, or blank lines only) is reported as skipped too.
 */
public final class JsonlReader implements ArticleSource {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final IngestListener listener;

  public JsonlReader(Path file, IngestListener listener) {
    this.file = file;
    this.listener = listener;
  }

  @Override
  public Iterator<Article> iterator() {
    BufferedReader reader;
    try {
      reader =
          new BufferedReader(new InputStreamReader(Ingestor.open(file), StandardCharsets.UTF_8));
    } catch (IOException e) {
      listener.skipped(new Skipped(file.toString(), "", "cannot read: " + Ingestor.describe(e)));
      return java.util.Collections.emptyIterator();
    }
    return new Iterator<>() {
      private Article next;
      private int lineNo;
      private int records;
      private boolean done;

      @Override
      public boolean hasNext() {
        while (next == null && !done) {
          String line;
          try {
            line = reader.readLine();
          } catch (IOException | UncheckedIOException e) {
            listener.skipped(
                new Skipped(
                    file.toString(), "line " + (lineNo + 1), "read failed: " + e.getMessage()));
            line = null;
          }
          if (line == null) {
            done = true;
            close(reader);
            if (records == 0) {
              listener.skipped(
                  new Skipped(
                      file.toString(),
                      "",
                      lineNo == 0 ? "empty file" : "no records (only blank lines)"));
            }
            break;
          }
          lineNo++;
          if (!line.isBlank()) {
            records++;
            next = parse(line, lineNo);
          }
        }
        return next != null;
      }

      @Override
      public Article next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Article a = next;
        next = null;
        return a;
      }
    };
  }

  private static void close(BufferedReader r) {
    try {
      r.close();
    } catch (IOException ignored) {
      // nothing left to read from it
    }
  }

  private Article parse(String line, int lineNo) {
    String where = file.toString();
    String locator = "line " + lineNo;
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      String msg = e.getOriginalMessage();
      listener.skipped(
          new Skipped(
              where,
              locator,
              "invalid JSON at column "
                  + e.getLocation().getColumnNr()
                  + ": "
                  + (msg == null ? "" : msg.lines().findFirst().orElse(""))));
      return null;
    }
    if (!node.isObject()) {
      listener.skipped(new Skipped(where, locator, "not a JSON object"));
      return null;
    }
    String text = firstText(node, "text", "maintext", "body", "content");
    if (text == null || text.isBlank()) {
      listener.skipped(new Skipped(where, locator, "no text field (text, maintext, body)"));
      return null;
    }
    Mojibake.Result repaired = Mojibake.repair(text);
    String origin = where + "#" + locator;
    return Article.builder(origin, repaired.text())
        .id(Optional.ofNullable(firstText(node, "id")).orElse(null))
        .title(firstText(node, "title"))
        .url(firstText(node, "url"))
        .site(firstText(node, "source_domain", "source", "site"))
        .byline(firstText(node, "byline", "author", "authors"))
        .published(parseDate(firstText(node, "date_publish", "published", "date")).orElse(null))
        .language(firstText(node, "language"))
        .repairs(repaired.repairs())
        .build();
  }

  private static String firstText(JsonNode node, String... fields) {
    for (String f : fields) {
      JsonNode v = node.get(f);
      if (v == null || v.isNull()) {
        continue;
      }
      if (v.isArray()) {
        StringBuilder sb = new StringBuilder();
        v.forEach(
            e -> {
              if (e.isValueNode()) {
                sb.append(sb.length() == 0 ? "" : ", ").append(e.asText());
              }
            });
        if (sb.length() > 0) {
          return sb.toString();
        }
      } else if (v.isValueNode() && !v.asText().isBlank()) {
        return v.asText();
      }
    }
    return null;
  }

  /** Parses ISO-8601 instants, offset date-times, local date-times (as UTC) and dates. */
  public static Optional<Instant> parseDate(String s) {
    if (s == null || s.isBlank()) {
      return Optional.empty();
    }
    String t = s.strip().replace(' ', 'T');
    try {
      return Optional.of(OffsetDateTime.parse(t).toInstant());
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return Optional.of(Instant.parse(t));
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return Optional.of(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return Optional.of(
          LocalDate.parse(t.substring(0, Math.min(10, t.length())))
              .atStartOfDay()
              .toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
