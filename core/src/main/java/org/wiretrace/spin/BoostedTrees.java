package org.wiretrace.spin;

import java.util.Arrays;
import java.util.List;

/**
 * Gradient-boosted regression trees for listwise ranking (Friedman 2001; the LambdaMART family,
 * Burges 2010): an additive model {@code F(x) = sum_t tree_t(x)} whose trees are fitted one after
 * the other to the gradient of the softmax cross-entropy of each group of candidates (one phrase's
 * candidates, the correct one as target; the conditional logit of {@link Reranker} with a
 * non-linear score). Per candidate the gradient is {@code p - y} and the Hessian {@code p (1 - p)},
 * with {@code p} the softmax probability of the candidate within its group; each tree is grown
 * level by level to {@link Settings#depth} by the second-order split gain {@code G_L^2 / (H_L +
 * lambda) + G_R^2 / (H_R + lambda) - G^2 / (H + lambda)} and its leaves take the Newton step {@code
 * -G / (H + lambda)} times the shrinkage (as in XGBoost, Chen and Guestrin 2016). Split search runs
 * over quantile bins of each feature ({@link Settings#bins}, cut points from the training values),
 * on primitive arrays; learning is deterministic (no sampling, ties broken by feature then bin
 * order).
 *
 * <p>A fitted model is immutable and thread-safe; {@link #train} is a pure function.
 */
public final class BoostedTrees {

  /**
   * Learning settings: {@code trees} boosting rounds, trees of {@code depth} levels of splits,
   * shrinkage (learning rate) {@code shrinkage}, each child of a split with a Hessian sum of at
   * least {@code minHessian}, L2 penalty {@code lambda} on the leaf values, split search over at
   * most {@code bins} quantile bins per feature.
   */
  public record Settings(
      int trees, int depth, double shrinkage, double minHessian, double lambda, int bins) {
    public Settings {
      if (trees < 1) {
        throw new IllegalArgumentException("trees must be >= 1, got " + trees);
      }
      if (depth < 1 || depth > 12) {
        throw new IllegalArgumentException("depth must be in [1, 12], got " + depth);
      }
      if (!(shrinkage > 0 && shrinkage <= 1)) {
        throw new IllegalArgumentException("shrinkage must be in (0, 1], got " + shrinkage);
      }
      if (!(minHessian >= 0)) {
        throw new IllegalArgumentException("minHessian must be >= 0, got " + minHessian);
      }
      if (!(lambda >= 0)) {
        throw new IllegalArgumentException("lambda must be >= 0, got " + lambda);
      }
      if (bins < 2 || bins > 256) {
        throw new IllegalArgumentException("bins must be in [2, 256], got " + bins);
      }
    }
  }

  private final int features;
  private final int[] roots;
  private final int[] feature;
  private final double[] threshold;
  private final int[] left;
  private final int[] right;
  private final double[] value;

  /**
   * A model over {@code features} features from its nodes: tree {@code t} starts at node {@code
   * roots[t]}; node {@code i} is a leaf of value {@code value[i]} when {@code feature[i] < 0},
   * otherwise it sends {@code x} to {@code left[i]} when {@code x[feature[i]] <= threshold[i]} and
   * to {@code right[i]} otherwise (children after their parent).
   */
  public BoostedTrees(
      int features,
      int[] roots,
      int[] feature,
      double[] threshold,
      int[] left,
      int[] right,
      double[] value) {
    int n = feature.length;
    if (features < 1) {
      throw new IllegalArgumentException("features must be >= 1, got " + features);
    }
    if (threshold.length != n || left.length != n || right.length != n || value.length != n) {
      throw new IllegalArgumentException("node arrays differ in length");
    }
    for (int r : roots) {
      if (r < 0 || r >= n) {
        throw new IllegalArgumentException("root " + r + " outside " + n + " nodes");
      }
    }
    for (int i = 0; i < n; i++) {
      if (feature[i] >= features) {
        throw new IllegalArgumentException("node " + i + " splits on feature " + feature[i]);
      }
      if (feature[i] >= 0 && (left[i] <= i || left[i] >= n || right[i] <= i || right[i] >= n)) {
        throw new IllegalArgumentException(
            "node " + i + " has children outside (" + i + ", " + n + ")");
      }
      if (!Double.isFinite(value[i]) || !Double.isFinite(threshold[i])) {
        throw new IllegalArgumentException("node " + i + " is not finite");
      }
    }
    this.features = features;
    this.roots = roots.clone();
    this.feature = feature.clone();
    this.threshold = threshold.clone();
    this.left = left.clone();
    this.right = right.clone();
    this.value = value.clone();
  }

  /** Features a scored vector has. */
  public int features() {
    return features;
  }

  /** Trees of the model. */
  public int trees() {
    return roots.length;
  }

  /** Nodes of all trees, leaves included. */
  public int nodes() {
    return feature.length;
  }

  /** The model's score of a feature vector: the sum of the leaf values it reaches. */
  public double score(double[] x) {
    double s = 0;
    for (int r : roots) {
      int i = r;
      while (feature[i] >= 0) {
        i = x[feature[i]] <= threshold[i] ? left[i] : right[i];
      }
      s += value[i];
    }
    return s;
  }

  int[] roots() {
    return roots.clone();
  }

  int[] feature() {
    return feature.clone();
  }

  double[] threshold() {
    return threshold.clone();
  }

  int[] left() {
    return left.clone();
  }

  int[] right() {
    return right.clone();
  }

  double[] value() {
    return value.clone();
  }

  /**
   * Fits a model to groups of candidates: {@code x.get(q)} holds the feature vectors of group
   * {@code q}'s candidates (at least one feature, the same number everywhere) and {@code gold[q]}
   * the index of its correct candidate. {@code base} (null: zeros) gives each candidate's starting
   * score, which the trees then correct (their output does not include it). Deterministic.
   */
  public static BoostedTrees train(
      List<double[][]> x, int[] gold, double[][] base, Settings settings) {
    int groups = x.size();
    if (gold.length != groups || (base != null && base.length != groups)) {
      throw new IllegalArgumentException("groups, gold and base differ in length");
    }
    if (groups == 0) {
      throw new IllegalArgumentException("no groups to learn from");
    }
    int n = x.get(0)[0].length;
    int[] start = new int[groups + 1];
    for (int q = 0; q < groups; q++) {
      double[][] g = x.get(q);
      if (gold[q] < 0 || gold[q] >= g.length) {
        throw new IllegalArgumentException("gold " + gold[q] + " outside group " + q);
      }
      if (base != null && base[q].length != g.length) {
        throw new IllegalArgumentException("base of group " + q + " differs in length");
      }
      start[q + 1] = start[q] + g.length;
    }
    int rows = start[groups];
    double[][] column = new double[n][rows];
    double[] f = new double[rows];
    for (int q = 0; q < groups; q++) {
      double[][] g = x.get(q);
      for (int i = 0; i < g.length; i++) {
        if (g[i].length != n) {
          throw new IllegalArgumentException("group " + q + " has " + g[i].length + " features");
        }
        for (int j = 0; j < n; j++) {
          column[j][start[q] + i] = g[i][j];
        }
        f[start[q] + i] = base == null ? 0 : base[q][i];
      }
    }
    double[][] cuts = new double[n][];
    byte[][] bin = new byte[n][rows];
    for (int j = 0; j < n; j++) {
      cuts[j] = cuts(column[j], settings.bins());
      for (int r = 0; r < rows; r++) {
        bin[j][r] = (byte) binOf(cuts[j], column[j][r]);
      }
    }
    return new Learner(n, rows, start, gold, column, cuts, bin, f, settings).run();
  }

  /** At most {@code bins - 1} increasing cut points at the quantiles of {@code v}. */
  static double[] cuts(double[] v, int bins) {
    double[] s = v.clone();
    Arrays.sort(s);
    double[] c = new double[bins - 1];
    int k = 0;
    for (int b = 1; b < bins; b++) {
      double t = s[(int) ((long) b * s.length / bins)];
      if (t < s[s.length - 1] && (k == 0 || t > c[k - 1])) {
        c[k++] = t;
      }
    }
    return Arrays.copyOf(c, k);
  }

  /** The number of cut points below {@code v}: {@code v <= cuts[b]} iff the bin is {@code <= b}. */
  static int binOf(double[] cuts, double v) {
    int lo = 0;
    int hi = cuts.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cuts[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** One run of boosting, on flat arrays. */
  private static final class Learner {
    private final int n;
    private final int rows;
    private final int[] start;
    private final int[] gold;
    private final double[][] cuts;
    private final byte[][] bin;
    private final double[] f;
    private final Settings s;
    private final double[] grad;
    private final double[] hess;
    private final int[] index;
    private final double[] histG;
    private final double[] histH;
    private int[] feature = new int[64];
    private double[] threshold = new double[64];
    private int[] left = new int[64];
    private int[] right = new int[64];
    private double[] value = new double[64];
    private int nodes;

    Learner(
        int n,
        int rows,
        int[] start,
        int[] gold,
        double[][] column,
        double[][] cuts,
        byte[][] bin,
        double[] f,
        Settings s) {
      this.n = n;
      this.rows = rows;
      this.start = start;
      this.gold = gold;
      this.cuts = cuts;
      this.bin = bin;
      this.f = f;
      this.s = s;
      this.grad = new double[rows];
      this.hess = new double[rows];
      this.index = new int[rows];
      this.histG = new double[256];
      this.histH = new double[256];
    }

    BoostedTrees run() {
      int[] roots = new int[s.trees()];
      for (int t = 0; t < s.trees(); t++) {
        gradients();
        for (int r = 0; r < rows; r++) {
          index[r] = r;
        }
        roots[t] = grow(0, rows, 0);
      }
      return new BoostedTrees(
          n,
          roots,
          Arrays.copyOf(feature, nodes),
          Arrays.copyOf(threshold, nodes),
          Arrays.copyOf(left, nodes),
          Arrays.copyOf(right, nodes),
          Arrays.copyOf(value, nodes));
    }

    /** Softmax gradient and Hessian of every candidate within its group. */
    private void gradients() {
      for (int q = 0; q + 1 < start.length; q++) {
        int a = start[q];
        int b = start[q + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int r = a; r < b; r++) {
          max = Math.max(max, f[r]);
        }
        double z = 0;
        for (int r = a; r < b; r++) {
          double e = Math.exp(f[r] - max);
          grad[r] = e;
          z += e;
        }
        for (int r = a; r < b; r++) {
          double p = grad[r] / z;
          grad[r] = p - (r - a == gold[q] ? 1 : 0);
          hess[r] = Math.max(p * (1 - p), 1e-16);
        }
      }
    }

    /** Grows the subtree over {@code index[lo, hi)} and returns its node. */
    private int grow(int lo, int hi, int level) {
      double g = 0;
      double h = 0;
      for (int k = lo; k < hi; k++) {
        g += grad[index[k]];
        h += hess[index[k]];
      }
      int node = newNode();
      double bestGain = 1e-12;
      int bestFeature = -1;
      int bestBin = -1;
      if (level < s.depth() && h >= 2 * s.minHessian()) {
        double parent = g * g / (h + s.lambda());
        for (int j = 0; j < n; j++) {
          int nb = cuts[j].length + 1;
          if (nb < 2) {
            continue;
          }
          Arrays.fill(histG, 0, nb, 0);
          Arrays.fill(histH, 0, nb, 0);
          byte[] bj = bin[j];
          for (int k = lo; k < hi; k++) {
            int r = index[k];
            int b = bj[r] & 0xff;
            histG[b] += grad[r];
            histH[b] += hess[r];
          }
          double gl = 0;
          double hl = 0;
          for (int b = 0; b + 1 < nb; b++) {
            gl += histG[b];
            hl += histH[b];
            double hr = h - hl;
            if (hl < s.minHessian() || hr < s.minHessian()) {
              continue;
            }
            double gr = g - gl;
            double gain = gl * gl / (hl + s.lambda()) + gr * gr / (hr + s.lambda()) - parent;
            if (gain > bestGain) {
              bestGain = gain;
              bestFeature = j;
              bestBin = b;
            }
          }
        }
      }
      if (bestFeature < 0) {
        double v = -s.shrinkage() * g / (h + s.lambda());
        feature[node] = -1;
        value[node] = v;
        for (int k = lo; k < hi; k++) {
          f[index[k]] += v;
        }
        return node;
      }
      byte[] bj = bin[bestFeature];
      int mid = lo;
      for (int k = lo; k < hi; k++) {
        int r = index[k];
        if ((bj[r] & 0xff) <= bestBin) {
          index[k] = index[mid];
          index[mid++] = r;
        }
      }
      // keep each side in row order, so that sums (and ties) do not depend on the partition
      Arrays.sort(index, lo, mid);
      Arrays.sort(index, mid, hi);
      // grow first: growing may reallocate the node arrays
      int l = grow(lo, mid, level + 1);
      int r = grow(mid, hi, level + 1);
      feature[node] = bestFeature;
      threshold[node] = cuts[bestFeature][bestBin];
      left[node] = l;
      right[node] = r;
      return node;
    }

    private int newNode() {
      if (nodes == feature.length) {
        int c = nodes * 2;
        feature = Arrays.copyOf(feature, c);
        threshold = Arrays.copyOf(threshold, c);
        left = Arrays.copyOf(left, c);
        right = Arrays.copyOf(right, c);
        value = Arrays.copyOf(value, c);
      }
      return nodes++;
    }
  }
}
