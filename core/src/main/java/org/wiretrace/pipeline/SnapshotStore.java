package org.wiretrace.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.wiretrace.ingest.Article;
import org.wiretrace.ingest.Repair;

/**
 * The articles a scan has seen, kept in {@code DIR/articles.jsonl} (one Wiretrace JSON object per
 * line, format version {@link #FORMAT_VERSION} in {@code DIR/FORMAT}). Relations, families and
 * stories are recomputed from the articles. Writes go to a temporary file that atomically replaces
 * the old one, so a kill at any moment leaves either the old or the new store. Not thread-safe for
 * concurrent writers.
 */
public final class SnapshotStore {

  /** Version of the on-disk format; a store of a newer version is refused. */
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;

  public SnapshotStore(Path dir) {
    this.dir = java.util.Objects.requireNonNull(dir, "dir");
  }

  public Path dir() {
    return dir;
  }

  /** True when the folder holds a store. */
  public boolean exists() {
    return Files.isRegularFile(dir.resolve("articles.jsonl"));
  }

  /** The stored articles, in stored order; empty when there is no store yet. */
  public List<Article> load() {
    if (!exists()) {
      return List.of();
    }
    checkFormat();
    List<Article> out = new ArrayList<>();
    Path file = dir.resolve("articles.jsonl");
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (!line.isBlank()) {
          try {
            out.add(fromJson(JSON.readTree(line)));
          } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                "corrupt store " + file + " at line " + n + ": " + e.getMessage(), e);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read store " + file, e);
    }
    return out;
  }

  private void checkFormat() {
    Path f = dir.resolve("FORMAT");
    if (!Files.exists(f)) {
      return;
    }
    try {
      int v = Integer.parseInt(Files.readString(f).strip());
      if (v > FORMAT_VERSION) {
        throw new IllegalStateException(
            "store "
                + dir
                + " has format "
                + v
                + ", newer than this Wiretrace reads ("
                + FORMAT_VERSION
                + "): use a newer Wiretrace");
      }
    } catch (IOException | NumberFormatException e) {
      throw new IllegalStateException("store " + dir + " has an unreadable FORMAT file", e);
    }
  }

  /** Replaces the stored articles with {@code articles}, atomically. */
  public void save(Collection<Article> articles) {
    try {
      Files.createDirectories(dir);
      Path tmp = dir.resolve("articles.jsonl.tmp");
      try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        for (Article a : articles) {
          w.write(JSON.writeValueAsString(toJson(a)));
          w.write('\n');
        }
      }
      Files.writeString(dir.resolve("FORMAT"), FORMAT_VERSION + "\n");
      Files.move(
          tmp,
          dir.resolve("articles.jsonl"),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write store " + dir, e);
    }
  }

  static ObjectNode toJson(Article a) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", a.id());
    o.put("origin", a.origin());
    o.put("title", a.title());
    o.put("text", a.text());
    a.url().ifPresent(v -> o.put("url", v));
    a.site().ifPresent(v -> o.put("site", v));
    a.byline().ifPresent(v -> o.put("byline", v));
    a.published().ifPresent(v -> o.put("published", v.toString()));
    a.language().ifPresent(v -> o.put("language", v));
    var reps = o.putArray("repairs");
    for (Repair r : a.repairs()) {
      reps.addObject()
          .put("kind", r.kind())
          .put("start", r.start())
          .put("end", r.end())
          .put("before", r.before())
          .put("after", r.after());
    }
    return o;
  }

  static Article fromJson(JsonNode o) {
    List<Repair> repairs = new ArrayList<>();
    for (JsonNode r : o.path("repairs")) {
      repairs.add(
          new Repair(
              r.path("kind").asText(),
              r.path("start").asInt(),
              r.path("end").asInt(),
              r.path("before").asText(),
              r.path("after").asText()));
    }
    return Article.builder(o.path("origin").asText(), o.path("text").asText())
        .id(o.path("id").asText())
        .title(o.path("title").asText(""))
        .url(o.path("url").asText(null))
        .site(o.path("site").asText(null))
        .byline(o.path("byline").asText(null))
        .published(o.hasNonNull("published") ? Instant.parse(o.get("published").asText()) : null)
        .language(o.path("language").asText(null))
        .repairs(repairs)
        .build();
  }
}
