package org.wiretrace.spin;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * How often the words and bigrams of {@link PhraseStats} occur in the scientific part of its
 * corpora alone (arXiv abstracts and MedQuAD): a domain signal for restoring tortured phrases,
 * which come from scientific papers (Cabanac, Labbé and Magazinov 2021), where a news-heavy count
 * prefers a news collocation ("heart beat") to the term of the field ("heart rate"). The counts are
 * kept in arrays parallel to the {@link PhraseStats} tables (the same word ids and bigram order),
 * so they are valid only with the statistics they were counted for; their header records its size.
 *
 * <p>Immutable and thread-safe.
 */
public final class ScienceCounts {

  /** Class-path location of the shipped counts (for {@link PhraseStats#shared()}). */
  public static final String RESOURCE = "/org/wiretrace/spin/science-counts.bin.gz";

  /** Format marker of the resource ("WTS1"). */
  public static final int MAGIC = 0x57545331;

  private final PhraseStats stats;
  private final long total;
  private final int[] words;
  private final int[] bigrams;

  /**
   * Counts for {@code stats}: {@code words[i]} of its word {@code i}, {@code bigrams[j]} of its
   * bigram {@code j}, over {@code total} scientific word tokens.
   */
  public ScienceCounts(PhraseStats stats, long total, int[] words, int[] bigrams) {
    this.stats = Objects.requireNonNull(stats, "stats");
    if (words.length != stats.vocabularySize() || bigrams.length != stats.bigramTableSize()) {
      throw new IllegalArgumentException("counts do not match the phrase statistics");
    }
    this.total = total;
    this.words = words.clone();
    this.bigrams = bigrams.clone();
  }

  private static final class Holder {
    static final ScienceCounts SHARED = loadResource();
  }

  /** The counts shipped for {@link PhraseStats#shared()}, or {@link #empty} when absent. */
  public static ScienceCounts shared() {
    return Holder.SHARED;
  }

  /** No counts at all (every count 0). */
  public static ScienceCounts empty(PhraseStats stats) {
    return new ScienceCounts(
        stats, 0, new int[stats.vocabularySize()], new int[stats.bigramTableSize()]);
  }

  private static ScienceCounts loadResource() {
    PhraseStats stats = PhraseStats.shared();
    return Resources.load(RESOURCE, in -> read(in, stats), () -> empty(stats));
  }

  /** Scientific word tokens counted. */
  public long totalWords() {
    return total;
  }

  /** Scientific count of a word of the statistics (0 when unknown). */
  public int count(String word) {
    int i = stats.wordIndex(word);
    return i < 0 ? 0 : words[i];
  }

  /** Scientific count of a bigram of the statistics' table (0 when not in it). */
  public int count(String a, String b) {
    int i = stats.bigramIndex(a, b);
    return i < 0 ? 0 : bigrams[i];
  }

  /** Scientific count of a phrase of one or two words; for longer ones its rarest bigram's. */
  public int count(List<String> w) {
    if (w.isEmpty()) {
      return 0;
    }
    if (w.size() == 1) {
      return count(w.get(0));
    }
    int min = Integer.MAX_VALUE;
    for (int i = 0; i + 1 < w.size(); i++) {
      min = Math.min(min, count(w.get(i), w.get(i + 1)));
    }
    return min;
  }

  /** Writes the counts (gzip; varint counts in table order). */
  public void write(Path file) throws IOException {
    try (OutputStream os = Files.newOutputStream(file);
        DataOutputStream d =
            new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(os, 1 << 16)))) {
      d.writeInt(MAGIC);
      d.writeLong(total);
      d.writeInt(words.length);
      d.writeInt(bigrams.length);
      for (int c : words) {
        PhraseStats.writeVarLong(d, c);
      }
      for (int c : bigrams) {
        PhraseStats.writeVarLong(d, c);
      }
    }
  }

  /** Reads counts written by {@link #write} for {@code stats}. */
  public static ScienceCounts read(InputStream raw, PhraseStats stats) throws IOException {
    DataInputStream d =
        new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16));
    if (d.readInt() != MAGIC) {
      throw new IOException("not a science-counts file (bad magic)");
    }
    long total = d.readLong();
    int[] words = new int[d.readInt()];
    int[] bigrams = new int[d.readInt()];
    if (words.length != stats.vocabularySize() || bigrams.length != stats.bigramTableSize()) {
      throw new IOException("science counts were made for other phrase statistics");
    }
    for (int i = 0; i < words.length; i++) {
      words[i] = (int) PhraseStats.readVarLong(d);
    }
    for (int i = 0; i < bigrams.length; i++) {
      bigrams[i] = (int) PhraseStats.readVarLong(d);
    }
    return new ScienceCounts(stats, total, words, bigrams);
  }
}
