package org.wiretrace.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.wiretrace.index.ArticleIndex;
import org.wiretrace.index.IndexOpenException;
import org.wiretrace.index.StoredArticle;
import org.wiretrace.ingest.Article;
import org.wiretrace.ingest.IngestListener;
import org.wiretrace.ingest.Ingestor;
import org.wiretrace.ingest.Skipped;
import org.wiretrace.relate.PairVerdict;
import org.wiretrace.relate.Relater;
import org.wiretrace.relate.Verdict;
import org.wiretrace.stories.StoryBuilder;
import org.wiretrace.text.AnalyzedArticle;

/**
 * The Wiretrace pipeline, end to end: ingest, tokenize, find candidate pairs, align and judge them,
 * group stories and families. Stateless; every call is independent and thread-safe.
 */
public final class Wiretrace {

  private Wiretrace() {}

  /** Reads the inputs and reports stories, families and relations. */
  public static ScanResult scan(ScanOptions options) {
    return scan(options, IngestListener.ignoring());
  }

  /**
   * Reads the inputs and reports stories, families and relations; {@code listener} also hears of
   * every skipped record and warning as it happens.
   */
  public static ScanResult scan(ScanOptions options, IngestListener listener) {
    Objects.requireNonNull(options, "options");
    List<Skipped> skipped = Collections.synchronizedList(new ArrayList<>());
    IngestListener collecting =
        new IngestListener() {
          @Override
          public void skipped(Skipped s) {
            skipped.add(s);
            listener.skipped(s);
          }

          @Override
          public void warning(String where, String message) {
            listener.warning(where, message);
          }
        };
    try (ArticleIndex index = openIndex(options.dataDir(), false)) {
      Set<String> seen = new HashSet<>();
      new Ingestor(collecting)
          .read(options.inputs())
          .forEach(
              a -> {
                if (seen.add(a.id())) {
                  // unchanged articles are skipped; a changed one replaces its stored version
                  put(index, a);
                } else {
                  collecting.skipped(
                      new Skipped(a.origin(), "", "duplicate id " + a.id() + " (already read)"));
                }
              });
      index.commit();
      return relate(stored(index), skipped, seen.size(), index);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the store in " + options.dataDir(), e);
    }
  }

  /** The report for everything the store in {@code dataDir} holds. */
  public static ScanResult report(Path dataDir) {
    if (!Files.isDirectory(dataDir)) {
      throw new IllegalArgumentException(
          "no Wiretrace store in " + dataDir + " (run 'wiretrace scan' first)");
    }
    try (ArticleIndex index = openIndex(dataDir, true)) {
      return relate(stored(index), List.of(), 0, index);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the store in " + dataDir, e);
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

  private static void put(ArticleIndex index, Article a) {
    try {
      index.put(a);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store " + a.id() + " from " + a.origin(), e);
    }
  }

  /** The stored articles in the order the store first saw them. */
  private static List<Article> stored(ArticleIndex index) throws IOException {
    List<StoredArticle> all = new ArrayList<>();
    index.forEachArticle(all::add);
    all.sort(Comparator.comparingLong(StoredArticle::seq));
    return all.stream().map(StoredArticle::article).toList();
  }

  /** Tokenizes, pairs, judges and groups {@code articles}. */
  static ScanResult relate(Collection<Article> articles, List<Skipped> skipped, int ingested) {
    return relate(articles, skipped, ingested, null);
  }

  /**
   * Tokenizes, pairs, judges and groups {@code articles}; with an {@code index} holding them, the
   * pairs also include each article's index candidates (LSH near duplicates, shared shingles,
   * spin-robust immutables), which find spun copies whose words no longer match.
   */
  static ScanResult relate(
      Collection<Article> articles, List<Skipped> skipped, int ingested, ArticleIndex index) {
    List<AnalyzedArticle> analyzed =
        new ArrayList<>(articles.parallelStream().map(AnalyzedArticle::of).toList());
    analyzed.sort((x, y) -> StoryBuilder.chronological().compare(x.article(), y.article()));
    List<PairVerdict> verdicts = judge(analyzed, index);
    return new ScanResult(
        analyzed, verdicts, StoryBuilder.build(analyzed, verdicts), skipped, ingested);
  }

  /** Verdicts of the candidate pairs that share text or a story, in a stable order. */
  static List<PairVerdict> judge(List<AnalyzedArticle> chronological) {
    return judge(chronological, null);
  }

  /** Verdicts of the candidate pairs, adding the index's candidates when {@code index} is given. */
  static List<PairVerdict> judge(List<AnalyzedArticle> chronological, ArticleIndex index) {
    Relater relater = Relater.standard();
    List<int[]> pairs =
        index == null || CandidatePairs.allPairsFeasible(chronological.size())
            ? CandidatePairs.of(chronological)
            : List.of();
    if (index != null) {
      pairs = IndexCandidates.with(pairs, chronological, index);
    }
    return pairs.parallelStream()
        .map(
            p -> {
              AnalyzedArticle a = chronological.get(p[0]);
              AnalyzedArticle b = chronological.get(p[1]);
              Verdict v = relater.judge(a.article(), a.tokens(), b.article(), b.tokens());
              return new PairVerdict(a.id(), b.id(), v);
            })
        .filter(v -> v.relation() != org.wiretrace.relate.Relation.UNRELATED)
        .toList();
  }

  /** The relation of {@code b} to {@code a}, with the aligned passages. */
  public static Verdict compare(Article a, Article b) {
    AnalyzedArticle x = AnalyzedArticle.of(a);
    AnalyzedArticle y = AnalyzedArticle.of(b);
    return Relater.standard().judge(x.article(), x.tokens(), y.article(), y.tokens());
  }
}
