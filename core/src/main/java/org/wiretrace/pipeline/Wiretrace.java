package org.wiretrace.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.wiretrace.index.ArticleIndex;
import org.wiretrace.index.IndexOpenException;
import org.wiretrace.ingest.Article;
import org.wiretrace.ingest.IngestListener;
import org.wiretrace.ingest.Ingestor;
import org.wiretrace.ingest.Skipped;
import org.wiretrace.relate.Relater;
import org.wiretrace.relate.Verdict;
import org.wiretrace.stories.Story;
import org.wiretrace.text.AnalyzedArticle;

/**
 * The Wiretrace pipeline, end to end: ingest, tokenize, find candidate pairs, align and judge them,
 * group stories and families. {@link #scan} is incremental ({@link StoreScanner}): only new or
 * changed articles are analysed, and only their candidate pairs are judged; verdicts and stories
 * are kept in the store, so {@link #report} reads them. Stateless; every call is independent and
 * thread-safe (the store admits one writing process at a time).
 */
public final class Wiretrace {

  private Wiretrace() {}

  /** Reads the inputs and reports stories, families and relations. */
  public static ScanResult scan(ScanOptions options) {
    return scan(options, IngestListener.ignoring());
  }

  /**
   * Reads the inputs and reports stories, families and relations; {@code listener} also hears of
   * every skipped record and warning as it happens, and of every article read.
   */
  public static ScanResult scan(ScanOptions options, IngestListener listener) {
    return scan(
        options,
        listener,
        true,
        (index, store, run) ->
            StoreContents.result(
                index, store.loaded(), store.stories(), run.skipped(), run.read()));
  }

  /**
   * Reads the inputs into the store like {@link #scan} (verdicts, families and stories updated and
   * committed) and returns only the accounting and the store's totals: no article of the store is
   * tokenized again for a report, so the work after the last input does not grow with the texts the
   * store holds; after a scan that only added articles, neither does the story step (it goes by
   * region, {@link RegionStories}).
   */
  public static ScanSummary update(ScanOptions options, IngestListener listener) {
    return traced(options, listener).summary();
  }

  /** A summary, and whether the scan's story step went by region ({@link RegionStories}). */
  record Traced(ScanSummary summary, boolean byRegion) {
    Traced {
      Objects.requireNonNull(summary, "summary");
    }
  }

  /** {@link #update}, telling whether its story step went by region (what tests check). */
  static Traced traced(ScanOptions options, IngestListener listener) {
    return scan(
        options,
        listener,
        false,
        (index, store, run) -> {
          StoryTally tally = store.tally();
          return new Traced(
              new ScanSummary(
                  run.read(),
                  run.added(),
                  run.replaced(),
                  run.unchanged(),
                  run.skipped(),
                  store.articles(),
                  tally.stories(),
                  tally.families(),
                  store.relations()),
              store.byRegion());
        });
  }

  /** What one scan run did: the articles read, how the store took them, what was skipped. */
  private record Run(int read, int added, int replaced, int unchanged, List<Skipped> skipped) {}

  /** What a scan makes of the updated store. */
  @FunctionalInterface
  private interface ScanView<T> {
    T read(ArticleIndex index, ScannedStore store, Run run) throws IOException;
  }

  /** The scan; {@code passages}: whether {@code view} reads the verdicts' alignment passages. */
  private static <T> T scan(
      ScanOptions options, IngestListener listener, boolean passages, ScanView<T> view) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(listener, "listener");
    List<Skipped> skipped = Collections.synchronizedList(new ArrayList<>());
    IngestListener collecting = ((IngestListener) skipped::add).andThen(listener);
    try (ArticleIndex index = openIndex(options.dataDir(), false)) {
      StoreScanner scanner = new StoreScanner(index);
      Set<String> seen = new HashSet<>();
      int[] counts = new int[4]; // added, replaced, unchanged, removed
      boolean[] onlyAdded = {true};
      List<String> added = new ArrayList<>();
      // read on the scanner's background thread, one batch ahead (so is the duplicate check)
      Iterator<Article> distinct =
          new Ingestor(collecting)
              .read(options.inputs())
              .filter(
                  a -> {
                    if (seen.add(a.id())) {
                      return true;
                    }
                    collecting.skipped(
                        new Skipped(a.origin(), "", "duplicate id " + a.id() + " (already read)"));
                    return false;
                  })
              .iterator();
      scanner.scan(
          distinct,
          (batch, r) -> {
            onlyAdded[0] &= tally(r, counts);
            if (onlyAdded[0]) {
              added.addAll(r.fresh());
            }
          });
      index.refresh();
      ScannedStore store = null;
      StoreContents.Loaded loaded = null;
      if (counts[0] + counts[1] + counts[3] == 0) {
        loaded = StoreContents.load(index, passages);
        Optional<List<Story>> stored = StoreContents.storedStories(index, loaded);
        if (stored.isPresent()) {
          store = ScannedStore.of(index, passages, loaded, stored.get()); // nothing to write
        }
      } else if (onlyAdded[0]) {
        // only later articles added: the clusterer state resumes, the stories they touch change
        Optional<StoryTally> tally = RegionStories.update(index, added);
        if (tally.isPresent()) {
          index.commit();
          index.refresh();
          store = ScannedStore.byRegion(index, passages, tally.get());
        }
      }
      if (store == null) {
        if (loaded == null) {
          loaded = StoreContents.load(index, passages);
        }
        // a scan that only added articles resumes the clusterer state the last scan kept
        List<Story> stories = StoreContents.updateStories(index, loaded, onlyAdded[0]);
        index.commit();
        store = ScannedStore.of(index, passages, loaded, stories);
      }
      Run run = new Run(seen.size(), counts[0], counts[1], counts[2], List.copyOf(skipped));
      return view.read(index, store, run);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the store in " + options.dataDir(), e);
    }
  }

  /** Adds a batch's counts to {@code counts}; true when the batch only added articles. */
  private static boolean tally(StoreScanner.BatchResult r, int[] counts) {
    counts[0] += r.added();
    counts[1] += r.replaced();
    counts[2] += r.unchanged();
    counts[3] += r.removed();
    return r.replaced() + r.removed() == 0;
  }

  /**
   * The report for everything the store in {@code dataDir} holds, read from its records: nothing is
   * judged again (the articles' texts are tokenized for the report's alignments).
   */
  public static ScanResult report(Path dataDir) {
    return readStore(
        dataDir,
        true,
        (index, loaded, stories) -> StoreContents.result(index, loaded, stories, List.of(), 0));
  }

  /**
   * The stories stored in {@code dataDir} (largest first), each with its text families: read from
   * the story records, with no text read or tokenized and no alignment passage parsed (rebuilt from
   * the stored verdicts only when the records do not cover the store).
   */
  public static List<Story> stories(Path dataDir) {
    return readStore(dataDir, false, (index, loaded, stories) -> stories);
  }

  /**
   * The stories and judged relations stored in {@code dataDir}, without analysing any article's
   * text: what a long-running reader keeps (the server's view of a store of any size).
   */
  public static StoredJudgements judgements(Path dataDir) {
    return readStore(
        dataDir,
        true,
        (index, loaded, stories) -> new StoredJudgements(stories, loaded.verdicts()));
  }

  /** What a reader makes of an open store, what it holds and its stories. */
  @FunctionalInterface
  private interface StoreView<T> {
    T read(ArticleIndex index, StoreContents.Loaded loaded, List<Story> stories) throws IOException;
  }

  /**
   * Opens the store read-only and hands {@code view} its contents (verdicts with passages or not).
   */
  private static <T> T readStore(Path dataDir, boolean passages, StoreView<T> view) {
    if (!Files.isDirectory(dataDir)) {
      throw new IllegalArgumentException(
          "no Wiretrace store in " + dataDir + " (run 'wiretrace scan' first)");
    }
    try (ArticleIndex index = openIndex(dataDir, true)) {
      StoreContents.Loaded loaded = StoreContents.load(index, passages);
      List<Story> stories =
          StoreContents.storedStories(index, loaded).orElseGet(() -> StoreContents.stories(loaded));
      return view.read(index, loaded, stories);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the store in " + dataDir, e);
    }
  }

  /**
   * Removes articles from the store in {@code dataDir} with every relation that cites them,
   * rebuilds the stories and families of what remains (from the stored verdicts, without aligning),
   * and commits once; returns the ids that were not in the store.
   */
  public static List<String> remove(Path dataDir, List<String> ids) {
    try (ArticleIndex index = openIndex(dataDir, false)) {
      List<String> missing = new ArrayList<>();
      for (String id : ids) {
        if (!index.remove(id)) {
          missing.add(id);
        }
      }
      index.refresh();
      StoreContents.rebuildStories(index, StoreContents.load(index, false));
      index.commit();
      return missing;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the store in " + dataDir, e);
    }
  }

  /** Opens the store, turning a refused index into a message for the user. */
  private static ArticleIndex openIndex(Path dir, boolean readOnly) throws IOException {
    try {
      return readOnly ? ArticleIndex.openReadOnly(dir) : ArticleIndex.open(dir);
    } catch (IndexOpenException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** The relation of {@code b} to {@code a}, with the aligned passages. */
  public static Verdict compare(Article a, Article b) {
    AnalyzedArticle x = AnalyzedArticle.of(a);
    AnalyzedArticle y = AnalyzedArticle.of(b);
    return Relater.standard().judge(x.article(), x.tokens(), y.article(), y.tokens());
  }
}
