package org.wiretrace.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.wiretrace.ingest.Article;
import org.wiretrace.ingest.IngestListener;
import org.wiretrace.ingest.Ingestor;
import org.wiretrace.ingest.JsonlReader;
import org.wiretrace.ingest.Skipped;

/**
 * The articles of files and folders, read one file at a time and JSONL files one record at a time,
 * so that memory does not grow with the size of a corpus file (a flat-mapped stream buffers each
 * file whole when consumed through an iterator).
 */
final class LazyArticles implements Iterable<Article> {
  private final List<Path> paths;
  private final IngestListener listener;

  LazyArticles(List<Path> paths, IngestListener listener) {
    this.paths = List.copyOf(paths);
    this.listener = listener;
  }

  private List<Path> files() {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile)
              .filter(f -> !f.getFileName().toString().startsWith("."))
              .sorted()
              .forEach(files::add);
        } catch (IOException e) {
          listener.skipped(new Skipped(p.toString(), "", "cannot list folder: " + e.getMessage()));
        }
      } else {
        files.add(p);
      }
    }
    return files;
  }

  @Override
  public Iterator<Article> iterator() {
    Iterator<Path> files = files().iterator();
    Ingestor ingestor = new Ingestor(listener);
    return new Iterator<>() {
      private Iterator<Article> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && files.hasNext()) {
          Path f = files.next();
          current =
              Ingestor.Format.of(f) == Ingestor.Format.JSONL && Files.isReadable(f)
                  ? new JsonlReader(f, listener).iterator()
                  : ingestor.read(List.of(f)).iterator();
        }
        return current.hasNext();
      }

      @Override
      public Article next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  Stream<Article> stream() {
    return java.util.stream.StreamSupport.stream(spliterator(), false);
  }
}
