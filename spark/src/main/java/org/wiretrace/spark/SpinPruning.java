package org.wiretrace.spark;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.wiretrace.fingerprint.SpinFeatures;
import org.wiretrace.index.ArticleIndex;
import scala.Tuple2;

/**
 * Which indexed immutable n-grams ({@link SpinFeatures#indexedGrams}) the scan leaves out of an
 * article's candidate query: those held by more than {@link ScanOrder#maxDf} ({@link
 * ArticleIndex#MAX_TERM_SHARE}) of the articles stored when its batch is searched. Only grams held
 * by more than {@link ArticleIndex#MIN_PRUNE_DF} articles in all can be left out; for those the job
 * counts holders per batch (two small shuffles, map-side combined) and keeps the cumulative counts.
 * Which grams are queried must be known before the postings are emitted, because an article queries
 * its first {@link ArticleIndex#QUERY_TERMS} grams that are not left out. Immutable and
 * thread-safe.
 *
 * @param order the scan's order
 * @param cumulative per common gram, the articles holding it among batches 0..k, by k
 */
record SpinPruning(ScanOrder order, Map<Integer, int[]> cumulative) implements Serializable {

  /** The counts of {@code features}, numbered articles with positions {@code positions}. */
  static SpinPruning of(
      JavaSparkContext sc,
      JavaPairRDD<Integer, Features> features,
      ScanOrder order,
      Broadcast<int[]> positions,
      int parts) {
    List<Integer> common =
        features
            .flatMapToPair(
                f -> {
                  int[] grams = f._2().fingerprint().indexedSpinGrams();
                  List<Tuple2<Integer, Integer>> out = new java.util.ArrayList<>(grams.length);
                  for (int g : grams) {
                    out.add(new Tuple2<>(g, 1));
                  }
                  return out.iterator();
                })
            .reduceByKey(Integer::sum, parts)
            .filter(g -> g._2() > ArticleIndex.MIN_PRUNE_DF)
            .keys()
            .collect();
    Map<Integer, int[]> cumulative = new HashMap<>();
    if (!common.isEmpty()) {
      Broadcast<java.util.Set<Integer>> commonB = sc.broadcast(new java.util.HashSet<>(common));
      int batches = order.batches();
      List<Tuple2<Integer, int[]>> counts =
          features
              .flatMapToPair(
                  f -> {
                    java.util.Set<Integer> c = commonB.value();
                    int batch = ScanOrder.batch(positions.value()[f._1()]);
                    List<Tuple2<Integer, Integer>> out = new java.util.ArrayList<>();
                    for (int g : f._2().fingerprint().indexedSpinGrams()) {
                      if (c.contains(g)) {
                        out.add(new Tuple2<>(g, batch));
                      }
                    }
                    return out.iterator();
                  })
              .aggregateByKey(
                  new int[batches],
                  parts,
                  (h, b) -> {
                    h[b]++;
                    return h;
                  },
                  (x, y) -> {
                    for (int i = 0; i < x.length; i++) {
                      x[i] += y[i];
                    }
                    return x;
                  })
              .collect();
      for (Tuple2<Integer, int[]> c : counts) {
        int[] h = c._2();
        for (int i = 1; i < h.length; i++) {
          h[i] += h[i - 1];
        }
        cumulative.put(c._1(), h);
      }
    }
    return new SpinPruning(order, cumulative);
  }

  /** True when the articles of {@code batch} leave {@code gram} out of their queries. */
  boolean pruned(int gram, int batch) {
    int[] c = cumulative.get(gram);
    return c != null && c[batch] > order.maxDf(batch, ArticleIndex.MAX_TERM_SHARE);
  }
}
