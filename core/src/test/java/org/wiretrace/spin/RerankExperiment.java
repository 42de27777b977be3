package org.wiretrace.spin;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.zip.GZIPInputStream;

/**
 * Experiment tool (not a test): fits re-ranker variants on the candidate lists cached by {@link
 * RerankCacheDump} and scores them by the same nested cross-validation as {@link
 * RestoreEvaluation#crossValidateReranked}: for each held-out fold {@code f}, a variant learns from
 * the lists of the other folds made without {@code f} and their own fold, and ranks fold {@code
 * f}'s lists made without {@code f}; a pair counts as a top-k hit when its original is among the
 * first {@code k} after re-ranking (ties kept in beam order).
 *
 * <p>Usage: {@code java [-Ddepth=D] -cp wiretrace.jar:core/target/test-classes
 * org.wiretrace.spin.RerankExperiment CACHEDIR VARIANT...}. Not thread-safe.
 */
public final class RerankExperiment {
  private RerankExperiment() {}

  /**
   * Candidates kept per cached list ({@code -Ddepth=D}, default {@link Reranker#DEPTH}): a cache
   * dumped at a larger depth scores the re-ranker over the first {@code D} alone, as the candidate
   * lists of a smaller depth are the prefixes of a larger one's.
   */
  static final int DEPTH = Integer.getInteger("depth", Reranker.DEPTH);

  record Lists(List<double[][]> x, List<Integer> gold, int total) {}

  /** A variant: learns from training lists, returns a scorer of one list's candidates. */
  interface Variant extends BiFunction<List<double[][]>, int[], Scorer> {}

  interface Scorer {
    double[] score(double[][] x);
  }

  static Lists read(Path file) throws IOException {
    try (DataInputStream in =
        new DataInputStream(
            new BufferedInputStream(new GZIPInputStream(Files.newInputStream(file)), 1 << 16))) {
      int n = in.readInt();
      int lists = in.readInt();
      List<double[][]> x = new ArrayList<>();
      List<Integer> gold = new ArrayList<>();
      for (int l = 0; l < lists; l++) {
        in.readInt();
        int m = in.readInt();
        int g = in.readInt();
        if (g < 0) {
          continue;
        }
        double[][] v = new double[m][n];
        for (int i = 0; i < m; i++) {
          for (int j = 0; j < n; j++) {
            v[i][j] = in.readDouble();
          }
        }
        if (g >= DEPTH) {
          continue;
        }
        x.add(m > DEPTH ? java.util.Arrays.copyOf(v, DEPTH) : v);
        gold.add(g);
      }
      return new Lists(x, gold, lists);
    }
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    int folds = RerankCacheDump.FOLDS;
    Lists[][] cache = new Lists[folds][folds];
    for (int f = 0; f < folds; f++) {
      for (int g = 0; g < folds; g++) {
        cache[f][g] = read(dir.resolve("f" + f + "g" + g + ".bin.gz"));
      }
    }
    int reach = 0;
    int total = 0;
    for (int f = 0; f < folds; f++) {
      reach += cache[f][f].x().size();
      total += cache[f][f].total();
    }
    System.out.printf(
        Locale.ROOT,
        "%d pairs, original among the first %d: %d (%.3f)%n",
        total,
        DEPTH,
        reach,
        (double) reach / total);
    for (int a = 1; a < args.length; a++) {
      String name = args[a];
      Variant v = RerankVariants.of(name);
      long t0 = System.nanoTime();
      int h1 = 0;
      int h3 = 0;
      StringBuilder per = new StringBuilder();
      for (int f = 0; f < folds; f++) {
        List<double[][]> tx = new ArrayList<>();
        List<Integer> tg = new ArrayList<>();
        for (int g = 0; g < folds; g++) {
          if (g != f) {
            tx.addAll(cache[f][g].x());
            tg.addAll(cache[f][g].gold());
          }
        }
        Scorer s = v.apply(tx, tg.stream().mapToInt(Integer::intValue).toArray());
        Lists test = cache[f][f];
        int f1 = 0;
        for (int q = 0; q < test.x().size(); q++) {
          double[] sc = s.score(test.x().get(q));
          int gi = test.gold().get(q);
          int rank = 0;
          for (int i = 0; i < sc.length; i++) {
            if (sc[i] > sc[gi] || (sc[i] == sc[gi] && i < gi)) {
              rank++;
            }
          }
          f1 += rank == 0 ? 1 : 0;
          h1 += rank == 0 ? 1 : 0;
          h3 += rank < 3 ? 1 : 0;
        }
        per.append(String.format(Locale.ROOT, " %.3f", (double) f1 / test.total()));
      }
      System.out.printf(
          Locale.ROOT,
          "%-40s top-1 %.3f  top-3 %.3f  (%d/%d, %d/%d; folds top-1%s) %.0f s%n",
          name,
          (double) h1 / total,
          (double) h3 / total,
          h1,
          total,
          h3,
          total,
          per,
          (System.nanoTime() - t0) / 1e9);
    }
  }
}
