package org.wiretrace.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.wiretrace.ingest.Article;
import org.wiretrace.pipeline.ScanOptions;
import org.wiretrace.pipeline.ScanResult;
import org.wiretrace.pipeline.Wiretrace;

/**
 * The server's view of the store: the committed {@link Snapshot}, loaded once at start and
 * recomputed after each addition. Readers take {@link #current()} and keep using that snapshot for
 * the whole request, so they see committed state only and never a half-applied addition; additions
 * are serialised by a lock, persisted through {@link Wiretrace#scan} (the store's own atomic write)
 * and published by one volatile write. Thread-safe.
 */
final class StoreState {

  private final Path dataDir;
  private final ReentrantLock writeLock = new ReentrantLock();
  private volatile Snapshot current;

  private StoreState(Path dataDir, Snapshot initial) {
    this.dataDir = dataDir;
    this.current = initial;
  }

  /**
   * Loads the store in {@code dataDir}; a missing or empty folder gives an empty state (the first
   * addition creates the store). A folder holding something else is refused by the store.
   */
  static StoreState load(Path dataDir) {
    Objects.requireNonNull(dataDir, "dataDir");
    if (!Files.isDirectory(dataDir) || isEmpty(dataDir)) {
      return new StoreState(dataDir, Snapshot.empty());
    }
    return new StoreState(dataDir, new Snapshot(Wiretrace.report(dataDir)));
  }

  private static boolean isEmpty(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir, e);
    }
  }

  /** The state after the last committed addition. */
  Snapshot current() {
    return current;
  }

  /**
   * Adds the submitted articles to the store (an article with a stored id replaces it), recomputes
   * relations, stories and families, and publishes the new snapshot.
   *
   * @return the ids of the articles added, in submission order
   */
  List<String> add(Submission submission) {
    List<String> ids = submission.articles().stream().map(Article::id).toList();
    writeLock.lock();
    Path tmp = null;
    try {
      tmp = Files.createTempDirectory("wiretrace-upload-");
      Path file = submission.writeTo(tmp);
      ScanResult result = Wiretrace.scan(new ScanOptions(List.of(file), dataDir));
      current = new Snapshot(result);
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stage the submitted article", e);
    } finally {
      writeLock.unlock();
      if (tmp != null) {
        deleteQuietly(tmp);
      }
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException ignored) {
                  // a leftover temporary file is harmless
                }
              });
    } catch (IOException ignored) {
      // a leftover temporary folder is harmless
    }
  }
}
