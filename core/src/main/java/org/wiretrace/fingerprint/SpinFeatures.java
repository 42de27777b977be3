package org.wiretrace.fingerprint;

import java.util.Arrays;
import org.wiretrace.text.Tokens;

/**
 * Features that survive synonym spinning, after the "immutables" of Zhang, Wang and Voelker,
 * "DSpin: Detecting Automatically Spun Content on the Web" (NDSS 2014): a spinner replaces content
 * words with synonyms but leaves function words, names and numbers, and their order, in place.
 *
 * <ul>
 *   <li><b>Immutable n-grams</b>: the text is reduced to its sequence of immutables — {@link
 *       FunctionWords function words}, numbers (separators removed) and capitalised words not at a
 *       sentence start (names) — and every run of {@code n} consecutive immutables that holds at
 *       least one name or number (an anchor; runs of function words alone are too common to
 *       identify a text) is hashed. A spun copy keeps most of these runs even when half of its
 *       content words changed.
 *   <li><b>Name grams</b>: character 4-grams of each name and number of five or more characters, so
 *       that names still match through inflection, transliteration or a repaired encoding.
 * </ul>
 *
 * <p>Both are returned as sorted, distinct 32-bit hashes. Stateless and thread-safe.
 */
public final class SpinFeatures {
  /** Default number of immutables per n-gram. */
  public static final int DEFAULT_N = 4;

  /** At most this many name grams are kept: the smallest hashes (a bottom-k sample). */
  public static final int MAX_NAME_GRAMS = 128;

  /** Length of the character grams of names. */
  public static final int NAME_GRAM = 4;

  /**
   * Texts with at least this many immutable n-grams index and query only those of {@link
   * #indexedGrams} (the lowest quarter of the hash order); shorter texts use all of theirs.
   */
  public static final int INDEX_ALL_BELOW = 256;

  /** The lowest quarter of the signed 32-bit hash order: hashes below this are always indexed. */
  static final int INDEXED_LIMIT = Integer.MIN_VALUE + (1 << 30);

  private static final byte OTHER = 0;
  private static final byte FUNCTION = 1;
  private static final byte ANCHOR = 2;

  private SpinFeatures() {}

  /** Kind of token {@code i}: content word, function word, or anchor (name or number). */
  private static byte kind(Tokens t, int i) {
    String term = t.term(i);
    if (FunctionWords.contains(term)) {
      return FUNCTION;
    }
    if (t.isNumeric(i) || (t.isCapitalized(i) && !t.startsSentence(i))) {
      return ANCHOR;
    }
    return OTHER;
  }

  private static String anchorForm(Tokens t, int i) {
    String term = t.term(i);
    if (!t.isNumeric(i)) {
      return term;
    }
    StringBuilder sb = new StringBuilder(term.length());
    for (int k = 0; k < term.length(); k++) {
      char c = term.charAt(k);
      if (c != ',' && c != '\'') {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Hashes of the immutable {@code n}-grams of {@code t} that contain an anchor. */
  public static int[] immutableGrams(Tokens t, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1, got " + n);
    }
    int size = t.size();
    long[] seq = new long[size];
    boolean[] anchor = new boolean[size];
    int m = 0;
    for (int i = 0; i < size; i++) {
      byte k = kind(t, i);
      if (k != OTHER) {
        seq[m] = Hash64.of(k == ANCHOR ? anchorForm(t, i) : t.term(i));
        anchor[m] = k == ANCHOR;
        m++;
      }
    }
    if (m == 0) {
      return new int[0];
    }
    int len = Math.min(n, m);
    int[] out = new int[m - len + 1];
    int c = 0;
    int anchors = 0;
    for (int i = 0; i < len; i++) {
      anchors += anchor[i] ? 1 : 0;
    }
    for (int i = 0; i + len <= m; i++) {
      if (i > 0) {
        anchors += (anchor[i + len - 1] ? 1 : 0) - (anchor[i - 1] ? 1 : 0);
      }
      if (anchors > 0) {
        long h = len;
        for (int j = 0; j < len; j++) {
          h = Hash64.combine(h, seq[i + j]);
        }
        out[c++] = (int) (h >>> 32);
      }
    }
    return SortedSets.distinct(Arrays.copyOf(out, c));
  }

  /**
   * The immutable n-grams of {@code grams} (sorted, as {@link #immutableGrams} returns them) that a
   * text indexes and queries with: all of them when there are fewer than {@link #INDEX_ALL_BELOW},
   * else those below {@link #INDEXED_LIMIT}, a prefix of the array. This is a content-defined
   * sample (the same hash is kept or dropped in every text, like the shingle sample), and it keeps
   * what the candidate query of a long text uses: its first {@code ArticleIndex.QUERY_TERMS} grams
   * (a bottom-k sample, Broder 1997), which for 256 grams or more lie in the lowest quarter (64
   * expected there). A long text thereby indexes a quarter of its grams, most of the index's
   * distinct terms; what is lost is a short text's query term that only a long text's dropped grams
   * hold. The array itself is returned when nothing is dropped. Thread-safe.
   */
  public static int[] indexedGrams(int[] grams) {
    if (grams.length < INDEX_ALL_BELOW) {
      return grams;
    }
    int k = Arrays.binarySearch(grams, INDEXED_LIMIT);
    return Arrays.copyOf(grams, k >= 0 ? k : -k - 1);
  }

  /** Hashes of the character 4-grams of the names and numbers of {@code t}. */
  public static int[] nameGrams(Tokens t) {
    int[] out = new int[64];
    int c = 0;
    for (int i = 0, size = t.size(); i < size; i++) {
      if (kind(t, i) != ANCHOR) {
        continue;
      }
      String w = anchorForm(t, i);
      if (w.length() < 5) {
        continue;
      }
      for (int s = 0; s + NAME_GRAM <= w.length(); s++) {
        if (c == out.length) {
          out = Arrays.copyOf(out, c * 2);
        }
        out[c++] = (int) (Hash64.of(w, s, s + NAME_GRAM) >>> 32);
      }
    }
    int[] all = SortedSets.distinct(Arrays.copyOf(out, c));
    // a bottom-k sample keeps long texts' name grams bounded
    return all.length > MAX_NAME_GRAMS ? Arrays.copyOf(all, MAX_NAME_GRAMS) : all;
  }
}
