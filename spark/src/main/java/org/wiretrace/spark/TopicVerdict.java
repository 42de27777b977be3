package org.wiretrace.spark;

import java.time.Instant;
import org.wiretrace.align.Alignment;
import org.wiretrace.index.TopicVector;
import org.wiretrace.ingest.Article;
import org.wiretrace.relate.Relater;
import org.wiretrace.relate.Relation;
import org.wiretrace.relate.StorySimilarity;
import org.wiretrace.relate.StorySimilarity.TermVector;
import org.wiretrace.relate.Verdict;
import org.wiretrace.report.ReportJson;
import org.wiretrace.text.AnalyzedArticle;

/**
 * The verdict the scan gives a pair found by topic alone ({@code StoreScanner.storyVerdict}):
 * {@link Relation#SAME_STORY} when the cosine of the proposing article's full content vector with
 * the neighbour's stored truncated topic vector reaches {@link Relater#SAME_STORY_SIMILARITY}, with
 * no aligned passage; the earlier article first (publication, undated last, then id), the
 * neighbour's date read as the index keeps it (epoch milliseconds). Keeps the content vectors of
 * the articles it last judged (least recently used first out); not thread-safe (one per task).
 */
final class TopicVerdict {
  private final java.util.Map<String, TermVector> vectors;

  /** A judge keeping the content vectors of at most {@code capacity} articles. */
  TopicVerdict(int capacity) {
    vectors =
        new java.util.LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(java.util.Map.Entry<String, TermVector> e) {
            return size() > capacity;
          }
        };
  }

  private TermVector vector(AnalyzedArticle x) {
    return vectors.computeIfAbsent(x.id(), id -> StorySimilarity.vector(x.tokens()));
  }

  /** The edge of {@code proposer} and its topic neighbour, or null when unrelated. */
  Edge of(AnalyzedArticle proposer, AnalyzedArticle neighbour) {
    Article a = proposer.article();
    Article other = neighbour.article();
    TermVector story = vector(proposer);
    TermVector full = vector(neighbour);
    TopicVector topic = TopicVector.of(full.terms(), full.weights(), TopicVector.DEFAULT_TERMS);
    double sim = topic.dot(story.terms(), story.weights());
    if (sim < Relater.SAME_STORY_SIMILARITY) {
      return null;
    }
    Instant ta = a.published().orElse(Instant.MAX);
    Instant tb =
        other.published().map(p -> Instant.ofEpochMilli(p.toEpochMilli())).orElse(Instant.MAX);
    int c = ta.compareTo(tb);
    boolean aFirst = c < 0 || c == 0 && a.id().compareTo(other.id()) <= 0;
    Article first = aFirst ? a : other;
    Article second = aFirst ? other : a;
    Verdict v =
        new Verdict(Relation.SAME_STORY, 0, 0, sim, Alignment.none(first.chars(), second.chars()));
    return Edge.of(
        first.id(), second.id(), v, ReportJson.compare(first, second, v, false).toString());
  }
}
