package org.wiretrace.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads files and folders (recursively, in a stable order) into articles, choosing the reader by
 * file name: {@code .txt}, {@code .html}/{@code .htm}, {@code .jsonl}/{@code .ndjson}, each
 * optionally gzip-compressed ({@code .gz}). Everything that yields no article is reported to the
 * {@link IngestListener} with its reason; nothing is silently lost. Thread-safe.
 */
public final class Ingestor {

  private final IngestListener listener;

  public Ingestor(IngestListener listener) {
    this.listener = java.util.Objects.requireNonNull(listener, "listener");
  }

  /** All articles of {@code paths}, files and folders, in path order. */
  public Stream<Article> read(List<Path> paths) {
    return paths.stream().flatMap(this::expand).flatMap(this::readFile);
  }

  /** The files under {@code path} (the path itself when it is a file), sorted. */
  private Stream<Path> expand(Path path) {
    if (!Files.exists(path)) {
      listener.skipped(new Skipped(path.toString(), "", "no such file or folder"));
      return Stream.empty();
    }
    if (!Files.isDirectory(path)) {
      return Stream.of(path);
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(path)) {
      walk.filter(p -> !Files.isDirectory(p))
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted(Comparator.comparing(Path::toString))
          .forEach(
              p -> {
                if (Files.isRegularFile(p)) {
                  files.add(p);
                } else {
                  listener.skipped(
                      new Skipped(
                          p.toString(), "", "not a regular file (broken link, device or pipe)"));
                }
              });
    } catch (IOException | UncheckedIOException e) {
      listener.skipped(new Skipped(path.toString(), "", "cannot list folder: " + e.getMessage()));
    }
    return files.stream();
  }

  /** The format of a file, from its name. */
  public enum Format {
    TEXT,
    HTML,
    JSONL,
    UNKNOWN;

    public static Format of(Path file) {
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".gz")) {
        name = name.substring(0, name.length() - 3);
      }
      if (name.endsWith(".txt") || name.endsWith(".text")) {
        return TEXT;
      }
      if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml")) {
        return HTML;
      }
      if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
        return JSONL;
      }
      return UNKNOWN;
    }
  }

  private Stream<Article> readFile(Path file) {
    Format format = Format.of(file);
    if (format == Format.UNKNOWN) {
      listener.skipped(
          new Skipped(file.toString(), "", "unsupported file type (expected .txt, .html, .jsonl)"));
      return Stream.empty();
    }
    if (!Files.isReadable(file)) {
      listener.skipped(new Skipped(file.toString(), "", "file is not readable"));
      return Stream.empty();
    }
    try {
      return switch (format) {
        case TEXT -> TextReader.read(file, readAll(file), listener).stream();
        case HTML -> HtmlReader.read(file, readAll(file), listener).stream();
        case JSONL -> new JsonlReader(file, listener).stream();
        case UNKNOWN -> Stream.empty();
      };
    } catch (IOException e) {
      listener.skipped(new Skipped(file.toString(), "", "cannot read: " + describe(e)));
      return Stream.empty();
    }
  }

  static String describe(IOException e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  /** Opens {@code file}, decompressing gzip when the name ends in {@code .gz}. */
  public static InputStream open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
      return new GZIPInputStream(in, 1 << 16);
    }
    return in;
  }

  static byte[] readAll(Path file) throws IOException {
    try (InputStream in = open(file)) {
      return in.readAllBytes();
    }
  }
}
