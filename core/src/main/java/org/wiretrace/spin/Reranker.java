package org.wiretrace.spin;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A learned re-ranker of the beam search's first candidate restorations ({@link
 * PhraseRestorer#candidates}): a conditional logit (softmax over one phrase's candidates, McFadden
 * 1974; the listwise ranking loss of ListNet, Cao et al. 2007, with the one correct candidate as
 * target) over {@link #FEATURES}: the beam's own score and rank, the choices made per kind, and
 * corpus evidence the beam does not weigh (the count of the whole candidate and its ratio to the
 * spun phrase's, the weakest bigram, pointwise mutual information (Church and Hanks 1990), WordNet
 * multiword lemmas, word frequency), how many changed words the spinners' own sources link to the
 * spun word they replace (the thesaurus or a learned habit), plus a non-linear correction:
 * gradient-boosted regression trees ({@link BoostedTrees}; Friedman 2001, the listwise softmax
 * objective of LambdaMART-style rankers, Burges 2010) fitted to the same softmax loss starting from
 * the linear score, so that they learn what the linear score misses (interactions such as kind of
 * choice times scientific share). The score of a candidate is the linear score plus the trees'
 * output. Everything is learned from tortured/original pairs only, by {@link #train} ({@code
 * org.wiretrace.spin.build.RerankerBuilder} for the shipped resource), never set by hand.
 *
 * <p>Immutable and thread-safe.
 */
public final class Reranker {

  /** Class-path location of the re-ranker learned from the shipped dev list. */
  public static final String RESOURCE = "/org/wiretrace/spin/restore-reranker.tsv.gz";

  /**
   * Candidates re-ranked per phrase by default: the beam's first 300 (100 before round restore6;
   * the nested cross-validation's top-3 rose with the depth up to 300 and fell beyond it, see
   * docs/spin.md).
   */
  public static final int DEPTH = 300;

  /** L2 penalty of the learning ({@link #train}). */
  public static final double L2 = 0.001;

  /** Adam steps of the learning ({@link #train}). */
  public static final int ITERATIONS = 1000;

  /**
   * The boosted trees' settings of the learning ({@link #train}): 200 trees of depth 3, shrinkage
   * 0.05, minimum child Hessian 1, leaf L2 1, 64 bins (chosen by nested cross-validation on the dev
   * list, docs/spin.md).
   */
  public static final BoostedTrees.Settings TREES =
      new BoostedTrees.Settings(200, 3, 0.05, 1.0, 1.0, 64);

  private static final int BASE = 5;

  /** The names of the features, in the order of {@link #features}. */
  public static final List<String> FEATURES = featureNames();

  private static List<String> featureNames() {
    List<String> f = new ArrayList<>();
    f.addAll(List.of("beam score", "gap to best", "log rank", "log prior", "evidence"));
    for (String k : PhraseRestorer.Candidate.KINDS) {
      f.add("kind " + k.strip());
    }
    f.addAll(
        List.of(
            "length change",
            "log count",
            "log count ratio",
            "weakest n-gram",
            "pmi",
            "wordnet lemma",
            "word frequency change",
            "rarest word",
            "words changed",
            "first",
            "science log count",
            "science share",
            "science weakest bigram",
            "science count ratio",
            "science word frequency change",
            "known original",
            "spinner words"));
    return List.copyOf(f);
  }

  private final ScienceCounts science;
  private final int depth;
  private final double[] mean;
  private final double[] scale;
  private final double[] weights;
  private final BoostedTrees trees;

  /**
   * A re-ranker over the first {@code depth} candidates scoring {@code sum_j weights[j] * (x[j] -
   * mean[j]) / scale[j] + trees.score(x)} on the raw features {@code x}, with the scientific counts
   * {@code science} for its features. It uses the first {@code weights.length} of {@link #FEATURES}
   * (all of them when learned by {@link #train}; fewer for a resource learned before features were
   * added).
   */
  public Reranker(
      int depth,
      double[] mean,
      double[] scale,
      double[] weights,
      BoostedTrees trees,
      ScienceCounts science) {
    this.science = Objects.requireNonNull(science, "science");
    this.trees = Objects.requireNonNull(trees, "trees");
    int n = FEATURES.size();
    if (depth < 1) {
      throw new IllegalArgumentException("depth must be >= 1, got " + depth);
    }
    int used = weights.length;
    if (used < 1
        || used > n
        || mean.length != used
        || scale.length != used
        || trees.features() != used) {
      throw new IllegalArgumentException("expected the first 1 to " + n + " features");
    }
    for (double s : scale) {
      if (!(s > 0)) {
        throw new IllegalArgumentException("scales must be > 0");
      }
    }
    this.depth = depth;
    this.mean = mean.clone();
    this.scale = scale.clone();
    this.weights = weights.clone();
  }

  private static final class Holder {
    static final Reranker SHARED = loadResource();
  }

  /** The re-ranker shipped with Wiretrace (learned from the dev list), or null when absent. */
  public static Reranker shared() {
    return Holder.SHARED;
  }

  private static Reranker loadResource() {
    return Resources.load(RESOURCE, in -> read(in, ScienceCounts.shared()), () -> null);
  }

  /** Candidates re-ranked per phrase. */
  public int depth() {
    return depth;
  }

  /** The scientific counts its features use. */
  public ScienceCounts science() {
    return science;
  }

  /** The learned weight of each feature (on standardised features). */
  public double[] weights() {
    return weights.clone();
  }

  /** The learned trees added to the linear score. */
  public BoostedTrees trees() {
    return trees;
  }

  /**
   * The first {@link #depth} candidates re-ordered by the learned score, then the rest in their
   * order.
   */
  public List<PhraseRestorer.Candidate> rerank(
      List<String> words,
      List<PhraseRestorer.Candidate> candidates,
      PhraseStats stats,
      WordNetLexicon wordnet,
      SpinHabits habits,
      Thesaurus thesaurus) {
    int m = Math.min(depth, candidates.size());
    if (m <= 1) {
      return candidates;
    }
    double[][] x =
        features(words, candidates.subList(0, m), stats, science, wordnet, habits, thesaurus);
    double[] s = new double[m];
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      s[i] = score(x[i]);
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(s[b], s[a]));
    List<PhraseRestorer.Candidate> out = new ArrayList<>(candidates.size());
    for (int i = 0; i < m; i++) {
      out.add(candidates.get(order[i]));
    }
    out.addAll(candidates.subList(m, candidates.size()));
    return out;
  }

  /** The learned score of one candidate's features: the linear score plus the trees'. */
  double score(double[] x) {
    return linear(x) + trees.score(x);
  }

  private double linear(double[] x) {
    return linear(x, mean, scale, weights);
  }

  private static double linear(double[] x, double[] mean, double[] scale, double[] weights) {
    double s = 0;
    for (int j = 0; j < weights.length; j++) {
      s += weights[j] * (x[j] - mean[j]) / scale[j];
    }
    return s;
  }

  /**
   * The feature vectors of a phrase's candidates (in the beam's order, best first), indexed like
   * {@link #FEATURES}.
   */
  public static double[][] features(
      List<String> words,
      List<PhraseRestorer.Candidate> candidates,
      PhraseStats stats,
      ScienceCounts science,
      WordNetLexicon wordnet,
      SpinHabits habits,
      Thesaurus thesaurus) {
    int m = candidates.size();
    int kinds = PhraseRestorer.Candidate.KINDS.size();
    double[][] x = new double[m][FEATURES.size()];
    if (m == 0) {
      return x;
    }
    double top = candidates.get(0).suggestion().score();
    double spunCount = Math.log1p(phraseCount(words, stats));
    double spunFreq = meanWordFrequency(words, stats);
    double total = Math.max(1, stats.totalWords());
    double spunScience = Math.log1p(science.count(words));
    double spunScienceFreq = meanScienceFrequency(words, science);
    // whether the spinners' sources link a spun word (by position) to a candidate word
    Map<String, Boolean> links = new HashMap<>();
    for (int i = 0; i < m; i++) {
      PhraseRestorer.Candidate c = candidates.get(i);
      List<String> w = List.of(c.text().split(" "));
      double[] f = x[i];
      f[0] = c.suggestion().score();
      f[1] = c.suggestion().score() - top;
      f[2] = Math.log1p(i);
      f[3] = c.logPrior();
      f[4] = c.evidence();
      for (int k = 0; k < kinds; k++) {
        f[BASE + k] = c.kind(k);
      }
      int j = BASE + kinds;
      f[j++] = w.size() - words.size();
      double count = Math.log1p(phraseCount(w, stats));
      f[j++] = count;
      f[j++] = count - spunCount;
      double weakest = Double.MAX_VALUE;
      double pmi = 0;
      if (w.size() == 1) {
        weakest = Math.log1p(stats.count(w.get(0)));
      } else {
        for (int a = 0; a + 1 < w.size(); a++) {
          int ab = stats.count(w.get(a), w.get(a + 1));
          weakest = Math.min(weakest, Math.log1p(ab));
          pmi +=
              Math.log(
                  (ab + 0.5)
                      * total
                      / ((stats.count(w.get(a)) + 1.0) * (stats.count(w.get(a + 1)) + 1.0)));
        }
        pmi /= w.size() - 1;
      }
      f[j++] = weakest;
      f[j++] = pmi;
      f[j++] = w.size() >= 2 && wordnet.isLemma(c.text()) ? 1 : 0;
      f[j++] = meanWordFrequency(w, stats) - spunFreq;
      double rarest = Double.MAX_VALUE;
      for (String t : w) {
        rarest = Math.min(rarest, Math.log1p(stats.count(t)));
      }
      f[j++] = rarest;
      int changed = 0;
      if (w.size() == words.size()) {
        for (int a = 0; a < w.size(); a++) {
          changed += w.get(a).equals(words.get(a)) ? 0 : 1;
        }
      } else {
        changed = Math.max(w.size(), words.size());
      }
      f[j++] = changed;
      f[j++] = i == 0 ? 1 : 0;
      int sc = science.count(w);
      f[j++] = Math.log1p(sc);
      f[j++] = Math.log((sc + 0.5) / (phraseCount(w, stats) + 1.0));
      double sw = Double.MAX_VALUE;
      if (w.size() == 1) {
        sw = Math.log1p(sc);
      } else {
        for (int a = 0; a + 1 < w.size(); a++) {
          sw = Math.min(sw, Math.log1p(science.count(w.get(a), w.get(a + 1))));
        }
      }
      f[j++] = sw;
      f[j++] = Math.log1p(sc) - spunScience;
      f[j++] = meanScienceFrequency(w, science) - spunScienceFreq;
      f[j++] = Math.log1p(habits.originalCount(c.text()));
      int spinner = 0;
      if (w.size() == words.size()) {
        for (int a = 0; a < w.size(); a++) {
          String s = words.get(a);
          String o = w.get(a);
          if (!s.equals(o)
              && links.computeIfAbsent(a + " " + o, k -> spinnerLink(s, o, habits, thesaurus))) {
            spinner++;
          }
        }
      }
      f[j++] = spinner;
    }
    return x;
  }

  /**
   * Whether a spinner's own sources link the spun word {@code s} to the original word {@code o}:
   * neighbours in the thesaurus (word or base forms) or a learned habit in either direction.
   */
  private static boolean spinnerLink(String s, String o, SpinHabits habits, Thesaurus thesaurus) {
    String sb = SpinHabits.base(s);
    String ob = SpinHabits.base(o);
    return habits.originalsOf(sb).containsKey(ob)
        || habits.spinsOf(sb).containsKey(ob)
        || thesaurus.neighbours(s).contains(o)
        || (!sb.equals(s) || !ob.equals(o)) && thesaurus.neighbours(sb).contains(ob);
  }

  private static int phraseCount(List<String> w, PhraseStats stats) {
    return w.size() == 1 ? stats.count(w.get(0)) : stats.count(w);
  }

  private static double meanWordFrequency(List<String> w, PhraseStats stats) {
    double s = 0;
    for (String t : w) {
      s += Math.log1p(stats.count(t));
    }
    return s / w.size();
  }

  private static double meanScienceFrequency(List<String> w, ScienceCounts science) {
    double s = 0;
    for (String t : w) {
      s += Math.log1p(science.count(t));
    }
    return s / w.size();
  }

  /** One training phrase: its candidates' features and the index of the correct one. */
  public record Example(double[][] x, int gold) {
    public Example {
      if (gold < 0 || gold >= x.length) {
        throw new IllegalArgumentException("gold " + gold + " outside " + x.length);
      }
    }
  }

  /**
   * Learns a re-ranker from phrases whose correct original is among their first {@code depth}
   * candidates: features standardised over the training candidates, softmax log-likelihood of the
   * correct candidate with an L2 penalty {@code l2} (per weight, times the number of phrases),
   * minimised by full-batch Adam from zero weights for {@code iterations} steps; then boosted trees
   * ({@code trees}) fitted to the same loss on the raw features, starting from the linear score.
   * Deterministic.
   */
  public static Reranker train(
      List<Example> examples,
      int depth,
      double l2,
      int iterations,
      BoostedTrees.Settings trees,
      ScienceCounts science) {
    int n = FEATURES.size();
    double[] mean = new double[n];
    double[] sq = new double[n];
    long rows = 0;
    for (Example e : examples) {
      for (int i = 0; i < Math.min(depth, e.x.length); i++) {
        for (int j = 0; j < n; j++) {
          mean[j] += e.x[i][j];
          sq[j] += e.x[i][j] * e.x[i][j];
        }
        rows++;
      }
    }
    double[] scale = new double[n];
    for (int j = 0; j < n; j++) {
      mean[j] = rows == 0 ? 0 : mean[j] / rows;
      double var = rows == 0 ? 0 : sq[j] / rows - mean[j] * mean[j];
      scale[j] = var > 1e-12 ? Math.sqrt(var) : 1.0;
    }
    List<Example> used = new ArrayList<>();
    List<double[][]> raw = new ArrayList<>();
    for (Example e : examples) {
      if (e.gold < depth && Math.min(depth, e.x.length) > 1) {
        raw.add(Arrays.copyOf(e.x, Math.min(depth, e.x.length)));
        double[][] z = new double[Math.min(depth, e.x.length)][n];
        for (int i = 0; i < z.length; i++) {
          for (int j = 0; j < n; j++) {
            z[i][j] = (e.x[i][j] - mean[j]) / scale[j];
          }
        }
        used.add(new Example(z, e.gold));
      }
    }
    List<double[][]> xs = new ArrayList<>(used.size());
    int[] golds = new int[used.size()];
    for (int q = 0; q < used.size(); q++) {
      xs.add(used.get(q).x);
      golds[q] = used.get(q).gold;
    }
    double[] w = fitLogit(xs, golds, n, l2, iterations);
    if (raw.isEmpty()) {
      throw new IllegalArgumentException("no phrase with its original among the candidates");
    }
    int[] gold = new int[raw.size()];
    double[][] base = new double[raw.size()][];
    for (int q = 0; q < raw.size(); q++) {
      gold[q] = used.get(q).gold;
      base[q] = new double[raw.get(q).length];
      for (int i = 0; i < base[q].length; i++) {
        base[q][i] = linear(raw.get(q)[i], mean, scale, w);
      }
    }
    BoostedTrees t = BoostedTrees.train(raw, gold, base, trees);
    return new Reranker(depth, mean, scale, w, t, science);
  }

  /**
   * {@link #train} with the shipped settings ({@link #DEPTH}, {@link #L2}, {@link #ITERATIONS},
   * {@link #TREES}).
   */
  public static Reranker learn(List<Example> examples, ScienceCounts science) {
    return train(examples, DEPTH, L2, ITERATIONS, TREES, science);
  }

  /**
   * Writes the re-ranker as gzip-compressed tab-separated text (lines starting with {@code #} are
   * comments): {@code depth D}; one line per feature of {@link #FEATURES}, in order: name, mean,
   * scale, weight; {@code trees T N} (T trees of N nodes in all); {@code roots} and the T root
   * nodes; then N node lines, node 0 first: split feature index ({@code -1}: a leaf), threshold
   * (the left child takes {@code x <= threshold}), left child, right child, leaf value. Numbers in
   * {@code %.17g}, so that reading gives the same model.
   */
  public void write(Path file) throws IOException {
    try (BufferedWriter out =
        new BufferedWriter(
            new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8))) {
      out.write("# Wiretrace restoration re-ranker (linear + boosted trees), by RerankerBuilder\n");
      out.write("depth\t" + depth + "\n");
      for (int j = 0; j < weights.length; j++) {
        out.write(
            String.format(
                Locale.ROOT,
                "%s\t%.17g\t%.17g\t%.17g%n",
                FEATURES.get(j),
                mean[j],
                scale[j],
                weights[j]));
      }
      int[] roots = trees.roots();
      int[] feature = trees.feature();
      double[] threshold = trees.threshold();
      int[] left = trees.left();
      int[] right = trees.right();
      double[] value = trees.value();
      out.write("trees\t" + roots.length + "\t" + feature.length + "\n");
      StringBuilder r = new StringBuilder("roots");
      for (int root : roots) {
        r.append('\t').append(root);
      }
      out.write(r.append('\n').toString());
      for (int i = 0; i < feature.length; i++) {
        out.write(
            String.format(
                Locale.ROOT,
                "%d\t%.17g\t%d\t%d\t%.17g%n",
                feature[i],
                threshold[i],
                left[i],
                right[i],
                value[i]));
      }
    }
  }

  /**
   * Reads a re-ranker written by {@link #write} (gzip-compressed); its features must be {@link
   * #FEATURES} or their first ones (a re-ranker learned before features were added keeps scoring
   * with the features it was learned on).
   */
  public static Reranker read(InputStream in, ScienceCounts science) throws IOException {
    BufferedReader r =
        new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
    int depth = -1;
    int n = FEATURES.size();
    double[] mean = new double[n];
    double[] scale = new double[n];
    double[] weights = new double[n];
    int j = 0;
    int[] roots = null;
    int[] feature = null;
    double[] threshold = null;
    int[] left = null;
    int[] right = null;
    double[] value = null;
    int node = 0;
    try {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        if (f[0].equals("depth") && f.length == 2) {
          depth = Integer.parseInt(f[1]);
        } else if (f[0].equals("trees") && f.length == 3 && feature == null) {
          roots = new int[Integer.parseInt(f[1])];
          int nodes = Integer.parseInt(f[2]);
          feature = new int[nodes];
          threshold = new double[nodes];
          left = new int[nodes];
          right = new int[nodes];
          value = new double[nodes];
        } else if (f[0].equals("roots") && roots != null && f.length == roots.length + 1) {
          for (int t = 0; t < roots.length; t++) {
            roots[t] = Integer.parseInt(f[t + 1]);
          }
        } else if (feature != null) {
          if (f.length != 5 || node >= feature.length) {
            throw new IOException("bad re-ranker tree node: " + line);
          }
          feature[node] = Integer.parseInt(f[0]);
          threshold[node] = Double.parseDouble(f[1]);
          left[node] = Integer.parseInt(f[2]);
          right[node] = Integer.parseInt(f[3]);
          value[node] = Double.parseDouble(f[4]);
          node++;
        } else {
          if (f.length != 4 || j >= n || !f[0].equals(FEATURES.get(j))) {
            throw new IOException("re-ranker feature " + j + " does not match: " + line);
          }
          mean[j] = Double.parseDouble(f[1]);
          scale[j] = Double.parseDouble(f[2]);
          weights[j] = Double.parseDouble(f[3]);
          j++;
        }
      }
    } catch (NumberFormatException e) {
      throw new IOException("bad number in the re-ranker: " + e.getMessage(), e);
    }
    if (j < 1 || depth < 1) {
      throw new IOException("incomplete re-ranker: " + j + " of " + n + " features");
    }
    int used = j;
    if (feature == null || node != feature.length) {
      throw new IOException("incomplete re-ranker: trees missing or cut short");
    }
    try {
      return new Reranker(
          depth,
          Arrays.copyOf(mean, used),
          Arrays.copyOf(scale, used),
          Arrays.copyOf(weights, used),
          new BoostedTrees(used, roots, feature, threshold, left, right, value),
          science);
    } catch (IllegalArgumentException e) {
      throw new IOException("bad re-ranker: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "Reranker(depth "
        + depth
        + ", "
        + weights.length
        + " features, "
        + trees.trees()
        + " trees)";
  }

  /**
   * Fits the conditional logit's weights: full-batch Adam (Kingma and Ba 2015; rate 0.05, betas 0.9
   * and 0.999) from zero on the mean listwise softmax loss of the phrases ({@code x.get(q)}: one
   * row of {@code n} standardised features per candidate, {@code gold[q]} the correct one) plus
   * {@code l2} times half the squared weights. Deterministic.
   */
  static double[] fitLogit(List<double[][]> x, int[] gold, int n, double l2, int iterations) {
    double[] w = new double[n];
    double[] m1 = new double[n];
    double[] m2 = new double[n];
    double rate = 0.05;
    double b1 = 0.9;
    double b2 = 0.999;
    double[] grad = new double[n];
    for (int t = 1; t <= iterations; t++) {
      Arrays.fill(grad, 0);
      for (int q = 0; q < x.size(); q++) {
        double[][] e = x.get(q);
        double[] s = new double[e.length];
        double max = -Double.MAX_VALUE;
        for (int i = 0; i < s.length; i++) {
          double v = 0;
          for (int j = 0; j < n; j++) {
            v += w[j] * e[i][j];
          }
          s[i] = v;
          max = Math.max(max, v);
        }
        double z = 0;
        for (int i = 0; i < s.length; i++) {
          s[i] = Math.exp(s[i] - max);
          z += s[i];
        }
        for (int i = 0; i < s.length; i++) {
          double p = s[i] / z - (i == gold[q] ? 1 : 0);
          for (int j = 0; j < n; j++) {
            grad[j] += p * e[i][j];
          }
        }
      }
      int k = Math.max(1, x.size());
      for (int j = 0; j < n; j++) {
        double g = grad[j] / k + l2 * w[j];
        m1[j] = b1 * m1[j] + (1 - b1) * g;
        m2[j] = b2 * m2[j] + (1 - b2) * g * g;
        double h1 = m1[j] / (1 - Math.pow(b1, t));
        double h2 = m2[j] / (1 - Math.pow(b2, t));
        w[j] -= rate * h1 / (Math.sqrt(h2) + 1e-8);
      }
    }
    return w;
  }
}
