package org.wiretrace.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.wiretrace.fingerprint.Fingerprint;
import org.wiretrace.index.ArticleIndex;
import org.wiretrace.index.Candidate;
import org.wiretrace.index.Neighbour;
import org.wiretrace.index.TopicVector;
import org.wiretrace.relate.Relater;
import org.wiretrace.relate.StorySimilarity;
import org.wiretrace.relate.StorySimilarity.TermVector;

/**
 * Finds the stored articles worth judging against a submitted one with two queries to the Lucene
 * store, never touching the rest of it:
 *
 * <ul>
 *   <li><em>reuse</em> candidates from {@link ArticleIndex#candidates(Fingerprint, String, int)}:
 *       LSH band keys for near duplicates (Broder, "On the resemblance and containment of
 *       documents", 1997), sampled shingles for excerpts, and DSpin-style immutable n-grams for
 *       spun copies, re-ranked on the stored fingerprints; those scoring at least {@link
 *       #MIN_REUSE_SCORE} (the scan's own threshold) are read, aligned and judged;
 *   <li><em>same-story</em> candidates from {@link ArticleIndex#nameNeighbours(Fingerprint,
 *       TopicVector, String, int)}: articles naming the same people and places, each with its
 *       stored topic vector (its heaviest content words, {@link TopicVector}). The submitted
 *       article's full content-word vector ({@link StorySimilarity}) against the stored truncated
 *       one gives a lower bound of their cosine without reading the stored text (the rule the scan
 *       applies to same-story pairs in a large store, {@code StoreScanner}). A neighbour whose
 *       bound reaches {@link #EXACT_FROM} is read and its full cosine computed; below, it is
 *       dropped unread. From {@link #JUDGE_SIMILARITY} it is aligned and judged too (a heavily
 *       rewritten copy keeps its names and numbers); from {@link Relater#SAME_STORY_SIMILARITY} it
 *       is reported as the same story from the cosine alone, which is what the full judgement gives
 *       whenever less than a fifth of the shorter text aligns. An article stored without a topic
 *       vector (written by {@code ArticleIndex.put} without one) is always read.
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

  /** Same-story candidates asked of the index (the closest by the names they share). */
  static final int MAX_NAME_NEIGHBOURS = 10;

  /**
   * Truncated similarity from which a name neighbour is read and its full cosine computed: the
   * truncated one is a lower bound, so an article reaching {@link #JUDGE_SIMILARITY} in full may
   * show less (down to 0.22 in a sample of 4,106 neighbours of 420 checks at 60,000 articles; none
   * below this). Below it no text is read and the truncated similarity decides.
   */
  static final double EXACT_FROM = Relater.SAME_STORY_SIMILARITY;

  /** Content-word similarity from which a candidate without shared text is aligned and judged. */
  static final double JUDGE_SIMILARITY = 0.5;

  /** At most this many high-similarity candidates without shared text are judged. */
  static final int MAX_JUDGED_STORY_CANDIDATES = 8;

  /** At most this many same-story articles are reported from their similarity alone. */
  static final int MAX_STORY_ONLY = MAX_NAME_NEIGHBOURS;

  /**
   * The candidates for one submitted article.
   *
   * @param judge the stored articles to align and judge, best first
   * @param storyOnly the ids of the stored articles reported as the same story from their
   *     similarity
   * @param storySimilarity the similarity of each {@code storyOnly} article, in the same order
   */
  record Candidates(List<Prepared> judge, List<String> storyOnly, double[] storySimilarity) {

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
   * load} reads a stored article by id (absent when removed meanwhile), {@code known} tells whether
   * an id is still stored (the index may show a newer commit than the caller's catalogue).
   */
  Candidates candidates(
      Prepared submitted, Function<String, Optional<Prepared>> load, Predicate<String> known)
      throws IOException {
    Fingerprint fp = index.fingerprinter().of(submitted.analyzed().tokens());
    List<Prepared> judge = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (Candidate c : index.candidates(fp, null, MAX_REUSE_CANDIDATES)) {
      if (c.score() >= MIN_REUSE_SCORE && taken.add(c.id())) {
        load.apply(c.id()).ifPresent(judge::add);
      }
    }
    TermVector v = submitted.vector();
    List<Scored> story = new ArrayList<>();
    for (Neighbour n : index.nameNeighbours(fp, query(v), null, MAX_NAME_NEIGHBOURS)) {
      if (!taken.add(n.id())) {
        continue;
      }
      double sim = n.similarity();
      if (n.topic().size() == 0 || sim >= EXACT_FROM) {
        // close enough to matter: the full cosine from the stored text, as the judgement has it
        Optional<Prepared> a = load.apply(n.id());
        if (a.isEmpty()) {
          continue;
        }
        sim = Math.min(1.0, v.cosine(a.get().vector()));
      }
      if (sim >= Relater.SAME_STORY_SIMILARITY && known.test(n.id())) {
        story.add(new Scored(n.id(), sim));
      }
    }
    story.sort(Comparator.comparingDouble(Scored::similarity).reversed().thenComparing(Scored::id));
    int judgedStory = 0;
    int next = 0;
    List<Scored> rest = new ArrayList<>();
    for (; next < story.size(); next++) {
      Scored s = story.get(next);
      if (judgedStory >= MAX_JUDGED_STORY_CANDIDATES || s.similarity() < JUDGE_SIMILARITY) {
        break;
      }
      Optional<Prepared> a = load.apply(s.id());
      if (a.isPresent()) {
        judge.add(a.get());
        judgedStory++;
      }
    }
    for (; next < story.size() && rest.size() < MAX_STORY_ONLY; next++) {
      rest.add(story.get(next));
    }
    List<String> storyOnly = new ArrayList<>(rest.size());
    double[] sims = new double[rest.size()];
    for (int k = 0; k < rest.size(); k++) {
      storyOnly.add(rest.get(k).id());
      sims[k] = rest.get(k).similarity();
    }
    return new Candidates(List.copyOf(judge), List.copyOf(storyOnly), sims);
  }

  /**
   * The submitted article's full content-word vector as a topic vector, so that its dot product
   * with a stored truncated vector is their cosine over the stored terms.
   */
  static TopicVector query(TermVector v) {
    double[] w = v.weights();
    float[] f = new float[w.length];
    for (int i = 0; i < w.length; i++) {
      f[i] = (float) w[i];
    }
    return new TopicVector(v.terms(), f);
  }

  private record Scored(String id, double similarity) {}
}
