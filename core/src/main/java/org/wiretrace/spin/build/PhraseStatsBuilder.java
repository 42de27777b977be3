package org.wiretrace.spin.build;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.wiretrace.spin.BigramFilter;
import org.wiretrace.spin.PhraseStats;
import org.wiretrace.text.Tokens;

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

  private final List<Path> files;

  public PhraseStatsBuilder(List<Path> files) {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no corpus files");
    }
    this.files = List.copyOf(files);
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: PhraseStatsBuilder DATA_DIR OUT.bin.gz");
      System.exit(2);
    }
    Path data = Path.of(args[0]);
    List<Path> files = new ArrayList<>();
    for (String sub : new String[] {"corpora", "science"}) {
      try (var s = Files.list(data.resolve(sub))) {
        s.filter(p -> p.toString().endsWith(".jsonl.gz")).sorted().forEach(files::add);
      }
    }
    new PhraseStatsBuilder(files).build(Path.of(args[1]));
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
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
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

  /** Calls {@code sink} with each punctuation-free run of lower-cased words of every document. */
  private void forEachSegment(Consumer<List<String>> sink) throws IOException {
    JsonFactory f = new JsonFactory();
    List<String> seg = new ArrayList<>();
    for (Path file : files) {
      long docs = 0;
      try (InputStream in =
              new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
          JsonParser p = f.createParser(in)) {
        while (p.nextToken() != null) {
          if (p.currentToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (("text".equals(name) || "title".equals(name))
                && p.currentToken() == JsonToken.VALUE_STRING) {
              segments(p.getText(), seg, sink);
              docs += "text".equals(name) ? 1 : 0;
            }
          }
        }
      }
      log("  %s: %d documents", file.getFileName(), docs);
    }
  }

  static void segments(String text, List<String> seg, Consumer<List<String>> sink) {
    Tokens t = Tokens.of(text);
    seg.clear();
    for (int i = 0; i < t.size(); i++) {
      if (i > 0 && PhraseStats.breaksBetween(text, t.end(i - 1), t.start(i))) {
        if (seg.size() > 0) {
          sink.accept(seg);
        }
        seg.clear();
      }
      seg.add(t.term(i));
    }
    if (seg.size() > 0) {
      sink.accept(seg);
    }
    seg.clear();
  }

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static void log(String fmt, Object... args) {
    System.err.println(String.format(fmt, args));
  }
}
