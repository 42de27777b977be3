package org.wiretrace.spin.build;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.wiretrace.spin.PhrasePair;
import org.wiretrace.spin.PhrasePairs;
import org.wiretrace.spin.PhraseRestorer;
import org.wiretrace.spin.PhraseStats;
import org.wiretrace.spin.Reranker;
import org.wiretrace.spin.RestoreEvaluation;
import org.wiretrace.spin.ScienceCounts;
import org.wiretrace.spin.Thesaurus;
import org.wiretrace.spin.WordNetLexicon;

/**
 * Learns the restoration re-ranker resource ({@link Reranker#RESOURCE}) from a list of
 * tortured/original pairs: the pairs are split into 5 folds ({@link RestoreEvaluation#folds}), each
 * fold's candidates come from the restorer ({@link PhraseRestorer.Settings#DEFAULT}, the installed
 * thesaurus) with habits learned from the other four folds, so that no pair's candidates use a
 * habit learned from itself, and {@link Reranker#learn} fits the weights and the trees on all of
 * them.
 *
 * <p>Usage: {@code java -Xmx4g -cp wiretrace.jar org.wiretrace.spin.build.RerankerBuilder
 * ../shared/data/tortured-phrases/dev.jsonl
 * core/src/main/resources/org/wiretrace/spin/restore-reranker.tsv.gz} (a few minutes; needs the
 * thesaurus of the evaluation, {@code libaiksaurus-1.2-data}, installed and the science counts
 * built). Deterministic. Not thread-safe; run once.
 */
public final class RerankerBuilder {
  private RerankerBuilder() {}

  /** Folds of the candidate generation. */
  public static final int FOLDS = 5;

  public static void main(String[] args) throws IOException {
    Path[] io = BuilderArgs.inputAndOutput(args, "RerankerBuilder PAIRS.jsonl OUT.tsv.gz");
    List<PhrasePair> pairs = PhrasePairs.read(io[0], System.err::println);
    PhraseStats stats = PhraseStats.shared();
    ScienceCounts science = ScienceCounts.shared();
    Thesaurus thesaurus = Thesaurus.shared();
    if (thesaurus.size() == 0) {
      System.err.println("warning: no thesaurus installed; learning without it");
    }
    List<Reranker.Example> ex =
        RestoreEvaluation.examples(
            pairs,
            FOLDS,
            h ->
                new PhraseRestorer(
                    WordNetLexicon.shared(), h, stats, thesaurus, PhraseRestorer.Settings.DEFAULT),
            science,
            Reranker.DEPTH,
            2);
    Reranker r = Reranker.learn(ex, science);
    Path out = io[1];
    r.write(out);
    System.err.printf(
        "learned from %d of %d pairs (original among the first %d): %s%n",
        ex.size(), pairs.size(), Reranker.DEPTH, out);
  }
}
