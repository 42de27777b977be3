package org.wiretrace.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
    SnapshotStore store = new SnapshotStore(options.dataDir());
    Map<String, Article> all = new LinkedHashMap<>();
    store.load().forEach(a -> all.put(a.id(), a));
    Set<String> seen = new HashSet<>();
    new Ingestor(collecting)
        .read(options.inputs())
        .forEach(
            a -> {
              if (seen.add(a.id())) {
                all.put(a.id(), a); // a re-ingested article replaces its stored version
              } else {
                collecting.skipped(
                    new Skipped(a.origin(), "", "duplicate id " + a.id() + " (already read)"));
              }
            });
    store.save(all.values());
    return relate(all.values(), skipped, seen.size());
  }

  /** The report for everything the store in {@code dataDir} holds. */
  public static ScanResult report(Path dataDir) {
    SnapshotStore store = new SnapshotStore(dataDir);
    if (!store.exists()) {
      throw new IllegalArgumentException(
          "no Wiretrace store in " + dataDir + " (run 'wiretrace scan' first)");
    }
    return relate(store.load(), List.of(), 0);
  }

  /** Tokenizes, pairs, judges and groups {@code articles}. */
  static ScanResult relate(Collection<Article> articles, List<Skipped> skipped, int ingested) {
    List<AnalyzedArticle> analyzed =
        new ArrayList<>(articles.parallelStream().map(AnalyzedArticle::of).toList());
    analyzed.sort((x, y) -> StoryBuilder.chronological().compare(x.article(), y.article()));
    List<PairVerdict> verdicts = judge(analyzed);
    return new ScanResult(
        analyzed, verdicts, StoryBuilder.build(analyzed, verdicts), skipped, ingested);
  }

  /** Verdicts of the candidate pairs that share text or a story, in a stable order. */
  static List<PairVerdict> judge(List<AnalyzedArticle> chronological) {
    Relater relater = Relater.standard();
    return CandidatePairs.of(chronological).parallelStream()
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
