package org.wiretrace.server;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * articles and spun copies whose trigrams were broken. The same criteria as the scan's candidate
 * pairs: at least {@link #MIN_SHARED_GRAMS} shared trigrams, or a cosine of at least {@link
 * Relater#SAME_STORY_SIMILARITY}.
 *
 * <p>This in-memory index serves the stores the server holds in memory (thousands of articles); the
 * Lucene index replaces it for large stores. Immutable after construction; thread-safe.
 */
final class CheckIndex {

  /** Shared distinct word trigrams that make a stored article a reuse candidate. */
  static final int MIN_SHARED_GRAMS = 3;

  /** At most this many reuse candidates (most shared trigrams first) are judged. */
  static final int MAX_REUSE_CANDIDATES = 64;

  /** At most this many same-story candidates (highest cosine first) are judged. */
  static final int MAX_STORY_CANDIDATES = 16;

  private final Map<Long, int[]> postings;
  private final TermVector[] vectors;

  CheckIndex(List<AnalyzedArticle> articles) {
    Map<Long, int[]> lists = new HashMap<>();
    Map<Long, Integer> sizes = new HashMap<>();
    vectors = new TermVector[articles.size()];
    for (int i = 0; i < articles.size(); i++) {
      Tokens t = articles.get(i).tokens();
      vectors[i] = StorySimilarity.vector(t);
      for (long g : trigrams(t)) {
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
  }

  /**
   * Indexes (into the list given at construction) of the articles worth judging against {@code
   * tokens}: reuse candidates first, most shared trigrams first, then same-story candidates.
   */
  int[] candidates(Tokens tokens) {
    int n = vectors.length;
    int[] shared = new int[n];
    for (long g : trigrams(tokens)) {
      int[] list = postings.get(g);
      if (list != null) {
        for (int i : list) {
          shared[i]++;
        }
      }
    }
    List<int[]> reuse = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (shared[i] >= MIN_SHARED_GRAMS) {
        reuse.add(new int[] {i, shared[i]});
      }
    }
    reuse.sort((x, y) -> x[1] != y[1] ? Integer.compare(y[1], x[1]) : Integer.compare(x[0], y[0]));
    TermVector v = StorySimilarity.vector(tokens);
    List<double[]> story = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (shared[i] < MIN_SHARED_GRAMS) {
        double c = v.cosine(vectors[i]);
        if (c >= Relater.SAME_STORY_SIMILARITY) {
          story.add(new double[] {i, c});
        }
      }
    }
    story.sort((x, y) -> x[1] != y[1] ? Double.compare(y[1], x[1]) : Double.compare(x[0], y[0]));
    int r = Math.min(reuse.size(), MAX_REUSE_CANDIDATES);
    int s = Math.min(story.size(), MAX_STORY_CANDIDATES);
    int[] out = new int[r + s];
    for (int k = 0; k < r; k++) {
      out[k] = reuse.get(k)[0];
    }
    for (int k = 0; k < s; k++) {
      out[r + k] = (int) story.get(k)[0];
    }
    return out;
  }

  /** Distinct hashed word trigrams of the normalised terms. */
  static long[] trigrams(Tokens t) {
    if (t.size() < 3) {
      return new long[0];
    }
    long[] g = new long[t.size() - 2];
    for (int i = 0; i + 2 < t.size(); i++) {
      long h = t.term(i).hashCode();
      h = h * 0x9E3779B97F4A7C15L + t.term(i + 1).hashCode();
      h = h * 0x9E3779B97F4A7C15L + t.term(i + 2).hashCode();
      g[i] = h;
    }
    Arrays.sort(g);
    int k = 0;
    for (int i = 0; i < g.length; i++) {
      if (i == 0 || g[i] != g[i - 1]) {
        g[k++] = g[i];
      }
    }
    return Arrays.copyOf(g, k);
  }
}
