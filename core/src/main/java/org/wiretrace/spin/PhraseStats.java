package org.wiretrace.spin;

import java.io.BufferedInputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Word and phrase counts of the reference corpora (news: Reuters-21578, BBC, AllSides; science:
 * arXiv abstracts, MedQuAD), pruned to the most frequent words, bigrams and trigrams, as built by
 * {@link org.wiretrace.spin.build.PhraseStatsBuilder}. Gives the phrase evidence that ranks
 * restoration candidates: a spinner's "chilly battle" is (nearly) absent, "cold war" is a
 * collocation.
 *
 * <p>Loaded once from the class path ({@link #shared()}, about a second); immutable and
 * thread-safe.
 */
public final class PhraseStats {

  /** Class-path location of the shipped resource. */
  public static final String RESOURCE = "/org/wiretrace/spin/phrase-stats.bin.gz";

  /** Format marker of the resource. */
  public static final int MAGIC = 0x57545033; // "WTP3"

  private static final int BITS = 21;
  private static final long MASK = (1L << BITS) - 1;

  private final long total;
  private final Map<String, Integer> ids;
  private final int[] wordCounts;
  private final long[] biKeys;
  private final int[] biCounts;
  private final long[] triKeys;
  private final int[] triCounts;
  private final BigramFilter seen;
  private volatile Postings postings;

  private PhraseStats(
      long total,
      Map<String, Integer> ids,
      int[] wordCounts,
      long[] biKeys,
      int[] biCounts,
      long[] triKeys,
      int[] triCounts,
      BigramFilter seen) {
    this.total = total;
    this.ids = ids;
    this.wordCounts = wordCounts;
    this.biKeys = biKeys;
    this.biCounts = biCounts;
    this.triKeys = triKeys;
    this.triCounts = triCounts;
    this.seen = seen;
  }

  private static final class Holder {
    static final PhraseStats SHARED = loadResource();
  }

  /** The statistics shipped with Wiretrace, loaded on first use. */
  public static PhraseStats shared() {
    return Holder.SHARED;
  }

  private static PhraseStats loadResource() {
    return Resources.required(RESOURCE, PhraseStats::read);
  }

  /** Reads statistics written by the builder from a file. */
  public static PhraseStats load(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    }
  }

  /** An empty table (no evidence at all), for tests and as a neutral default. */
  public static PhraseStats empty() {
    return new PhraseStats(
        0,
        Map.of(),
        new int[0],
        new long[0],
        new int[0],
        new long[0],
        new int[0],
        BigramFilter.empty());
  }

  private static PhraseStats read(InputStream raw) throws IOException {
    DataInputStream d =
        new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16));
    if (d.readInt() != MAGIC) {
      throw new IOException("not a phrase-statistics file (bad magic)");
    }
    long total = d.readLong();
    int v = d.readInt();
    Map<String, Integer> ids = new HashMap<>(v * 2);
    int[] counts = new int[v];
    for (int i = 0; i < v; i++) {
      ids.put(d.readUTF(), i);
      counts[i] = (int) readVarLong(d);
    }
    long[][] bi = readGrams(d);
    long[][] tri = readGrams(d);
    BigramFilter seen = BigramFilter.read(d);
    return new PhraseStats(total, ids, counts, bi[0], toInts(bi[1]), tri[0], toInts(tri[1]), seen);
  }

  private static long[][] readGrams(DataInput d) throws IOException {
    int n = d.readInt();
    long[] keys = new long[n];
    long[] counts = new long[n];
    long prev = 0;
    for (int i = 0; i < n; i++) {
      prev += readVarLong(d);
      keys[i] = prev;
      counts[i] = readVarLong(d);
    }
    return new long[][] {keys, counts};
  }

  private static int[] toInts(long[] a) {
    int[] r = new int[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = (int) Math.min(Integer.MAX_VALUE, a[i]);
    }
    return r;
  }

  /** Number of word tokens counted. */
  public long totalWords() {
    return total;
  }

  /** Number of distinct words kept. */
  public int vocabularySize() {
    return wordCounts.length;
  }

  /** Count of a normalised word (0 when unknown or pruned). */
  public int count(String word) {
    Integer id = ids.get(word);
    return id == null ? 0 : wordCounts[id];
  }

  /** The index of a word in the vocabulary (0 most frequent), or -1 when unknown. */
  public int wordIndex(String word) {
    Integer id = ids.get(word);
    return id == null ? -1 : id;
  }

  /** The index of the bigram {@code a b} in the table of counted bigrams, or -1 when absent. */
  public int bigramIndex(String a, String b) {
    Integer x = ids.get(a);
    Integer y = ids.get(b);
    if (x == null || y == null) {
      return -1;
    }
    int i = Arrays.binarySearch(biKeys, key(x, y));
    return i >= 0 ? i : -1;
  }

  /** The index of the bigram of word ids {@code a b} in the table, or -1 when absent. */
  public int bigramIndex(int a, int b) {
    int i = Arrays.binarySearch(biKeys, key(a, b));
    return i >= 0 ? i : -1;
  }

  /** Number of bigrams with a count. */
  public int bigramTableSize() {
    return biKeys.length;
  }

  /** True when the word is in the vocabulary. */
  public boolean knows(String word) {
    return ids.containsKey(word);
  }

  /** Count of the bigram {@code a b} (0 when absent or pruned). */
  public int count(String a, String b) {
    Integer x = ids.get(a);
    Integer y = ids.get(b);
    if (x == null || y == null) {
      return 0;
    }
    int i = Arrays.binarySearch(biKeys, key(x, y));
    return i >= 0 ? biCounts[i] : 0;
  }

  /**
   * True when the bigram {@code a b} occurred at least {@link
   * org.wiretrace.spin.build.PhraseStatsBuilder#MIN_SEEN} times in the corpora, even if its count
   * was pruned (a Bloom filter: rare false positives, no false negatives).
   */
  public boolean seen(String a, String b) {
    Integer x = ids.get(a);
    Integer y = ids.get(b);
    if (x == null || y == null) {
      return false;
    }
    long k = key(x, y);
    return Arrays.binarySearch(biKeys, k) >= 0 || seen.mightContain(k);
  }

  /** Count of the trigram {@code a b c} (0 when absent or pruned). */
  public int count(String a, String b, String c) {
    Integer x = ids.get(a);
    Integer y = ids.get(b);
    Integer z = ids.get(c);
    if (x == null || y == null || z == null) {
      return 0;
    }
    int i = Arrays.binarySearch(triKeys, key(x, y, z));
    return i >= 0 ? triCounts[i] : 0;
  }

  /**
   * Count of a phrase of one to three words; for longer phrases the smallest count of its trigrams
   * (an upper bound of the phrase count).
   */
  public int count(List<String> words) {
    int n = words.size();
    switch (n) {
      case 0:
        return 0;
      case 1:
        return count(words.get(0));
      case 2:
        return count(words.get(0), words.get(1));
      case 3:
        return count(words.get(0), words.get(1), words.get(2));
      default:
        int min = Integer.MAX_VALUE;
        for (int i = 0; i + 3 <= n; i++) {
          min = Math.min(min, count(words.get(i), words.get(i + 1), words.get(i + 2)));
        }
        return min;
    }
  }

  /**
   * The counted phrases of {@code pattern.size()} words (two or three) that have the word of {@code
   * pattern} at every position where it is not null, most frequent first (ties in table order), at
   * most {@code limit}: the corpus collocations around the kept words of a spun phrase ("heart
   * rate", "heart failure" for "heart" followed by any word). Empty when no position is fixed, a
   * fixed word is unknown or the length is not 2 or 3. The first call builds an index of the
   * n-grams by word (about 20 MB, a second).
   */
  public List<List<String>> collocations(List<String> pattern, int limit) {
    int n = pattern.size();
    if ((n != 2 && n != 3) || limit < 1) {
      return List.of();
    }
    int[] want = new int[n];
    int rarest = -1;
    Postings p = postings();
    for (int i = 0; i < n; i++) {
      String w = pattern.get(i);
      if (w == null) {
        want[i] = -1;
        continue;
      }
      Integer id = ids.get(w);
      if (id == null) {
        return List.of();
      }
      want[i] = id;
      if (rarest < 0 || p.size(n, id) < p.size(n, want[rarest])) {
        rarest = i;
      }
    }
    if (rarest < 0) {
      return List.of();
    }
    List<List<String>> out = new ArrayList<>();
    int[] row = p.of(n, want[rarest]);
    for (int g : row) {
      long key = n == 2 ? biKeys[g] : triKeys[g];
      boolean match = true;
      String[] words = new String[n];
      for (int i = 0; i < n && match; i++) {
        int id = (int) ((key >>> ((n - 1 - i) * BITS)) & MASK);
        match = want[i] < 0 || want[i] == id;
        words[i] = p.word(id);
      }
      if (match) {
        out.add(List.of(words));
        if (out.size() == limit) {
          break;
        }
      }
    }
    return out;
  }

  private Postings postings() {
    Postings p = postings;
    if (p == null) {
      synchronized (this) {
        p = postings;
        if (p == null) {
          p = new Postings(this);
          postings = p;
        }
      }
    }
    return p;
  }

  /**
   * For each word, the bigrams and trigrams (indices into the tables) that contain it, most
   * frequent first, and the words by id.
   */
  private static final class Postings {
    private final String[] words;
    private final int[][] bigrams;
    private final int[][] trigrams;

    Postings(PhraseStats s) {
      words = new String[s.wordCounts.length];
      for (Map.Entry<String, Integer> e : s.ids.entrySet()) {
        words[e.getValue()] = e.getKey();
      }
      bigrams = index(s.biKeys, s.biCounts, 2, words.length);
      trigrams = index(s.triKeys, s.triCounts, 3, words.length);
    }

    private static int[][] index(long[] keys, int[] counts, int n, int vocabulary) {
      Integer[] order = new Integer[keys.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (x, y) -> Integer.compare(counts[y], counts[x]));
      int[] size = new int[vocabulary];
      for (long k : keys) {
        for (int i = 0; i < n; i++) {
          size[(int) ((k >>> (i * BITS)) & MASK)]++;
        }
      }
      int[][] out = new int[vocabulary][];
      for (int w = 0; w < vocabulary; w++) {
        out[w] = new int[size[w]];
      }
      int[] fill = new int[vocabulary];
      for (int g : order) {
        for (int i = 0; i < n; i++) {
          int w = (int) ((keys[g] >>> (i * BITS)) & MASK);
          if (!contains(out[w], fill[w], g)) {
            out[w][fill[w]++] = g;
          }
        }
      }
      for (int w = 0; w < vocabulary; w++) {
        if (fill[w] < out[w].length) {
          out[w] = Arrays.copyOf(out[w], fill[w]);
        }
      }
      return out;
    }

    /** True when the last entry of the first {@code fill} of {@code row} is {@code g}. */
    private static boolean contains(int[] row, int fill, int g) {
      return fill > 0 && row[fill - 1] == g;
    }

    int[] of(int n, int word) {
      return n == 2 ? bigrams[word] : trigrams[word];
    }

    int size(int n, int word) {
      return of(n, word).length;
    }

    String word(int id) {
      return words[id];
    }
  }

  /** The packed key of a bigram of word ids. */
  public static long key(int a, int b) {
    return ((long) a << BITS) | b;
  }

  /** The packed key of a trigram of word ids. */
  public static long key(int a, int b, int c) {
    return ((long) a << (2 * BITS)) | ((long) b << BITS) | c;
  }

  static int first(long key) {
    return (int) ((key >>> BITS) & MASK);
  }

  /**
   * True when the characters between two words ({@code text[from, to)}) break a phrase: anything
   * but white space, hyphens and apostrophes (a sentence or clause boundary, brackets, quotes).
   */
  public static boolean breaksBetween(String text, int from, int to) {
    for (int k = from; k < to; k++) {
      char c = text.charAt(k);
      if (!Character.isWhitespace(c) && c != '-' && c != '\'' && c != '’' && c != '‐') {
        return true;
      }
    }
    return false;
  }

  /** Writes a non-negative long as a little-endian base-128 varint. */
  public static void writeVarLong(DataOutput out, long v) throws IOException {
    if (v < 0) {
      throw new IllegalArgumentException("negative varint " + v);
    }
    while ((v & ~0x7FL) != 0) {
      out.writeByte((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.writeByte((int) v);
  }

  static long readVarLong(DataInput in) throws IOException {
    long v = 0;
    int shift = 0;
    while (true) {
      int b = in.readUnsignedByte();
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
      shift += 7;
    }
  }
}
