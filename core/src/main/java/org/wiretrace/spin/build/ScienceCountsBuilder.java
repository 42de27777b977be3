package org.wiretrace.spin.build;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.wiretrace.spin.PhraseStats;
import org.wiretrace.spin.ScienceCounts;

/**
 * Builds the scientific counts resource ({@link ScienceCounts#RESOURCE}): the words and bigrams of
 * the shipped {@link PhraseStats} counted again over the scientific corpora only (every {@code
 * *.jsonl.gz} under {@code science/} of the data folder, fields {@code title} and {@code text}),
 * tokenised and split at punctuation exactly as {@link PhraseStatsBuilder} does.
 *
 * <p>Usage: {@code java -Xmx2g -cp wiretrace.jar org.wiretrace.spin.build.ScienceCountsBuilder
 * ../shared/data core/src/main/resources/org/wiretrace/spin/science-counts.bin.gz} (about a
 * minute). Rebuild it whenever the phrase statistics are rebuilt. Not thread-safe; run once.
 */
public final class ScienceCountsBuilder {
  private ScienceCountsBuilder() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: ScienceCountsBuilder DATA_DIR OUT.bin.gz");
      System.exit(2);
    }
    List<Path> files = new ArrayList<>();
    try (var s = Files.list(Path.of(args[0]).resolve("science"))) {
      s.filter(p -> p.toString().endsWith(".jsonl.gz")).sorted().forEach(files::add);
    }
    if (files.isEmpty()) {
      throw new IOException("no science/*.jsonl.gz under " + args[0]);
    }
    PhraseStats stats = PhraseStats.shared();
    ScienceCounts c = count(files, stats);
    Path out = Path.of(args[1]);
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    c.write(out);
    System.err.printf(
        "counted %,d scientific words in %d files: %s (%d bytes)%n",
        c.totalWords(), files.size(), out, Files.size(out));
  }

  /** Counts the words and table bigrams of {@code stats} in {@code files}. */
  public static ScienceCounts count(List<Path> files, PhraseStats stats) throws IOException {
    int[] words = new int[stats.vocabularySize()];
    int[] bigrams = new int[stats.bigramTableSize()];
    long[] total = new long[1];
    JsonFactory f = new JsonFactory();
    List<String> seg = new ArrayList<>();
    for (Path file : files) {
      try (InputStream in =
              new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
          JsonParser p = f.createParser(in)) {
        while (p.nextToken() != null) {
          if (p.currentToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (("text".equals(name) || "title".equals(name))
                && p.currentToken() == JsonToken.VALUE_STRING) {
              PhraseStatsBuilder.segments(
                  p.getText(),
                  seg,
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
            }
          }
        }
      }
    }
    return new ScienceCounts(stats, total[0], words, bigrams);
  }
}
