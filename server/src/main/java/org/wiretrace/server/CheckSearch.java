package org.wiretrace.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.wiretrace.fingerprint.Fingerprint;
import org.wiretrace.index.ArticleIndex;
import org.wiretrace.index.Candidate;
import org.wiretrace.relate.Relater;
import org.wiretrace.relate.StorySimilarity;
import org.wiretrace.relate.StorySimilarity.TermVector;
import org.wiretrace.text.AnalyzedArticle;

/**
 * Finds the stored articles worth judging against a submitted one with two queries to the Lucene
 * store, never touching the rest of it:
 *
 * <ul>
 *   <li><em>reuse</em> candidates from {@link ArticleIndex#candidates(Fingerprint, String, int)}:
 *       LSH band keys for near duplicates (Broder, "On the resemblance and containment of
 *       documents", 1997), sampled shingles for excerpts, and DSpin-style immutable n-grams for
 *       spun copies, re-ranked on the stored fingerprints; those scoring at least {@link
 *       #MIN_REUSE_SCORE} (the scan's own threshold) are aligned and judged;
 *   <li><em>same-story</em> candidates from {@link ArticleIndex#nameNeighbours}: articles naming
 *       the same people and places. Their content-word cosine ({@link StorySimilarity}) is computed
 *       from their stored text: from {@link #JUDGE_SIMILARITY} they are aligned and judged too (a
 *       heavily rewritten copy keeps its names and numbers), from {@link
 *       Relater#SAME_STORY_SIMILARITY} they are reported as the same story from the cosine alone,
 *       which is what the full judgement gives whenever less than a fifth of the shorter text
 *       aligns.
 * </ul>
 *
 * <p>The work per check is bounded by the constants below, whatever the store's size. Stateless
 * apart from the index it reads; thread-safe.
 */
final class CheckSearch {

  /** Reuse candidates asked of the index. */
  static final int MAX_REUSE_CANDIDATES = 20;

  /** Reuse candidates scoring below this are not judged (the scan's threshold). */
  static final double MIN_REUSE_SCORE = 0.3;

  /**
   * Same-story candidates asked of the index; each is read and tokenized to compute its cosine, the
   * largest cost of a check, so only the closest by names are.
   */
  static final int MAX_NAME_NEIGHBOURS = 10;

  /** Content-word cosine from which a candidate without shared text is aligned and judged. */
  static final double JUDGE_SIMILARITY = 0.5;

  /** At most this many high-similarity candidates without shared text are judged. */
  static final int MAX_JUDGED_STORY_CANDIDATES = 8;

  /** At most this many same-story articles are reported from their cosine alone. */
  static final int MAX_STORY_ONLY = MAX_NAME_NEIGHBOURS;

  /**
   * The candidates for one submitted article.
   *
   * @param judge the stored articles to align and judge, best first
   * @param storyOnly the stored articles reported as the same story from their cosine
   * @param storySimilarity the cosine of each {@code storyOnly} article, in the same order
   */
  record Candidates(
      List<AnalyzedArticle> judge, List<AnalyzedArticle> storyOnly, double[] storySimilarity) {

    static final Candidates NONE = new Candidates(List.of(), List.of(), new double[0]);

    int size() {
      return judge.size() + storyOnly.size();
    }
  }

  private final ArticleIndex index;

  CheckSearch(ArticleIndex index) {
    this.index = index;
  }

  /**
   * The stored articles to judge against {@code submitted}, and those only of its story; {@code
   * load} reads a stored article by id (absent when removed meanwhile).
   */
  Candidates candidates(AnalyzedArticle submitted, Function<String, Optional<AnalyzedArticle>> load)
      throws IOException {
    Fingerprint fp = index.fingerprinter().of(submitted.tokens());
    List<AnalyzedArticle> judge = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (Candidate c : index.candidates(fp, null, MAX_REUSE_CANDIDATES)) {
      if (c.score() >= MIN_REUSE_SCORE && taken.add(c.id())) {
        load.apply(c.id()).ifPresent(judge::add);
      }
    }
    TermVector v = StorySimilarity.vector(submitted.tokens());
    List<Scored> story = new ArrayList<>();
    for (Candidate c : index.nameNeighbours(fp, null, MAX_NAME_NEIGHBOURS)) {
      if (!taken.add(c.id())) {
        continue;
      }
      Optional<AnalyzedArticle> a = load.apply(c.id());
      if (a.isPresent()) {
        double cos = Math.min(1.0, v.cosine(StorySimilarity.vector(a.get().tokens())));
        if (cos >= Relater.SAME_STORY_SIMILARITY) {
          story.add(new Scored(a.get(), cos));
        }
      }
    }
    story.sort(
        Comparator.comparingDouble(Scored::similarity)
            .reversed()
            .thenComparing(s -> s.article().id()));
    int judgedStory = 0;
    while (judgedStory < story.size()
        && judgedStory < MAX_JUDGED_STORY_CANDIDATES
        && story.get(judgedStory).similarity() >= JUDGE_SIMILARITY) {
      judge.add(story.get(judgedStory++).article());
    }
    int only = Math.min(story.size() - judgedStory, MAX_STORY_ONLY);
    List<AnalyzedArticle> storyOnly = new ArrayList<>(only);
    double[] sims = new double[only];
    for (int k = 0; k < only; k++) {
      storyOnly.add(story.get(judgedStory + k).article());
      sims[k] = story.get(judgedStory + k).similarity();
    }
    return new Candidates(List.copyOf(judge), List.copyOf(storyOnly), sims);
  }

  private record Scored(AnalyzedArticle article, double similarity) {}
}
