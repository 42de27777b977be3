package org.wiretrace.ingest;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;

/**
 * Reads files and folders (recursively, in a stable order) into articles, choosing the reader by
 * file name: {@code .txt}, {@code .html}/{@code .htm}, {@code .jsonl}/{@code .ndjson}, {@code
 * .warc}, and feeds ({@code .xml}, {@code .rss}, {@code .atom}), each optionally gzip-compressed
 * ({@code .gz}). Everything that yields no article is reported to the {@link IngestListener} with
 * its file and record; every article handed out is reported through {@link
 * IngestListener#ingested(Article)}, so an {@link IngestSummary.Counter} accounts for every record.
 *
 * <p>Feeds are read first: their link-only items ({@link FeedReader.LinkItem}) are matched by URL
 * to the pages (HTML files, WARC records) of the same run, which take the item's title, date and
 * author where the page has none; items whose page never comes are reported at the end. Each {@link
 * #read(List)} call is independent; not for concurrent use of one returned stream.
 */
public final class Ingestor {

  private final IngestListener listener;

  public Ingestor(IngestListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** All articles of {@code paths}, files and folders: feeds first, then the rest in path order. */
  public Stream<Article> read(List<Path> paths) {
    List<Path> given = List.copyOf(paths);
    Map<String, FeedReader.LinkItem> pending = new ConcurrentHashMap<>();
    Stream<Path> files =
        Stream.of(given)
            .flatMap(
                ps -> {
                  List<Path> all = new ArrayList<>();
                  ps.forEach(p -> expand(p).forEach(all::add));
                  List<Path> ordered = new ArrayList<>();
                  all.stream().filter(p -> Format.of(p) == Format.FEED).forEach(ordered::add);
                  all.stream().filter(p -> Format.of(p) != Format.FEED).forEach(ordered::add);
                  return ordered.stream();
                });
    Stream<Article> unmatched =
        Stream.of(pending)
            .flatMap(
                m -> {
                  m.values().stream()
                      .sorted(Comparator.comparing(FeedReader.LinkItem::origin))
                      .forEach(
                          item ->
                              listener.skipped(
                                  new Skipped(
                                      item.origin(),
                                      "",
                                      "link-only feed item: page not given in this run: "
                                          + item.link())));
                  m.clear();
                  return Stream.empty();
                });
    return Stream.concat(
            files.flatMap(f -> readFile(f, pending)).map(a -> merge(a, pending)), unmatched)
        .peek(listener::ingested);
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
    WARC,
    FEED,
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
      if (name.endsWith(".warc")) {
        return WARC;
      }
      if (name.endsWith(".xml")
          || name.endsWith(".rss")
          || name.endsWith(".atom")
          || name.endsWith(".rdf")) {
        return FEED;
      }
      return UNKNOWN;
    }
  }

  private Stream<Article> readFile(Path file, Map<String, FeedReader.LinkItem> pending) {
    Format format = Format.of(file);
    String where = file.toString();
    if (format == Format.UNKNOWN) {
      listener.skipped(
          new Skipped(
              where,
              "",
              "unsupported file type (expected .txt, .html, .jsonl, .warc, .xml/.rss/.atom)"));
      return Stream.empty();
    }
    if (!Files.isReadable(file)) {
      listener.skipped(new Skipped(where, "", "file is not readable"));
      return Stream.empty();
    }
    try {
      return switch (format) {
        case TEXT -> TextReader.read(file, readAll(file), listener).stream();
        case HTML -> HtmlReader.read(file, readAll(file), listener).stream();
        case JSONL -> guarded(file, new JsonlReader(file, listener));
        case WARC -> guarded(file, new WarcReader(file, listener));
        case FEED -> {
          FeedReader.Items items = FeedReader.read(file, readAll(file), listener);
          items.links().forEach(l -> register(l, pending));
          yield items.articles().stream();
        }
        case UNKNOWN -> Stream.empty();
      };
    } catch (TruncatedGzip e) {
      listener.skipped(
          new Skipped(
              where,
              "offset " + e.offset,
              "cannot read: truncated gzip, input ends after " + e.offset + " decompressed bytes"));
    } catch (IOException e) {
      listener.skipped(new Skipped(where, "", "cannot read: " + describe(e)));
    } catch (RuntimeException e) {
      listener.skipped(new Skipped(where, "", "reader failed: " + describe(e)));
    }
    return Stream.empty();
  }

  private void register(FeedReader.LinkItem item, Map<String, FeedReader.LinkItem> pending) {
    FeedReader.LinkItem old = pending.putIfAbsent(UrlKey.of(item.link()), item);
    if (old != null) {
      listener.skipped(
          new Skipped(
              item.origin(), "", "duplicate feed item of " + old.origin() + ": " + item.link()));
    }
  }

  /** A page that a pending feed item links to takes the item's metadata where it has none. */
  private Article merge(Article a, Map<String, FeedReader.LinkItem> pending) {
    if (pending.isEmpty() || a.url().isEmpty()) {
      return a;
    }
    FeedReader.LinkItem item = pending.remove(UrlKey.of(a.url().get()));
    if (item == null) {
      return a;
    }
    listener.skipped(
        new Skipped(item.origin(), "", "feed item merged into its page: " + a.origin()));
    return new Article(
        a.id(),
        a.origin(),
        a.title().isBlank() ? item.title() : a.title(),
        a.text(),
        a.url(),
        a.site(),
        a.byline().or(item::byline),
        a.published().or(item::published),
        a.language(),
        a.repairs());
  }

  /** The articles of a lazy source; a reader failure ends that file with a report. */
  private Stream<Article> guarded(Path file, ArticleSource source) {
    Iterator<Article> it;
    try {
      it = source.iterator();
    } catch (RuntimeException e) {
      listener.skipped(new Skipped(file.toString(), "", "reader failed: " + describe(e)));
      return Stream.empty();
    }
    Iterator<Article> safe =
        new Iterator<>() {
          private boolean failed;

          @Override
          public boolean hasNext() {
            if (failed) {
              return false;
            }
            try {
              return it.hasNext();
            } catch (RuntimeException e) {
              failed = true;
              listener.skipped(
                  new Skipped(file.toString(), "", "reader failed, rest of file: " + describe(e)));
              return false;
            }
          }

          @Override
          public Article next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return it.next();
          }
        };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(safe, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  static String describe(Exception e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName()
        + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
  }

  /** Opens {@code file}, decompressing gzip when the name ends in {@code .gz}. */
  public static InputStream open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
      try {
        return new GZIPInputStream(in, 1 << 16);
      } catch (IOException e) {
        in.close();
        throw e;
      }
    }
    return in;
  }

  /** A gzip stream that ended before its trailer. */
  static final class TruncatedGzip extends IOException {
    final long offset;

    TruncatedGzip(long offset, EOFException cause) {
      super("truncated gzip after " + offset + " bytes", cause);
      this.offset = offset;
    }
  }

  static byte[] readAll(Path file) throws IOException {
    try (InputStream in = open(file)) {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      byte[] buf = new byte[1 << 16];
      long total = 0;
      while (true) {
        int n;
        try {
          n = in.read(buf);
        } catch (EOFException e) {
          throw new TruncatedGzip(total, e);
        }
        if (n < 0) {
          return out.toByteArray();
        }
        out.write(buf, 0, n);
        total += n;
        if (total > (long) Integer.MAX_VALUE - (1 << 16)) {
          throw new IOException("file too large to read whole");
        }
      }
    }
  }

  /** Page addresses normalised for matching feed links to pages. */
  static final class UrlKey {
    private UrlKey() {}

    static String of(String url) {
      String u = url.strip();
      int hash = u.indexOf('#');
      if (hash >= 0) {
        u = u.substring(0, hash);
      }
      u = u.replaceFirst("(?i)^https?://", "").replaceFirst("(?i)^www\\.", "");
      int q = u.indexOf('?');
      String query = q < 0 ? "" : u.substring(q + 1);
      String rest = q < 0 ? u : u.substring(0, q);
      List<String> keep = new ArrayList<>();
      for (String kv : query.split("&")) {
        if (!kv.isEmpty() && !kv.toLowerCase(Locale.ROOT).startsWith("utm_")) {
          keep.add(kv);
        }
      }
      int slash = rest.indexOf('/');
      String host = slash < 0 ? rest : rest.substring(0, slash);
      String pathPart = slash < 0 ? "" : rest.substring(slash);
      while (pathPart.endsWith("/")) {
        pathPart = pathPart.substring(0, pathPart.length() - 1);
      }
      return host.toLowerCase(Locale.ROOT)
          + pathPart
          + (keep.isEmpty() ? "" : "?" + String.join("&", keep));
    }
  }
}
