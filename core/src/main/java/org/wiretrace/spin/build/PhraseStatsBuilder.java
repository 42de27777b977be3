package org.wiretrace.spin.build;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.wiretrace.spin.BigramFilter;
import org.wiretrace.spin.PhraseStats;

/**
 * Builds the compact phrase-statistics resource ({@link PhraseStats#RESOURCE}) from reference
 * corpora: unigram, bigram and trigram counts of lower-cased words, n-grams never crossing
 * punctuation, pruned to a size budget (the most frequent entries kept; trigrams counted only when
 * both their bigrams survived, the a-priori pruning of Agrawal and Srikant 1994).
 *
 * <p>Usage: {@code java -cp wiretrace.jar org.wiretrace.spin.build.PhraseStatsBuilder
 * ../shared/data core/src/main/resources/org/wiretrace/spin/phrase-stats.bin.gz}. Reads every
 * {@code *.jsonl.gz} under {@code corpora/} and {@code science/} of the data folder (fields {@code
 * title} and {@code text}). Not thread-safe; run once.
 */
public final class PhraseStatsBuilder {

  /** Largest vocabulary kept. */
  public static final int MAX_WORDS = 160_000;

  /** Largest number of bigrams kept. */
  public static final int MAX_BIGRAMS = 1_300_000;

  /** Largest number of trigrams kept. */
  public static final int MAX_TRIGRAMS = 700_000;

  /** Smallest count of a bigram recorded in the seen-bigram filter. */
  public static final int MIN_SEEN = 2;

  /** Smallest count of a kept n-gram. */
  public static final int MIN_COUNT = 2;

  private final Corpus corpus;

  public PhraseStatsBuilder(List<Path> files) {
    this.corpus = new Corpus(files);
  }

  public static void main(String[] args) throws IOException {
    Path[] io = BuilderArgs.inputAndOutput(args, "PhraseStatsBuilder DATA_DIR OUT.bin.gz");
    new PhraseStatsBuilder(Corpus.under(io[0], "corpora", "science").files()).build(io[1]);
  }

  /** Counts, prunes and writes the resource to {@code out}. */
  public void build(Path out) throws IOException {
    long t0 = System.nanoTime();
    // pass 1: words
    Map<String, int[]> uni = new HashMap<>(1 << 21);
    long[] total = new long[1];
    forEachSegment(
        seg -> {
          for (String w : seg) {
            uni.computeIfAbsent(w, k -> new int[1])[0]++;
            total[0]++;
          }
        });
    List<Map.Entry<String, int[]>> entries = new ArrayList<>(uni.entrySet());
    entries.removeIf(e -> e.getValue()[0] < MIN_COUNT);
    entries.sort(
        Comparator.comparingInt((Map.Entry<String, int[]> e) -> -e.getValue()[0])
            .thenComparing(Map.Entry::getKey));
    if (entries.size() > MAX_WORDS) {
      entries = entries.subList(0, MAX_WORDS);
    }
    int v = entries.size();
    String[] words = new String[v];
    int[] wordCounts = new int[v];
    Map<String, Integer> ids = new HashMap<>(v * 2);
    for (int i = 0; i < v; i++) {
      words[i] = entries.get(i).getKey();
      wordCounts[i] = entries.get(i).getValue()[0];
      ids.put(words[i], i);
    }
    uni.clear();
    log("words: %d kept of %d tokens (%.0fs)", v, total[0], secs(t0));
    // pass 2: bigrams
    LongIntCounter bi = new LongIntCounter(1 << 23);
    forEachSegment(
        seg -> {
          int prev = -1;
          for (String w : seg) {
            Integer id = ids.get(w);
            int cur = id == null ? -1 : id;
            if (prev >= 0 && cur >= 0) {
              bi.add(PhraseStats.key(prev, cur));
            }
            prev = cur;
          }
        });
    int biMin = threshold(bi, MAX_BIGRAMS);
    long[][] bigrams = bi.atLeast(biMin);
    long[][] seenKeys = bi.atLeast(MIN_SEEN);
    BigramFilter seen = BigramFilter.sizedFor(seenKeys[0].length);
    for (long k : seenKeys[0]) {
      seen.add(k);
    }
    log("seen filter: %d bigrams with count >= %d", seenKeys[0].length, MIN_SEEN);
    seenKeys = null;
    log(
        "bigrams: %d kept (count >= %d) of %d (%.0fs)",
        bigrams[0].length, biMin, bi.size(), secs(t0));
    // pass 3: trigrams whose two bigrams were kept
    LongIntCounter tri = new LongIntCounter(1 << 23);
    long[] biKeys = bigrams[0];
    forEachSegment(
        seg -> {
          int a = -1;
          int b = -1;
          for (String w : seg) {
            Integer id = ids.get(w);
            int c = id == null ? -1 : id;
            if (a >= 0
                && b >= 0
                && c >= 0
                && Arrays.binarySearch(biKeys, PhraseStats.key(a, b)) >= 0
                && Arrays.binarySearch(biKeys, PhraseStats.key(b, c)) >= 0) {
              tri.add(PhraseStats.key(a, b, c));
            }
            a = b;
            b = c;
          }
        });
    int triMin = threshold(tri, MAX_TRIGRAMS);
    long[][] trigrams = tri.atLeast(Math.max(triMin, MIN_COUNT + 1));
    log(
        "trigrams: %d kept (count >= %d) of %d (%.0fs)",
        trigrams[0].length, triMin, tri.size(), secs(t0));
    write(out, total[0], words, wordCounts, bigrams, trigrams, seen);
    log("wrote %s (%d bytes, %.0fs)", out, Files.size(out), secs(t0));
  }

  private static int threshold(LongIntCounter c, int budget) {
    int min = MIN_COUNT;
    while (c.countAtLeast(min) > budget) {
      min++;
    }
    return min;
  }

  private static void write(
      Path out,
      long total,
      String[] words,
      int[] counts,
      long[][] bi,
      long[][] tri,
      BigramFilter seen)
      throws IOException {
    try (OutputStream os = Files.newOutputStream(out);
        DataOutputStream d =
            new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(os, 1 << 16)))) {
      d.writeInt(PhraseStats.MAGIC);
      d.writeLong(total);
      d.writeInt(words.length);
      for (int i = 0; i < words.length; i++) {
        d.writeUTF(words[i]);
        PhraseStats.writeVarLong(d, counts[i]);
      }
      for (long[][] grams : new long[][][] {bi, tri}) {
        d.writeInt(grams[0].length);
        long prev = 0;
        for (int i = 0; i < grams[0].length; i++) {
          PhraseStats.writeVarLong(d, grams[0][i] - prev);
          prev = grams[0][i];
          PhraseStats.writeVarLong(d, grams[1][i]);
        }
      }
      seen.write(d);
    }
  }

  private void forEachSegment(Consumer<List<String>> sink) throws IOException {
    corpus.forEachSegment(sink);
  }

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static void log(String fmt, Object... args) {
    System.err.println(String.format(fmt, args));
  }
}
