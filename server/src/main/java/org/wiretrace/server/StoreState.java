package org.wiretrace.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wiretrace.index.ArticleIndex;
import org.wiretrace.index.IndexOpenException;
import org.wiretrace.ingest.Article;
import org.wiretrace.ingest.IngestListener;
import org.wiretrace.pipeline.ScanOptions;
import org.wiretrace.pipeline.Wiretrace;

/**
 * The server's view of the store: the Lucene store opened read-only (so it sees committed state
 * only) and the committed {@link Snapshot}. Loading reads only the articles' metadata; texts stay
 * in the store. The stories, families and relations are computed with the pipeline's report at
 * start and after each addition, synchronously for stores of up to {@link #SYNC_DERIVE_LIMIT}
 * articles and in the background beyond, so a large store is served (articles, checks) at once.
 * Additions are serialised by a lock, persisted through {@link Wiretrace#update} (the store's own
 * atomic commit; no stored text is read again), after which the reader moves to the new commit and
 * the new snapshot is published by one volatile write. Thread-safe.
 */
final class StoreState implements AutoCloseable {

  /** Stores up to this many articles have their stories computed before serving starts. */
  static final int SYNC_DERIVE_LIMIT = 3_000;

  private static final Logger LOG = LoggerFactory.getLogger(StoreState.class);

  private final Path dataDir;
  private final ReentrantLock writeLock = new ReentrantLock();

  /** Derivations started; only the latest one is computed. */
  private final AtomicLong generation = new AtomicLong();

  private final ExecutorService background =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "wiretrace-stories");
            t.setDaemon(true);
            return t;
          });
  private volatile ArticleIndex index;
  private volatile Snapshot current;

  private StoreState(Path dataDir) {
    this.dataDir = dataDir;
    this.current = Snapshot.empty();
  }

  /**
   * Opens the store in {@code dataDir}; a missing or empty folder gives an empty state (the first
   * addition creates the store). A folder holding something else is refused by the store.
   */
  static StoreState load(Path dataDir) {
    return load(dataDir, true);
  }

  /**
   * Opens the store in {@code dataDir}; without {@code stories}, stories, families and relations
   * are not computed until an addition recomputes them.
   */
  static StoreState load(Path dataDir, boolean stories) {
    Objects.requireNonNull(dataDir, "dataDir");
    StoreState s = new StoreState(dataDir);
    if (!Files.isDirectory(dataDir) || isEmpty(dataDir)) {
      return s;
    }
    try {
      s.index = open(dataDir);
      Catalogue catalogue = Catalogue.of(s.index);
      CompletableFuture<Derived> derived;
      if (!stories) {
        derived =
            CompletableFuture.failedFuture(
                new ApiException(
                    503,
                    "this server was started without stories (--no-stories): articles, search"
                        + " and checks are served, stories, families and relations are not"));
      } else {
        derived = s.derivation(catalogue.size());
      }
      s.current = new Snapshot(s.index, catalogue, derived);
      return s;
    } catch (IOException e) {
      s.close();
      throw new UncheckedIOException("cannot read the store in " + dataDir, e);
    } catch (RuntimeException e) {
      s.close();
      throw e;
    }
  }

  private static ArticleIndex open(Path dataDir) throws IOException {
    try {
      return ArticleIndex.openReadOnly(dataDir);
    } catch (IndexOpenException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /**
   * The stories, families and relations of the store as committed now ({@code articles} articles):
   * computed at once up to {@link #SYNC_DERIVE_LIMIT} articles, else on the background thread,
   * where a derivation that a later addition superseded before it started is skipped (a reader of
   * its snapshot is told to retry), so that additions in quick succession do not queue up passes
   * over a large store.
   */
  private CompletableFuture<Derived> derivation(int articles) {
    long mine = generation.incrementAndGet();
    if (articles <= SYNC_DERIVE_LIMIT) {
      return CompletableFuture.completedFuture(derive(dataDir));
    }
    return CompletableFuture.supplyAsync(
        () -> {
          if (generation.get() != mine) {
            throw new ApiException(
                503, "the store changed while its stories were being computed; retry");
          }
          return deriveLogged(dataDir);
        },
        background);
  }

  private static Derived derive(Path dataDir) {
    return Derived.of(Wiretrace.judgements(dataDir));
  }

  private static Derived deriveLogged(Path dataDir) {
    long t0 = System.nanoTime();
    try {
      Derived d = derive(dataDir);
      LOG.warn(
          "stories, families and relations ready after {} s",
          (System.nanoTime() - t0) / 1_000_000_000L);
      return d;
    } catch (RuntimeException | Error e) {
      LOG.error("computing stories failed", e);
      throw e;
    }
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
      // the store is updated and committed; no stored text is read again for a report
      Wiretrace.update(new ScanOptions(List.of(file), dataDir), IngestListener.ignoring());
      if (index == null) {
        index = open(dataDir);
      } else {
        index.refresh();
      }
      Catalogue catalogue = Catalogue.of(index);
      current = new Snapshot(index, catalogue, derivation(catalogue.size()));
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot add the submitted article to " + dataDir, e);
    } finally {
      writeLock.unlock();
      if (tmp != null) {
        deleteQuietly(tmp);
      }
    }
  }

  @Override
  public void close() {
    background.shutdownNow();
    ArticleIndex i = index;
    if (i != null) {
      try {
        i.close();
      } catch (IOException e) {
        LOG.warn("closing the store: {}", e.toString());
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
