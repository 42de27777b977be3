package org.wiretrace.spin;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Experiment tool (not a test): dumps the candidate lists of the nested cross-validation ({@link
 * RestoreEvaluation#crossValidateReranked}) once, so that re-ranker variants can be fitted and
 * scored from the cache ({@link RerankExperiment}) in about a minute instead of re-generating the
 * candidates. For each held-out fold {@code f} and each fold {@code g}, the file {@code
 * f<f>g<g>.bin.gz} holds the first {@link #DEPTH} candidates of every pair of fold {@code g} with
 * their {@link Reranker#features}, from the restorer whose habits were learned without folds {@code
 * f} and {@code g} ({@code g == f}: without {@code f} alone, the scored lists).
 *
 * <p>Format (gzip, big-endian {@link DataOutputStream}): int features, int lists; per list: int
 * pair index, int candidates {@code m}, int gold index ({@code -1}: the original is not among them,
 * then no features follow), then {@code m * features} doubles row by row. Pairs without a known
 * original are left out.
 *
 * <p>Usage: {@code java -Xmx4g [-Ddepth=D] -cp wiretrace.jar:core/target/test-classes
 * org.wiretrace.spin.RerankCacheDump PAIRS.jsonl OUTDIR [THREADS]} (with the evaluation's thesaurus
 * installed). Deterministic. Not thread-safe; run once.
 */
public final class RerankCacheDump {
  private RerankCacheDump() {}

  /** Folds, as in the evaluation's {@code --folds 5}. */
  static final int FOLDS = 5;

  /** Candidates dumped per list ({@code -Ddepth=D}, default {@link Reranker#DEPTH}). */
  static final int DEPTH = Integer.getInteger("depth", Reranker.DEPTH);

  public static void main(String[] args) throws IOException {
    List<PhrasePair> pairs = PhrasePairs.read(Path.of(args[0]), System.err::println);
    Path dir = Path.of(args[1]);
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    Files.createDirectories(dir);
    PhraseStats stats = PhraseStats.shared();
    ScienceCounts science = ScienceCounts.shared();
    Thesaurus thesaurus = Thesaurus.shared();
    System.err.println("thesaurus words: " + thesaurus.size());
    int[] fold = RestoreEvaluation.folds(pairs.size(), FOLDS);
    int n = Reranker.FEATURES.size();
    for (int f = 0; f < FOLDS; f++) {
      for (int g = 0; g < FOLDS; g++) {
        Path file = dir.resolve("f" + f + "g" + g + ".bin.gz");
        if (Files.exists(file)) {
          continue;
        }
        long t0 = System.nanoTime();
        PhraseRestorer r =
            new PhraseRestorer(
                WordNetLexicon.shared(),
                SpinHabits.learn(
                    g == f
                        ? RestoreEvaluation.outside(pairs, fold, f)
                        : RestoreEvaluation.outside(pairs, fold, f, g)),
                stats,
                thesaurus,
                PhraseRestorer.Settings.DEFAULT);
        int[] gold = new int[pairs.size()];
        double[][][] x = new double[pairs.size()][][];
        int[] m = new int[pairs.size()];
        final int fg = g;
        RestoreEvaluation.parallel(
            pairs.size(),
            threads,
            i -> {
              PhrasePair p = pairs.get(i);
              if (fold[i] != fg || !p.hasExpected()) {
                return;
              }
              List<String> words = PhrasePair.words(p.tortured());
              List<PhraseRestorer.Candidate> c = r.candidates(words, DEPTH);
              String want = PhrasePair.comparable(p.expected());
              gold[i] = -1;
              m[i] = c.size();
              for (int k = 0; k < c.size(); k++) {
                if (c.get(k).text().equals(want)) {
                  gold[i] = k;
                  break;
                }
              }
              if (gold[i] >= 0) {
                x[i] =
                    Reranker.features(
                        words, c, r.stats(), science, r.wordnet(), r.habits(), r.thesaurus());
              }
            });
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        int lists = 0;
        for (int i = 0; i < pairs.size(); i++) {
          lists += fold[i] == g && pairs.get(i).hasExpected() ? 1 : 0;
        }
        try (DataOutputStream out =
            new DataOutputStream(
                new BufferedOutputStream(
                    new GZIPOutputStream(Files.newOutputStream(tmp), 1 << 16), 1 << 16))) {
          out.writeInt(n);
          out.writeInt(lists);
          for (int i = 0; i < pairs.size(); i++) {
            if (fold[i] != g || !pairs.get(i).hasExpected()) {
              continue;
            }
            out.writeInt(i);
            out.writeInt(m[i]);
            out.writeInt(gold[i]);
            if (gold[i] >= 0) {
              for (double[] row : x[i]) {
                for (double v : row) {
                  out.writeDouble(v);
                }
              }
            }
          }
        }
        Files.move(tmp, file);
        System.err.printf(
            "f%d g%d: %d lists, %.0f s%n", f, g, lists, (System.nanoTime() - t0) / 1e9);
      }
    }
  }
}
