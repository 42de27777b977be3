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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Distributional word neighbours: for each word of a vocabulary, its nearest other words by the
 * cosine of count-based word vectors learned from the reference corpora (positive PMI of window
 * co-occurrences reduced by a truncated SVD, Levy, Goldberg and Dagan 2015; built by {@code
 * org.wiretrace.spin.build.NeighboursBuilder}), with the similarity quantised to a byte. Words used
 * in the same contexts ("army" and "military") are linked even where no thesaurus links them, so
 * they are a candidate source for restoring spun words ({@link PhraseRestorer}).
 *
 * <p>Immutable and thread-safe.
 */
public final class WordNeighbours {

  /** Class-path location of the shipped neighbours. */
  public static final String RESOURCE = "/org/wiretrace/spin/word-neighbours.bin.gz";

  /** Format marker of the resource ("WTN1"). */
  public static final int MAGIC = 0x57544E31;

  /** Neighbours kept per word by the builder. */
  public static final int K = 30;

  /** A neighbour and its cosine similarity (quantised to 1/255). */
  public record Neighbour(String word, double similarity) {
    public Neighbour {
      Objects.requireNonNull(word, "word");
    }
  }

  private final String[] words;
  private final Map<String, Integer> ids;
  private final int k;
  private final int[] neighbours;
  private final byte[] similarities;

  private WordNeighbours(String[] words, int k, int[] neighbours, byte[] similarities) {
    if (k < 0
        || neighbours.length != words.length * k
        || similarities.length != neighbours.length) {
      throw new IllegalArgumentException("expected " + k + " neighbours for each word");
    }
    this.words = words;
    this.k = k;
    this.neighbours = neighbours;
    this.similarities = similarities;
    this.ids = new HashMap<>(words.length * 2);
    for (int i = 0; i < words.length; i++) {
      if (ids.put(Objects.requireNonNull(words[i], "word"), i) != null) {
        throw new IllegalArgumentException("duplicate word " + words[i]);
      }
    }
    for (int j : neighbours) {
      if (j < 0 || j >= words.length) {
        throw new IllegalArgumentException("neighbour id out of range: " + j);
      }
    }
  }

  /**
   * Neighbours of {@code words}: word {@code i}'s {@code j}-th neighbour is {@code words[ids[i * k
   * + j]]} with cosine {@code sims[i * k + j]} (clamped to [0, 1] and quantised), most similar
   * first.
   */
  public static WordNeighbours of(String[] words, int k, int[] ids, float[] sims) {
    if (sims.length != ids.length) {
      throw new IllegalArgumentException("ids and similarities differ in length");
    }
    byte[] q = new byte[sims.length];
    for (int i = 0; i < sims.length; i++) {
      q[i] = quantise(sims[i]);
    }
    return new WordNeighbours(words.clone(), k, ids.clone(), q);
  }

  /** No neighbours at all. */
  public static WordNeighbours empty() {
    return new WordNeighbours(new String[0], 0, new int[0], new byte[0]);
  }

  private static final class Holder {
    static final WordNeighbours SHARED =
        Resources.load(RESOURCE, WordNeighbours::read, WordNeighbours::empty);
  }

  /** The shipped neighbours, or {@link #empty} when the resource is absent. */
  public static WordNeighbours shared() {
    return Holder.SHARED;
  }

  static byte quantise(float s) {
    float c = Math.max(0f, Math.min(1f, s));
    return (byte) Math.round(c * 255);
  }

  /** Words with neighbours. */
  public int size() {
    return words.length;
  }

  /** Neighbours stored per word. */
  public int k() {
    return k;
  }

  /** True when {@code word} has neighbours. */
  public boolean knows(String word) {
    return ids.containsKey(word);
  }

  /** The neighbours of {@code word}, most similar first (empty when unknown). */
  public List<Neighbour> neighbours(String word) {
    Integer i = ids.get(word);
    if (i == null) {
      return List.of();
    }
    List<Neighbour> out = new ArrayList<>(k);
    for (int j = i * k; j < (i + 1) * k; j++) {
      out.add(new Neighbour(words[neighbours[j]], (similarities[j] & 0xff) / 255.0));
    }
    return out;
  }

  /**
   * The similarity of {@code a} and {@code b} when either is among the other's neighbours (the
   * larger of the two directions), else 0.
   */
  public double similarity(String a, String b) {
    Integer x = ids.get(a);
    Integer y = ids.get(b);
    if (x == null || y == null) {
      return 0;
    }
    return Math.max(lookup(x, y), lookup(y, x));
  }

  private double lookup(int x, int y) {
    for (int j = x * k; j < (x + 1) * k; j++) {
      if (neighbours[j] == y) {
        return (similarities[j] & 0xff) / 255.0;
      }
    }
    return 0;
  }

  /** Writes the neighbours (gzip: words, then varint ids and similarity bytes per word). */
  public void write(Path file) throws IOException {
    try (OutputStream os = Files.newOutputStream(file);
        DataOutputStream d =
            new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(os, 1 << 16)))) {
      d.writeInt(MAGIC);
      d.writeInt(words.length);
      d.writeInt(k);
      for (String w : words) {
        d.writeUTF(w);
      }
      for (int i = 0; i < words.length; i++) {
        for (int j = i * k; j < (i + 1) * k; j++) {
          PhraseStats.writeVarLong(d, neighbours[j]);
        }
        d.write(similarities, i * k, k);
      }
    }
  }

  /** Reads neighbours written by {@link #write}. */
  public static WordNeighbours read(InputStream raw) throws IOException {
    DataInputStream d =
        new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16));
    if (d.readInt() != MAGIC) {
      throw new IOException("not a word-neighbours file (bad magic)");
    }
    int n = d.readInt();
    int k = d.readInt();
    if (n < 0 || k < 0 || (long) n * k > Integer.MAX_VALUE) {
      throw new IOException("bad word-neighbours header: " + n + " words, " + k + " neighbours");
    }
    String[] words = new String[n];
    for (int i = 0; i < n; i++) {
      words[i] = d.readUTF();
    }
    int[] ids = new int[n * k];
    byte[] sims = new byte[n * k];
    for (int i = 0; i < n; i++) {
      for (int j = i * k; j < (i + 1) * k; j++) {
        long v = PhraseStats.readVarLong(d);
        if (v < 0 || v >= n) {
          throw new IOException("neighbour id out of range: " + v);
        }
        ids[j] = (int) v;
      }
      d.readFully(sims, i * k, k);
    }
    try {
      return new WordNeighbours(words, k, ids, sims);
    } catch (IllegalArgumentException e) {
      throw new IOException("bad word-neighbours file: " + e.getMessage(), e);
    }
  }
}
