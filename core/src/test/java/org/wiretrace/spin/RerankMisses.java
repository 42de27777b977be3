package org.wiretrace.spin;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Experiment tool (not a test): error analysis of the re-ranker on one held-out fold of the cached
 * nested cross-validation ({@link RerankCacheDump}): fits the shipped variant on the other folds'
 * cached lists, re-generates the held-out fold's candidates (for their text) and prints every
 * ranking miss (original among the candidates but not first) with the top candidate, the original's
 * rank and the features that differ most (in training standard deviations).
 *
 * <p>Usage: {@code java -cp wiretrace.jar:core/target/test-classes org.wiretrace.spin.RerankMisses
 * PAIRS.jsonl CACHEDIR FOLD}. Not thread-safe.
 */
public final class RerankMisses {
  private RerankMisses() {}

  public static void main(String[] args) throws IOException {
    List<PhrasePair> pairs = PhrasePairs.read(Path.of(args[0]), System.err::println);
    Path dir = Path.of(args[1]);
    int f = Integer.parseInt(args[2]);
    int folds = RerankCacheDump.FOLDS;
    List<double[][]> tx = new ArrayList<>();
    List<Integer> tg = new ArrayList<>();
    for (int g = 0; g < folds; g++) {
      if (g != f) {
        RerankExperiment.Lists l =
            RerankExperiment.read(dir.resolve("f" + f + "g" + g + ".bin.gz"));
        tx.addAll(l.x());
        tg.addAll(l.gold());
      }
    }
    int n = Reranker.FEATURES.size();
    double[] mean = new double[n];
    double[] sq = new double[n];
    long rows = 0;
    for (double[][] v : tx) {
      for (double[] r : v) {
        for (int j = 0; j < n; j++) {
          mean[j] += r[j];
          sq[j] += r[j] * r[j];
        }
        rows++;
      }
    }
    double[] sd = new double[n];
    for (int j = 0; j < n; j++) {
      mean[j] /= rows;
      sd[j] = Math.sqrt(Math.max(1e-12, sq[j] / rows - mean[j] * mean[j]));
    }
    RerankExperiment.Scorer s =
        RerankVariants.of("shipped").apply(tx, tg.stream().mapToInt(Integer::intValue).toArray());
    int[] fold = RestoreEvaluation.folds(pairs.size(), folds);
    PhraseRestorer r =
        new PhraseRestorer(
            WordNetLexicon.shared(),
            SpinHabits.learn(RestoreEvaluation.outside(pairs, fold, f)),
            PhraseStats.shared(),
            Thesaurus.shared(),
            PhraseRestorer.Settings.DEFAULT);
    try (DataInputStream in =
        new DataInputStream(
            new BufferedInputStream(
                new GZIPInputStream(
                    Files.newInputStream(dir.resolve("f" + f + "g" + f + ".bin.gz"))),
                1 << 16))) {
      if (in.readInt() != n) {
        throw new IOException("the cache was dumped with other features than Reranker.FEATURES");
      }
      int lists = in.readInt();
      int hits = 0;
      int misses = 0;
      for (int l = 0; l < lists; l++) {
        int pi = in.readInt();
        int m = in.readInt();
        int gold = in.readInt();
        if (gold < 0) {
          continue;
        }
        double[][] v = new double[m][n];
        for (int i = 0; i < m; i++) {
          for (int j = 0; j < n; j++) {
            v[i][j] = in.readDouble();
          }
        }
        double[] sc = s.score(v);
        int top = 0;
        int rank = 0;
        for (int i = 0; i < m; i++) {
          if (sc[i] > sc[top]) {
            top = i;
          }
          if (sc[i] > sc[gold] || (sc[i] == sc[gold] && i < gold)) {
            rank++;
          }
        }
        if (rank == 0) {
          hits++;
          continue;
        }
        misses++;
        PhrasePair p = pairs.get(pi);
        List<String> words = PhrasePair.words(p.tortured());
        List<PhraseRestorer.Candidate> c = r.candidates(words, Reranker.DEPTH);
        StringBuilder d = new StringBuilder();
        List<Integer> js = new ArrayList<>();
        for (int j = 0; j < n; j++) {
          js.add(j);
        }
        double[][] vv = v;
        int tt = top;
        js.sort(
            (a, b) ->
                Double.compare(
                    Math.abs(vv[tt][b] - vv[gold][b]) / sd[b],
                    Math.abs(vv[tt][a] - vv[gold][a]) / sd[a]));
        for (int q = 0; q < 6; q++) {
          int j = js.get(q);
          d.append(
              String.format(
                  Locale.ROOT,
                  " | %s %.2f vs %.2f",
                  Reranker.FEATURES.get(j),
                  v[top][j],
                  v[gold][j]));
        }
        System.out.printf(
            Locale.ROOT,
            "MISS %s => want '%s' (beam %d, rank %d, score gap %.2f), top '%s' (beam %d)%s%n",
            p.tortured(),
            c.get(gold).text(),
            gold,
            rank,
            sc[top] - sc[gold],
            c.get(top).text(),
            top,
            d);
      }
      System.out.printf(Locale.ROOT, "fold %d: %d hits, %d ranking misses%n", f, hits, misses);
    }
  }
}
