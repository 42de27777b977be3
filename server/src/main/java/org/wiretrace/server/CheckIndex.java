package org.wiretrace.server;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wiretrace.fingerprint.Shingles;
import org.wiretrace.relate.Relater;
import org.wiretrace.relate.StorySimilarity;
import org.wiretrace.relate.StorySimilarity.TermVector;
import org.wiretrace.text.AnalyzedArticle;
import org.wiretrace.text.Tokens;

/**
 * Finds the stored articles worth judging against a submitted one, without comparing it to every
 * article: an inverted index from hashed word trigrams to the articles holding them (reused text
 * shares trigrams, as in the shingling of Broder, "On the resemblance and containment of
 * documents", 1997), plus the content-word vectors of {@link StorySimilarity} for same-story
 * articles and spun copies whose trigrams were broken.
 *
 * <p>A stored article is a <em>reuse</em> candidate, to be aligned and judged, when it shares at
 * least {@link #MIN_SHARED_GRAMS} distinct trigrams and at least {@link #MIN_SHARED_SHARE} of the
 * shorter side's trigrams (a few stock phrases shared by unrelated articles do not make a
 * candidate). Any other article whose content-word cosine reaches {@link
 * Relater#SAME_STORY_SIMILARITY} reports the same story: when its cosine also reaches {@link
 * #JUDGE_SIMILARITY} it is aligned and judged too (a spun copy keeps its names and numbers but
 * loses its trigrams), otherwise it is reported as the same story from the cosine alone, which is
 * what the full judgement gives whenever less than a fifth of the shorter text aligns.
 *
 * <p>This in-memory index serves the stores the server holds in memory (thousands of articles); the
 * Lucene index replaces it for large stores. Immutable after construction; thread-safe.
 */
final class CheckIndex {

  /** Least shared distinct word trigrams for a reuse candidate. */
  static final int MIN_SHARED_GRAMS = 3;

  /** Least share of the shorter side's distinct trigrams shared for a reuse candidate. */
  static final double MIN_SHARED_SHARE = 0.05;

  /** Content-word cosine from which a candidate without shared text is aligned and judged. */
  static final double JUDGE_SIMILARITY = 0.5;

  /** At most this many reuse candidates (most shared trigrams first) are judged. */
  static final int MAX_REUSE_CANDIDATES = 32;

  /** At most this many high-similarity candidates without shared text are judged. */
  static final int MAX_JUDGED_STORY_CANDIDATES = 8;

  /** At most this many same-story articles are reported from their cosine alone. */
  static final int MAX_STORY_ONLY = 16;

  /**
   * The candidates for one submitted article.
   *
   * @param judge indexes of the articles to align and judge, best first
   * @param storyOnly indexes of the articles reported as the same story from their cosine
   * @param storySimilarity the cosine of each {@code storyOnly} article, in the same order
   */
  record Candidates(int[] judge, int[] storyOnly, double[] storySimilarity) {}

  private final Map<Long, int[]> postings;
  private final int[] gramCounts;
  private final Map<Long, TermPostings> termPostings;
  private final int size;

  /** The articles holding one content term, with the term's weight in each (unit vectors). */
  private record TermPostings(int[] docs, double[] weights) {}

  CheckIndex(List<AnalyzedArticle> articles) {
    Map<Long, int[]> lists = new HashMap<>();
    Map<Long, Integer> sizes = new HashMap<>();
    Map<Long, List<double[]>> terms = new HashMap<>();
    size = articles.size();
    gramCounts = new int[size];
    for (int i = 0; i < size; i++) {
      Tokens t = articles.get(i).tokens();
      TermVector vector = StorySimilarity.vector(t);
      for (int k = 0; k < vector.terms().length; k++) {
        terms
            .computeIfAbsent(vector.terms()[k], x -> new ArrayList<>())
            .add(new double[] {i, vector.weights()[k]});
      }
      long[] grams = trigrams(t);
      gramCounts[i] = grams.length;
      for (long g : grams) {
        int n = sizes.merge(g, 1, Integer::sum);
        int[] list = lists.get(g);
        if (list == null) {
          list = new int[2];
          lists.put(g, list);
        } else if (n > list.length) {
          list = Arrays.copyOf(list, list.length * 2);
          lists.put(g, list);
        }
        list[n - 1] = i;
      }
    }
    postings = new HashMap<>(lists.size() * 2);
    lists.forEach((g, list) -> postings.put(g, Arrays.copyOf(list, sizes.get(g))));
    termPostings = new HashMap<>(terms.size() * 2);
    terms.forEach(
        (term, list) -> {
          int[] docs = new int[list.size()];
          double[] weights = new double[list.size()];
          for (int k = 0; k < docs.length; k++) {
            docs[k] = (int) list.get(k)[0];
            weights[k] = list.get(k)[1];
          }
          termPostings.put(term, new TermPostings(docs, weights));
        });
  }

  /**
   * The content-word cosine of {@code v} with every stored article, accumulated over the postings
   * of {@code v}'s terms only (the vectors are unit length, so the dot product is the cosine).
   */
  private double[] cosines(TermVector v) {
    double[] dot = new double[size];
    for (int k = 0; k < v.terms().length; k++) {
      TermPostings p = termPostings.get(v.terms()[k]);
      if (p != null) {
        double w = v.weights()[k];
        for (int j = 0; j < p.docs().length; j++) {
          dot[p.docs()[j]] += w * p.weights()[j];
        }
      }
    }
    return dot;
  }

  /** The stored articles to judge against {@code tokens}, and those only of the same story. */
  Candidates candidates(Tokens tokens) {
    int n = size;
    int[] shared = new int[n];
    long[] grams = trigrams(tokens);
    for (long g : grams) {
      int[] list = postings.get(g);
      if (list != null) {
        for (int i : list) {
          shared[i]++;
        }
      }
    }
    List<int[]> reuse = new ArrayList<>();
    boolean[] isReuse = new boolean[n];
    for (int i = 0; i < n; i++) {
      int need =
          Math.max(
              MIN_SHARED_GRAMS,
              (int) Math.ceil(MIN_SHARED_SHARE * Math.min(grams.length, gramCounts[i])));
      if (shared[i] >= need) {
        reuse.add(new int[] {i, shared[i]});
        isReuse[i] = true;
      }
    }
    reuse.sort((x, y) -> x[1] != y[1] ? Integer.compare(y[1], x[1]) : Integer.compare(x[0], y[0]));
    double[] cosine = cosines(StorySimilarity.vector(tokens));
    List<double[]> story = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!isReuse[i]) {
        double c = Math.min(1.0, cosine[i]);
        if (c >= Relater.SAME_STORY_SIMILARITY) {
          story.add(new double[] {i, c});
        }
      }
    }
    story.sort((x, y) -> x[1] != y[1] ? Double.compare(y[1], x[1]) : Double.compare(x[0], y[0]));
    int r = Math.min(reuse.size(), MAX_REUSE_CANDIDATES);
    int judgedStory = 0;
    while (judgedStory < story.size()
        && judgedStory < MAX_JUDGED_STORY_CANDIDATES
        && story.get(judgedStory)[1] >= JUDGE_SIMILARITY) {
      judgedStory++;
    }
    int[] judge = new int[r + judgedStory];
    for (int k = 0; k < r; k++) {
      judge[k] = reuse.get(k)[0];
    }
    for (int k = 0; k < judgedStory; k++) {
      judge[r + k] = (int) story.get(k)[0];
    }
    int only = Math.min(story.size() - judgedStory, MAX_STORY_ONLY);
    int[] storyOnly = new int[only];
    double[] sims = new double[only];
    for (int k = 0; k < only; k++) {
      storyOnly[k] = (int) story.get(judgedStory + k)[0];
      sims[k] = story.get(judgedStory + k)[1];
    }
    return new Candidates(judge, storyOnly, sims);
  }

  /** Distinct hashed word trigrams of the normalised terms (none for texts under three words). */
  static long[] trigrams(Tokens t) {
    return t.size() < 3 ? new long[0] : Shingles.of(t, 3);
  }
}
