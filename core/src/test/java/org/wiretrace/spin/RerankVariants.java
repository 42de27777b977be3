package org.wiretrace.spin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The re-ranker variants {@link RerankExperiment} compares, by name: {@code linear} (the
 * conditional logit alone, as {@link Reranker#train} fits it before its trees); {@code shipped}
 * ({@link Reranker#learn}); {@code cross:K} (the linear model plus the products of the {@code K}
 * features of largest linear weight); {@code gbdt:T:D:ETA:MINH:L2:BINS} (boosted trees, {@link
 * BoostedTrees}); prefixes {@code lin+} (the linear score as an extra tree input), {@code lin@}
 * (boosting starts from the linear score), {@code rel+} (each feature also relative to its group's
 * maximum); {@code drop:I,J,.../VARIANT} (the variant with the feature columns I, J, ... set to 0,
 * that is, left out: how a cache with added features scores the feature set without them). Not
 * thread-safe.
 */
final class RerankVariants {
  private RerankVariants() {}

  static RerankExperiment.Variant of(String name) {
    if (name.startsWith("drop:")) {
      int slash = name.indexOf('/');
      String[] cols = name.substring(5, slash).split(",");
      int[] drop = new int[cols.length];
      for (int i = 0; i < cols.length; i++) {
        drop[i] = Integer.parseInt(cols[i]);
      }
      RerankExperiment.Variant inner = of(name.substring(slash + 1));
      return (x, gold) -> {
        List<double[][]> tx = new ArrayList<>();
        for (double[][] v : x) {
          tx.add(zero(v, drop));
        }
        RerankExperiment.Scorer s = inner.apply(tx, gold);
        return v -> s.score(zero(v, drop));
      };
    }
    if (name.startsWith("bag:")) {
      int slash = name.indexOf('/');
      String[] a = name.substring(4, slash).split(":");
      int k = Integer.parseInt(a[0]);
      long seed = a.length > 1 ? Long.parseLong(a[1]) : 1;
      RerankExperiment.Variant inner = of(name.substring(slash + 1));
      return (x, gold) -> bag(x, gold, k, seed, inner);
    }
    if (name.startsWith("avg:")) {
      String[] parts = name.substring(4).split("\\+");
      return (x, gold) -> {
        List<RerankExperiment.Scorer> s = new ArrayList<>();
        for (String part : parts) {
          s.add(of(part).apply(x, gold));
        }
        return v -> mean(s, v);
      };
    }
    if (name.startsWith("slin:")) {
      String[] a = name.substring(5).split(":");
      int slack = Integer.parseInt(a[0]);
      double mix = a.length > 1 ? Double.parseDouble(a[1]) : 1;
      return (x, gold) -> slackLinear(x, gold, slack, mix);
    }
    if (name.equals("linear")) {
      return (x, gold) -> cross(x, gold, 0);
    }
    if (name.equals("shipped")) {
      return (x, gold) -> {
        List<Reranker.Example> ex = new ArrayList<>();
        for (int q = 0; q < x.size(); q++) {
          ex.add(new Reranker.Example(x.get(q), gold[q]));
        }
        Reranker r =
            Reranker.train(
                ex,
                RerankExperiment.DEPTH,
                Reranker.L2,
                Reranker.ITERATIONS,
                Reranker.TREES,
                ScienceCounts.shared());
        return v -> {
          double[] s = new double[v.length];
          for (int i = 0; i < v.length; i++) {
            s[i] = r.score(v[i]);
          }
          return s;
        };
      };
    }
    if (name.startsWith("cross:")) {
      int k = Integer.parseInt(name.substring(6));
      return (x, gold) -> cross(x, gold, k);
    }
    boolean lin = false;
    boolean base = false;
    boolean rel = false;
    String rest = name;
    while (true) {
      if (rest.startsWith("lin+")) {
        lin = true;
        rest = rest.substring(4);
      } else if (rest.startsWith("lin@")) {
        base = true;
        rest = rest.substring(4);
      } else if (rest.startsWith("rel+")) {
        rel = true;
        rest = rest.substring(4);
      } else {
        break;
      }
    }
    String[] p = rest.split(":");
    if (!p[0].equals("gbdt") || p.length != 7) {
      throw new IllegalArgumentException("unknown variant " + name);
    }
    BoostedTrees.Settings s =
        new BoostedTrees.Settings(
            Integer.parseInt(p[1]),
            Integer.parseInt(p[2]),
            Double.parseDouble(p[3]),
            Double.parseDouble(p[4]),
            Double.parseDouble(p[5]),
            Integer.parseInt(p[6]));
    boolean useLin = lin;
    boolean useBase = base;
    boolean useRel = rel;
    return (x, gold) -> {
      RerankExperiment.Scorer r = useLin || useBase ? cross(x, gold, 0) : null;
      List<double[][]> tx = new ArrayList<>();
      double[][] b = useBase ? new double[x.size()][] : null;
      for (int q = 0; q < x.size(); q++) {
        tx.add(expand(x.get(q), r, useLin, useRel));
        if (useBase) {
          b[q] = scores(r, x.get(q));
        }
      }
      BoostedTrees t = BoostedTrees.train(tx, gold, b, s);
      return v -> {
        double[][] e = expand(v, r, useLin, useRel);
        double[] out = new double[v.length];
        double[] l = useBase ? scores(r, v) : null;
        for (int i = 0; i < v.length; i++) {
          out[i] = t.score(e[i]) + (useBase ? l[i] : 0);
        }
        return out;
      };
    };
  }

  /**
   * Bootstrap aggregation (Breiman 1996): {@code k} models of {@code inner}, each fitted to a
   * resample (with replacement, seeded) of the training lists; the score is their mean.
   */
  static RerankExperiment.Scorer bag(
      List<double[][]> x, int[] gold, int k, long seed, RerankExperiment.Variant inner) {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
    List<RerankExperiment.Scorer> s = new ArrayList<>();
    for (int b = 0; b < k; b++) {
      List<double[][]> bx = new ArrayList<>();
      int[] bg = new int[x.size()];
      for (int q = 0; q < x.size(); q++) {
        int r = rnd.nextInt(x.size());
        bx.add(x.get(r));
        bg[q] = gold[r];
      }
      s.add(inner.apply(bx, bg));
    }
    return v -> mean(s, v);
  }

  /** The mean of the scorers' scores of one list (log-odds on one scale: no standardising). */
  static double[] mean(List<RerankExperiment.Scorer> scorers, double[][] v) {
    double[] out = new double[v.length];
    for (RerankExperiment.Scorer s : scorers) {
      double[] a = s.score(v);
      for (int i = 0; i < a.length; i++) {
        out[i] += a[i] / scorers.size();
      }
    }
    return out;
  }

  /**
   * The conditional logit with a top-k surrogate: the softmax of the correct candidate against all
   * but the {@code slack} strongest wrong ones (they may stay ahead of it: a top-(slack+1) hit),
   * mixed with weight {@code mix} into the plain softmax loss (1 - mix).
   */
  static RerankExperiment.Scorer slackLinear(
      List<double[][]> x, int[] gold, int slack, double mix) {
    int n = x.get(0)[0].length;
    double[][] ms = meanAndScale(x, n);
    double[] mean = ms[0];
    double[] sd = ms[1];
    List<double[][]> zx = new ArrayList<>();
    for (double[][] v : x) {
      double[][] o = new double[v.length][n];
      for (int i = 0; i < v.length; i++) {
        for (int j = 0; j < n; j++) {
          o[i][j] = (v[i][j] - mean[j]) / sd[j];
        }
      }
      zx.add(o);
    }
    double[] w = new double[n];
    double[] m1 = new double[n];
    double[] m2 = new double[n];
    double[] grad = new double[n];
    for (int t = 1; t <= Reranker.ITERATIONS; t++) {
      Arrays.fill(grad, 0);
      for (int q = 0; q < zx.size(); q++) {
        double[][] e = zx.get(q);
        double[] s = new double[e.length];
        for (int i = 0; i < s.length; i++) {
          for (int j = 0; j < n; j++) {
            s[i] += w[j] * e[i][j];
          }
        }
        boolean[] out = new boolean[s.length];
        for (int k = 0; k < slack; k++) {
          int best = -1;
          for (int i = 0; i < s.length; i++) {
            if (i != gold[q] && !out[i] && (best < 0 || s[i] > s[best])) {
              best = i;
            }
          }
          if (best >= 0 && s[best] > s[gold[q]]) {
            out[best] = true;
          }
        }
        double[] pa = softmax(s, null);
        double[] pb = softmax(s, out);
        for (int i = 0; i < s.length; i++) {
          double y = i == gold[q] ? 1 : 0;
          double g = (1 - mix) * (pa[i] - y) + mix * (out[i] ? 0 : pb[i] - y);
          for (int j = 0; j < n; j++) {
            grad[j] += g * e[i][j];
          }
        }
      }
      for (int j = 0; j < n; j++) {
        double g = grad[j] / zx.size() + Reranker.L2 * w[j];
        m1[j] = 0.9 * m1[j] + 0.1 * g;
        m2[j] = 0.999 * m2[j] + 0.001 * g * g;
        w[j] -=
            0.05
                * (m1[j] / (1 - Math.pow(0.9, t)))
                / (Math.sqrt(m2[j] / (1 - Math.pow(0.999, t))) + 1e-8);
      }
    }
    return v -> {
      double[] s = new double[v.length];
      for (int i = 0; i < v.length; i++) {
        for (int j = 0; j < n; j++) {
          s[i] += w[j] * (v[i][j] - mean[j]) / sd[j];
        }
      }
      return s;
    };
  }

  /** The mean and standard deviation (1 where constant) of each feature over all the rows. */
  static double[][] meanAndScale(List<double[][]> x, int n) {
    double[] mean = new double[n];
    double[] sd = new double[n];
    long rows = 0;
    for (double[][] v : x) {
      for (double[] row : v) {
        for (int j = 0; j < n; j++) {
          mean[j] += row[j];
          sd[j] += row[j] * row[j];
        }
        rows++;
      }
    }
    for (int j = 0; j < n; j++) {
      mean[j] /= rows;
      double var = sd[j] / rows - mean[j] * mean[j];
      sd[j] = var > 1e-12 ? Math.sqrt(var) : 1;
    }
    return new double[][] {mean, sd};
  }

  private static double[] softmax(double[] s, boolean[] out) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < s.length; i++) {
      if (out == null || !out[i]) {
        max = Math.max(max, s[i]);
      }
    }
    double[] p = new double[s.length];
    double z = 0;
    for (int i = 0; i < s.length; i++) {
      if (out == null || !out[i]) {
        p[i] = Math.exp(s[i] - max);
        z += p[i];
      }
    }
    for (int i = 0; i < s.length; i++) {
      p[i] /= z;
    }
    return p;
  }

  /** A copy of {@code v} with the columns {@code drop} set to 0 (a constant: left out). */
  static double[][] zero(double[][] v, int[] drop) {
    double[][] out = new double[v.length][];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i].clone();
      for (int j : drop) {
        out[i][j] = 0;
      }
    }
    return out;
  }

  static double[] scores(RerankExperiment.Scorer r, double[][] v) {
    return r.score(v);
  }

  static double[][] expand(double[][] v, RerankExperiment.Scorer r, boolean lin, boolean rel) {
    int n = v[0].length;
    int w = n + (lin ? 1 : 0) + (rel ? n : 0);
    double[] max = new double[n];
    Arrays.fill(max, Double.NEGATIVE_INFINITY);
    for (double[] row : v) {
      for (int j = 0; j < n; j++) {
        max[j] = Math.max(max[j], row[j]);
      }
    }
    double[][] e = new double[v.length][w];
    double[] l = lin ? r.score(v) : null;
    for (int i = 0; i < v.length; i++) {
      System.arraycopy(v[i], 0, e[i], 0, n);
      int j = n;
      if (lin) {
        e[i][j++] = l[i];
      }
      if (rel) {
        for (int k = 0; k < n; k++) {
          e[i][j++] = v[i][k] - max[k];
        }
      }
    }
    return e;
  }

  /**
   * The conditional logit fitted as {@link Reranker#train} fits it (standardised features, Adam),
   * with the products of the standardised {@code k} features of largest plain weight (0: none).
   */
  static RerankExperiment.Scorer cross(List<double[][]> x, int[] gold, int k) {
    int n = x.get(0)[0].length;
    int[] top = new int[k];
    if (k > 0) {
      double[] w = plainWeights(x, gold);
      Integer[] order = new Integer[n];
      for (int j = 0; j < n; j++) {
        order[j] = j;
      }
      Arrays.sort(order, Comparator.comparingDouble(j -> -Math.abs(w[j])));
      for (int j = 0; j < k; j++) {
        top[j] = order[j];
      }
    }
    double[][] ms = meanAndScale(x, n);
    double[] mean = ms[0];
    double[] sd = ms[1];
    int width = n + k * (k - 1) / 2;
    java.util.function.Function<double[][], double[][]> z =
        v -> {
          double[][] o = new double[v.length][width];
          for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < n; j++) {
              o[i][j] = (v[i][j] - mean[j]) / sd[j];
            }
            int c = n;
            for (int a = 0; a < k; a++) {
              for (int b = a + 1; b < k; b++) {
                o[i][c++] = o[i][top[a]] * o[i][top[b]];
              }
            }
          }
          return o;
        };
    List<double[][]> zx = new ArrayList<>();
    for (double[][] v : x) {
      zx.add(z.apply(v));
    }
    double[] cw = adam(zx, gold, width, Reranker.L2, Reranker.ITERATIONS);
    return v -> {
      double[][] o = z.apply(v);
      double[] s = new double[v.length];
      for (int i = 0; i < v.length; i++) {
        for (int j = 0; j < width; j++) {
          s[i] += cw[j] * o[i][j];
        }
      }
      return s;
    };
  }

  private static double[] plainWeights(List<double[][]> x, int[] gold) {
    List<Reranker.Example> ex = new ArrayList<>();
    for (int q = 0; q < x.size(); q++) {
      ex.add(new Reranker.Example(x.get(q), gold[q]));
    }
    return Reranker.train(
            ex,
            Reranker.DEPTH,
            Reranker.L2,
            Reranker.ITERATIONS,
            new BoostedTrees.Settings(1, 1, 1e-9, 0, 1, 2),
            ScienceCounts.shared())
        .weights();
  }

  static double[] adam(List<double[][]> x, int[] gold, int n, double l2, int iterations) {
    return Reranker.fitLogit(x, gold, n, l2, iterations);
  }
}
