package org.wiretrace.spin.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.wiretrace.spin.PhraseStats;
import org.wiretrace.spin.ScienceCounts;

/**
 * Builds the scientific counts resource ({@link ScienceCounts#RESOURCE}): the words and bigrams of
 * the shipped {@link PhraseStats} counted again over the scientific corpora only (every {@code
 * *.jsonl.gz} under {@code science/} of the data folder, fields {@code title} and {@code text}),
 * tokenised and split at punctuation by the same {@link Corpus} reader as {@link
 * PhraseStatsBuilder}.
 *
 * <p>Usage: {@code java -Xmx2g -cp wiretrace.jar org.wiretrace.spin.build.ScienceCountsBuilder
 * ../shared/data core/src/main/resources/org/wiretrace/spin/science-counts.bin.gz} (about a
 * minute). Rebuild it whenever the phrase statistics are rebuilt. Not thread-safe; run once.
 */
public final class ScienceCountsBuilder {
  private ScienceCountsBuilder() {}

  public static void main(String[] args) throws IOException {
    Path[] io = BuilderArgs.inputAndOutput(args, "ScienceCountsBuilder DATA_DIR OUT.bin.gz");
    Corpus corpus = Corpus.under(io[0], "science");
    PhraseStats stats = PhraseStats.shared();
    ScienceCounts c = count(corpus, stats);
    Path out = io[1];
    c.write(out);
    System.err.printf(
        "counted %,d scientific words in %d files: %s (%d bytes)%n",
        c.totalWords(), corpus.files().size(), out, Files.size(out));
  }

  /** Counts the words and table bigrams of {@code stats} in {@code corpus}. */
  public static ScienceCounts count(Corpus corpus, PhraseStats stats) throws IOException {
    int[] words = new int[stats.vocabularySize()];
    int[] bigrams = new int[stats.bigramTableSize()];
    long[] total = new long[1];
    corpus.forEachSegment(
        s -> {
          int prev = -1;
          for (String w : s) {
            int cur = stats.wordIndex(w);
            total[0]++;
            if (cur >= 0) {
              words[cur]++;
              if (prev >= 0) {
                int j = stats.bigramIndex(prev, cur);
                if (j >= 0) {
                  bigrams[j]++;
                }
              }
            }
            prev = cur;
          }
        });
    return new ScienceCounts(stats, total[0], words, bigrams);
  }
}
