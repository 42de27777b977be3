package org.wiretrace.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.wiretrace.fingerprint.SortedSets;
import org.wiretrace.relate.Relater;
import org.wiretrace.relate.StorySimilarity.TermVector;

/**
 * The job stage that proposes the pairs the scan finds by comparing every pair of a small
 * collection (at most {@link ScanOrder#ALL_PAIRS_LIMIT} articles): at least {@link
 * CandidateKeys#MIN_SHARED_GRAMS} shared word trigrams, or a content-term cosine of at least {@link
 * Relater#SAME_STORY_SIMILARITY}, computed with the scan's own arithmetic ({@link
 * SortedSets#intersection}, {@link TermVector#cosine}) on tables of every article's sorted trigram
 * hashes and term vector, broadcast (a few MB at this size). The triangle of pairs is split by
 * rows, a long row with a short one, so tasks get equal work.
 *
 * <p>Why not by key, as for large collections: at this bar the key join does not prune. The term
 * vectors carry no inverse document frequency, so nearly every pair shares some content term, and
 * even with prefix filtering (Bayardo, Ma and Srikant, WWW 2007; the suffix of a unit vector left
 * out must have a norm below 0.2) the first 500 BBC articles shared a posted term in 233,903 pair
 * records for 124,750 pairs: more work than comparing every pair. Stateless.
 */
final class PairwiseStage {

  private PairwiseStage() {}

  /** Unordered candidate pairs (packed by {@link Pairs#unordered}) of the {@code n} articles. */
  static JavaRDD<Long> pairs(
      JavaSparkContext sc, JavaPairRDD<Integer, Features> features, long n, int parts) {
    int size = Math.toIntExact(n);
    long[][] grams = new long[size][];
    long[][] terms = new long[size][];
    double[][] weights = new double[size][];
    for (Features f : features.values().collect()) {
      grams[f.num()] = f.trigrams();
      terms[f.num()] = f.terms();
      weights[f.num()] = f.weights();
    }
    Broadcast<long[][]> gramsB = sc.broadcast(grams);
    Broadcast<long[][]> termsB = sc.broadcast(terms);
    Broadcast<double[][]> weightsB = sc.broadcast(weights);
    List<Integer> rows = new ArrayList<>(size);
    for (int lo = 0, hi = size - 1; lo <= hi; lo++, hi--) {
      rows.add(lo);
      if (hi != lo) {
        rows.add(hi);
      }
    }
    return sc.parallelize(rows, Math.max(1, Math.min(size, parts * 4)))
        .mapPartitions(
            it -> {
              long[][] g = gramsB.value();
              long[][] t = termsB.value();
              double[][] w = weightsB.value();
              List<Long> out = new ArrayList<>();
              while (it.hasNext()) {
                int i = it.next();
                TermVector vi = new TermVector(t[i], w[i]);
                for (int j = i + 1; j < g.length; j++) {
                  if (SortedSets.intersection(g[i], g[j]) >= CandidateKeys.MIN_SHARED_GRAMS
                      || vi.cosine(new TermVector(t[j], w[j])) >= Relater.SAME_STORY_SIMILARITY) {
                    out.add(Pairs.of(i, j));
                  }
                }
              }
              return out.iterator();
            });
  }
}
