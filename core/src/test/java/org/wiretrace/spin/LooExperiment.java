package org.wiretrace.spin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Experiment tool (not a test): the deployment condition of the shipped restorer, measured without
 * leaking. A new phrase meets habits and known originals learned from <em>every</em> dev pair, so
 * each dev pair is scored by a restorer whose habits are learned from all the other pairs (leave
 * one out), re-ranked by the re-ranker of its 5-fold nested cross-validation fold (trained on the
 * cached candidate lists of the other folds, {@link RerankCacheDump}: never on the pair itself nor
 * on lists made with it). K-fold cross-validation learns habits from (K-1)/K of the pairs only and
 * so under-states what the full list gives; this tool measures the difference.
 *
 * <p>Usage: {@code java -Xmx4g -cp wiretrace.jar:core/target/test-classes
 * org.wiretrace.spin.LooExperiment PAIRS.jsonl CACHEDIR [THREADS] [VARIANT]} (variant of {@link
 * RerankVariants}, default {@code shipped}). Deterministic. Not thread-safe; run once.
 */
public final class LooExperiment {
  private LooExperiment() {}

  public static void main(String[] args) throws IOException {
    List<PhrasePair> pairs = PhrasePairs.read(Path.of(args[0]), System.err::println);
    Path dir = Path.of(args[1]);
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    String variant = args.length > 3 ? args[3] : "shipped";
    int folds = RerankCacheDump.FOLDS;
    int[] fold = RestoreEvaluation.folds(pairs.size(), folds);
    PhraseStats stats = PhraseStats.shared();
    ScienceCounts science = ScienceCounts.shared();
    Thesaurus thesaurus = Thesaurus.shared();
    WordNetLexicon wordnet = WordNetLexicon.shared();
    AtomicInteger reach = new AtomicInteger();
    AtomicInteger h1 = new AtomicInteger();
    AtomicInteger h3 = new AtomicInteger();
    AtomicInteger scored = new AtomicInteger();
    long t0 = System.nanoTime();
    for (int f = 0; f < folds; f++) {
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
      RerankExperiment.Scorer s =
          RerankVariants.of(variant).apply(tx, tg.stream().mapToInt(Integer::intValue).toArray());
      final int ff = f;
      RestoreEvaluation.parallel(
          pairs.size(),
          threads,
          i -> {
            PhrasePair p = pairs.get(i);
            if (fold[i] != ff || !p.hasExpected()) {
              return;
            }
            List<PhrasePair> others = new ArrayList<>(pairs);
            others.remove(i);
            PhraseRestorer r =
                new PhraseRestorer(
                    wordnet,
                    SpinHabits.learn(others),
                    stats,
                    thesaurus,
                    PhraseRestorer.Settings.DEFAULT);
            List<String> words = PhrasePair.words(p.tortured());
            List<PhraseRestorer.Candidate> c = r.candidates(words, Reranker.DEPTH);
            String want = PhrasePair.comparable(p.expected());
            scored.incrementAndGet();
            int gold = -1;
            for (int k = 0; k < c.size(); k++) {
              if (c.get(k).text().equals(want)) {
                gold = k;
                break;
              }
            }
            if (gold < 0) {
              return;
            }
            reach.incrementAndGet();
            double[] sc =
                s.score(
                    Reranker.features(
                        words, c, r.stats(), science, r.wordnet(), r.habits(), r.thesaurus()));
            int rank = 0;
            for (int k = 0; k < sc.length; k++) {
              if (sc[k] > sc[gold] || (sc[k] == sc[gold] && k < gold)) {
                rank++;
              }
            }
            if (rank == 0) {
              h1.incrementAndGet();
            }
            if (rank < 3) {
              h3.incrementAndGet();
            }
          });
      System.err.printf(
          Locale.ROOT,
          "fold %d done: %d scored, reach %d, top-1 %d, top-3 %d, %.0f s%n",
          f,
          scored.get(),
          reach.get(),
          h1.get(),
          h3.get(),
          (System.nanoTime() - t0) / 1e9);
    }
    int n = scored.get();
    System.out.printf(
        Locale.ROOT,
        "leave-one-out habits, %s re-ranker of the nested folds: %d pairs, reach at %d %.3f,"
            + " top-1 %.3f (%d), top-3 %.3f (%d)%n",
        variant,
        n,
        Reranker.DEPTH,
        (double) reach.get() / n,
        (double) h1.get() / n,
        h1.get(),
        (double) h3.get() / n,
        h3.get());
  }
}
