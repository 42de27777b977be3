package org.wiretrace.pipeline;

import java.util.List;
import java.util.Optional;
import org.wiretrace.ingest.Skipped;
import org.wiretrace.relate.PairVerdict;
import org.wiretrace.stories.Story;
import org.wiretrace.text.AnalyzedArticle;

/**
 * Everything a scan found: the articles read, the verdicts of the pairs that share text or a story,
 * the stories with their families, the inputs skipped with their reasons, and how many articles
 * this run read from its inputs ({@code ingested}; the store may hold more).
 */
public record ScanResult(
    List<AnalyzedArticle> articles,
    List<PairVerdict> verdicts,
    List<Story> stories,
    List<Skipped> skipped,
    int ingested) {

  public ScanResult {
    articles = List.copyOf(articles);
    verdicts = List.copyOf(verdicts);
    stories = List.copyOf(stories);
    skipped = List.copyOf(skipped);
  }

  /** The article with {@code id}, if read. */
  public Optional<AnalyzedArticle> article(String id) {
    return articles.stream().filter(a -> a.id().equals(id)).findFirst();
  }

  /** The verdict between two articles, in either order, if the pair was judged. */
  public Optional<PairVerdict> verdict(String id1, String id2) {
    return verdicts.stream()
        .filter(v -> v.involves(id1) && v.involves(id2) && !id1.equals(id2))
        .findFirst();
  }
}
