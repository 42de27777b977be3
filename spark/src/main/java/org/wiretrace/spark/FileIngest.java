package org.wiretrace.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.wiretrace.ingest.Article;
import org.wiretrace.ingest.IngestListener;
import org.wiretrace.ingest.Ingestor;
import org.wiretrace.ingest.Skipped;

/**
 * Reads one input file on an executor with the core {@link Ingestor}, so every format, repair and
 * skip rule is the single-machine one. Local files ({@code file:} URIs) are read in place, so their
 * origins and content ids equal those of {@code wiretrace scan} given the same absolute path; files
 * on other Hadoop file systems are copied to a local temporary file of the same name (one file at a
 * time: the bound on local disk is the largest input file) and their articles' origins are
 * rewritten to the remote URI (ids derived from the origin are derived again). Stateless.
 */
final class FileIngest implements Serializable {
  private static final long serialVersionUID = 1L;

  /** An article or a skipped record. */
  record Item(ArticleRow article, SkippedRow skipped) implements Serializable {}

  private FileIngest() {}

  /** The articles and skipped records of the file at {@code uri}. */
  static List<Item> read(String uri, Configuration conf) {
    List<Item> out = new ArrayList<>();
    IngestListener listener =
        new IngestListener() {
          @Override
          public void skipped(Skipped s) {
            out.add(new Item(null, SkippedRow.of(s)));
          }
        };
    URI u = URI.create(uri);
    if (u.getScheme() == null || "file".equals(u.getScheme())) {
      Path local = u.getScheme() == null ? Path.of(uri) : Path.of(u);
      new Ingestor(listener).read(List.of(local)).forEach(a -> out.add(item(a)));
      return out;
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("wiretrace-ingest");
      org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(u);
      Path local = dir.resolve(remote.getName());
      try (InputStream in = FileSystem.get(u, conf).open(remote)) {
        Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
      }
      String tmp = local.toString();
      new Ingestor(listener)
          .read(List.of(local))
          .forEach(a -> out.add(item(reorigin(a, tmp, uri))));
      for (int i = 0; i < out.size(); i++) {
        SkippedRow s = out.get(i).skipped();
        if (s != null && s.path().startsWith(tmp)) {
          out.set(
              i,
              new Item(
                  null,
                  new SkippedRow(uri + s.path().substring(tmp.length()), s.locator(), s.reason())));
        }
      }
      return out;
    } catch (IOException e) {
      out.add(new Item(null, new SkippedRow(uri, "", "cannot read: " + e.getMessage())));
      return out;
    } finally {
      if (dir != null) {
        delete(dir);
      }
    }
  }

  private static Item item(Article a) {
    return new Item(ArticleRow.of(a), null);
  }

  /** {@code a} with its origin's temporary prefix replaced by the remote URI. */
  private static Article reorigin(Article a, String tmp, String uri) {
    if (!a.origin().startsWith(tmp)) {
      return a;
    }
    String origin = uri + a.origin().substring(tmp.length());
    String id =
        a.id().equals(Article.contentId(a.origin(), a.text()))
            ? Article.contentId(origin, a.text())
            : a.id();
    return new Article(
        id,
        origin,
        a.title(),
        a.text(),
        a.url(),
        a.site(),
        a.byline(),
        a.published(),
        a.language(),
        a.repairs());
  }

  private static void delete(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted((x, y) -> y.compareTo(x)).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
