package org.wiretrace.stories;

import java.util.HashMap;
import java.util.Map;

/**
 * Agreement of a predicted clustering with labels: B-cubed precision, recall and F1 (Bagga and
 * Baldwin, 1998; Amigó et al., 2009, "A comparison of extrinsic clustering evaluation metrics") and
 * pairwise precision, recall and F1 over all item pairs (the measure Miranda et al., EMNLP 2018,
 * report). Items without a label or without a prediction are not scored. Immutable.
 */
public record ClusteringScores(
    int items,
    int predictedClusters,
    int labelledClusters,
    double bcubedPrecision,
    double bcubedRecall,
    double pairPrecision,
    double pairRecall) {

  public double bcubedF1() {
    return f1(bcubedPrecision, bcubedRecall);
  }

  public double pairF1() {
    return f1(pairPrecision, pairRecall);
  }

  private static double f1(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** Scores {@code predicted} (item to cluster) against {@code labels} (item to label). */
  public static <L, P> ClusteringScores of(Map<String, L> labels, Map<String, P> predicted) {
    Map<L, Integer> goldSize = new HashMap<>();
    Map<P, Integer> predSize = new HashMap<>();
    Map<Map.Entry<P, L>, Integer> both = new HashMap<>();
    int n = 0;
    for (Map.Entry<String, L> e : labels.entrySet()) {
      P p = predicted.get(e.getKey());
      if (p == null || e.getValue() == null) {
        continue;
      }
      n++;
      goldSize.merge(e.getValue(), 1, Integer::sum);
      predSize.merge(p, 1, Integer::sum);
      both.merge(Map.entry(p, e.getValue()), 1, Integer::sum);
    }
    if (n == 0) {
      return new ClusteringScores(0, 0, 0, 0, 0, 0, 0);
    }
    double bp = 0;
    double br = 0;
    long tp = 0;
    for (Map.Entry<Map.Entry<P, L>, Integer> e : both.entrySet()) {
      int c = e.getValue();
      // each of the c items sees c same-cluster-and-label items
      bp += (double) c * c / predSize.get(e.getKey().getKey());
      br += (double) c * c / goldSize.get(e.getKey().getValue());
      tp += pairs(c);
    }
    long predPairs = predSize.values().stream().mapToLong(ClusteringScores::pairs).sum();
    long goldPairs = goldSize.values().stream().mapToLong(ClusteringScores::pairs).sum();
    return new ClusteringScores(
        n,
        predSize.size(),
        goldSize.size(),
        bp / n,
        br / n,
        predPairs == 0 ? 1 : (double) tp / predPairs,
        goldPairs == 0 ? 1 : (double) tp / goldPairs);
  }

  private static long pairs(int c) {
    return (long) c * (c - 1) / 2;
  }
}
