package org.wiretrace.stories;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fits a {@link StoryModel} on articles labelled with their event, the way Miranda et al. (EMNLP
 * 2018) train theirs: the labelled stream is replayed in order with every article forced into its
 * true story; each arrival yields one feature row per open story (positive for its own story), and
 * an L2-regularised, class-balanced logistic regression is fitted to the rows by Newton's method.
 * The join and merge thresholds are then chosen by grid search for the best B-cubed F1 of the
 * actual streaming clusterer on the same training articles. {@link #crossValidate} reports the
 * figure on held-out events. Stateless and thread-safe.
 */
public final class StoryTrainer {

  /** L2 penalty of the logistic regression (bias excluded). */
  public static final double DEFAULT_L2 = 1e-3;

  private static final double[] JOIN_GRID = {0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8};
  private static final double[] MERGE_GRID = {0.5, 0.7, 0.9, 0.97, 0.999};

  private StoryTrainer() {}

  /** An article's features with its event label. */
  public record Labelled(StoryFeatures features, String label) {
    public Labelled {
      Objects.requireNonNull(features, "features");
      Objects.requireNonNull(label, "label");
    }
  }

  /** A cross-validated figure: the mean held-out scores and the model fitted on all articles. */
  public record CrossValidation(
      int folds,
      double bcubedF1,
      double pairF1,
      List<ClusteringScores> perFold,
      StoryModel model) {}

  /**
   * Fits weights and thresholds on {@code ordered} (in arrival order); {@code base} gives times.
   */
  public static StoryModel fit(List<Labelled> ordered, StoryModel base) {
    StoryModel weighted = base.withWeights(fitWeights(ordered, base));
    double bestF = -1;
    StoryModel best = weighted;
    for (double join : JOIN_GRID) {
      for (double merge : MERGE_GRID) {
        StoryModel m = weighted.withThresholds(join, merge);
        double f = evaluate(ordered, m).bcubedF1();
        if (f > bestF + 1e-9) {
          bestF = f;
          best = m;
        }
      }
    }
    return best;
  }

  /** Clusters {@code ordered} with {@code model} and scores the result against the labels. */
  public static ClusteringScores evaluate(List<Labelled> ordered, StoryModel model) {
    StoryClusterer c = new StoryClusterer(model);
    Map<String, String> labels = new HashMap<>();
    for (Labelled l : ordered) {
      c.add(l.features());
      labels.put(l.features().articleId(), l.label());
    }
    Map<String, String> predicted = new HashMap<>();
    for (StoryGroup g : c.stories()) {
      for (String a : g.articleIds()) {
        predicted.put(a, g.id());
      }
    }
    return ClusteringScores.of(labels, predicted);
  }

  /**
   * K-fold cross-validation over events: each fold's events are held out, the model is fitted on
   * the others' articles and scored clustering the held-out articles alone.
   */
  public static CrossValidation crossValidate(List<Labelled> ordered, StoryModel base, int folds) {
    if (folds < 2) {
      throw new IllegalArgumentException("folds must be at least 2: " + folds);
    }
    List<String> events = ordered.stream().map(Labelled::label).distinct().sorted().toList();
    Map<String, Integer> foldOf = new HashMap<>();
    for (int i = 0; i < events.size(); i++) {
      foldOf.put(events.get(i), i % folds);
    }
    List<ClusteringScores> perFold = new ArrayList<>();
    double b = 0;
    double p = 0;
    for (int k = 0; k < folds; k++) {
      List<Labelled> train = new ArrayList<>();
      List<Labelled> test = new ArrayList<>();
      for (Labelled l : ordered) {
        (foldOf.get(l.label()) == k ? test : train).add(l);
      }
      ClusteringScores s = evaluate(test, fit(train, base));
      perFold.add(s);
      b += s.bcubedF1() * s.items();
      p += s.pairF1() * s.items();
    }
    return new CrossValidation(
        folds, b / ordered.size(), p / ordered.size(), perFold, fit(ordered, base));
  }

  /** The logistic weights fitted on the labelled replay of {@code ordered}. */
  static double[] fitWeights(List<Labelled> ordered, StoryModel base) {
    List<double[]> rows = new ArrayList<>();
    List<Boolean> ys = new ArrayList<>();
    StoryClusterer c = new StoryClusterer(base);
    for (Labelled l : ordered) {
      c.addLabelled(
          l.features(),
          l.label(),
          (x, same) -> {
            rows.add(x);
            ys.add(same);
          });
    }
    return logistic(rows, ys, DEFAULT_L2);
  }

  /** Class-balanced L2 logistic regression by Newton's method; feature 0 is the bias. */
  static double[] logistic(List<double[]> rows, List<Boolean> ys, double l2) {
    int d = StoryModel.FEATURES.size();
    double[] w = new double[d];
    long pos = ys.stream().filter(y -> y).count();
    long neg = ys.size() - pos;
    if (pos == 0 || neg == 0) {
      throw new IllegalArgumentException(
          "need both same-story and other-story rows to fit: " + pos + " / " + neg);
    }
    double wPos = ys.size() / (2.0 * pos);
    double wNeg = ys.size() / (2.0 * neg);
    for (int iter = 0; iter < 50; iter++) {
      double[] grad = new double[d];
      double[][] hess = new double[d][d];
      for (int i = 0; i < rows.size(); i++) {
        double[] x = rows.get(i);
        double z = 0;
        for (int j = 0; j < d; j++) {
          z += w[j] * x[j];
        }
        double p = 1 / (1 + Math.exp(-z));
        double y = ys.get(i) ? 1 : 0;
        double cw = ys.get(i) ? wPos : wNeg;
        double g = cw * (p - y);
        double h = cw * p * (1 - p);
        for (int j = 0; j < d; j++) {
          grad[j] += g * x[j];
          for (int k = 0; k < d; k++) {
            hess[j][k] += h * x[j] * x[k];
          }
        }
      }
      for (int j = 1; j < d; j++) {
        grad[j] += l2 * rows.size() * w[j];
        hess[j][j] += l2 * rows.size();
      }
      for (int j = 0; j < d; j++) {
        hess[j][j] += 1e-9;
      }
      double[] step = solve(hess, grad);
      double max = 0;
      for (int j = 0; j < d; j++) {
        w[j] -= step[j];
        max = Math.max(max, Math.abs(step[j]));
      }
      if (max < 1e-8) {
        break;
      }
    }
    return w;
  }

  /** Solves {@code a x = b} by Gaussian elimination with partial pivoting. */
  private static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = java.util.Arrays.copyOf(a[i], n + 1);
      m[i][n] = b[i];
    }
    for (int col = 0; col < n; col++) {
      int piv = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[piv][col])) {
          piv = r;
        }
      }
      double[] t = m[col];
      m[col] = m[piv];
      m[piv] = t;
      for (int r = col + 1; r < n; r++) {
        double f = m[r][col] / m[col][col];
        for (int c = col; c <= n; c++) {
          m[r][c] -= f * m[col][c];
        }
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = m[r][n];
      for (int c = r + 1; c < n; c++) {
        s -= m[r][c] * x[c];
      }
      x[r] = s / m[r][r];
    }
    return x;
  }
}
