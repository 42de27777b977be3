package org.wiretrace.spin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Experiment tool (not a test): the quick reach loop. For held-out fold {@code F} of 5, the share
 * of pairs whose original is among the first 100 and 1,000 candidates of the beam ({@link
 * PhraseRestorer#candidates}) of a restorer with habits learned on the other four folds, with the
 * collocation prior {@code P} ({@link PhraseRestorer.Settings#collocation}) and, optionally, the
 * known-path factor {@code K} ({@link PhraseRestorer.Settings#knownPath}) and gaps {@code G}
 * ({@link PhraseRestorer.Settings#knownGaps}). Single-threaded.
 *
 * <p>Usage: {@code java -cp wiretrace.jar:core/target/test-classes org.wiretrace.spin.ReachLoop
 * PAIRS.jsonl F P [K [G]]}.
 */
public final class ReachLoop {
  private ReachLoop() {}

  public static void main(String[] args) throws IOException {
    List<PhrasePair> pairs = PhrasePairs.read(Path.of(args[0]), System.err::println);
    int f = Integer.parseInt(args[1]);
    double prior = Double.parseDouble(args[2]);
    PhraseRestorer.Settings d = PhraseRestorer.Settings.DEFAULT;
    PhraseRestorer.Settings s =
        d.withCollocation(prior)
            .withKnownPaths(
                args.length > 3 ? Double.parseDouble(args[3]) : d.knownPath(),
                args.length > 4 ? Integer.parseInt(args[4]) : d.knownGaps());
    int[] fold = RestoreEvaluation.folds(pairs.size(), 5);
    PhraseRestorer r =
        new PhraseRestorer(
            WordNetLexicon.shared(),
            SpinHabits.learn(RestoreEvaluation.outside(pairs, fold, f)),
            PhraseStats.shared(),
            Thesaurus.shared(),
            s);
    int kind = PhraseRestorer.Candidate.KINDS.indexOf("collocation ");
    int n = 0, at3 = 0, at100 = 0, at1000 = 0, byColloc = 0, size = 0;
    long t0 = System.nanoTime();
    for (int i = 0; i < pairs.size(); i++) {
      PhrasePair p = pairs.get(i);
      if (fold[i] != f || !p.hasExpected()) {
        continue;
      }
      n++;
      List<PhraseRestorer.Candidate> c = r.candidates(PhrasePair.words(p.tortured()), 1000);
      String want = PhrasePair.comparable(p.expected());
      for (int k = 0; k < c.size(); k++) {
        if (k < 100 && c.get(k).kind(kind) > 0) {
          size++;
        }
        if (c.get(k).text().equals(want)) {
          at3 += k < 3 ? 1 : 0;
          at100 += k < 100 ? 1 : 0;
          at1000++;
          byColloc += k < 100 && c.get(k).kind(kind) > 0 ? 1 : 0;
        }
      }
    }
    System.out.printf(
        "fold %d prior %s: %d pairs, beam top-3 %.3f, reach@100 %.3f (%d; %d by collocation),"
            + " reach@1000 %.3f; collocation candidates in the first 100: %.1f a pair; %.0f s%n",
        f,
        args[2],
        n,
        at3 / (double) n,
        at100 / (double) n,
        at100,
        byColloc,
        at1000 / (double) n,
        size / (double) n,
        (System.nanoTime() - t0) / 1e9);
  }
}
