package org.wiretrace.ingest.eval;

import java.util.HashMap;
import java.util.Map;

/**
 * How well an extracted text matches the true text, counted over shingles (runs of {@link #SHINGLE}
 * consecutive word tokens) as the scrapinghub article-extraction benchmark does: a token is a
 * maximal run of letters, digits and underscores; true positives are the shingles both texts share
 * (with multiplicity), false positives the extra ones extracted, false negatives the missed ones.
 * The three counts are normalised to sum to 1 so that long pages weigh no more than short ones.
 * Immutable and thread-safe.
 *
 * @param tp shared shingles (normalised)
 * @param fp extracted shingles not in the truth (normalised)
 * @param fn true shingles not extracted (normalised)
 */
public record ShingleMatch(double tp, double fp, double fn) {

  /** Tokens per shingle, as in the benchmark. */
  public static final int SHINGLE = 4;

  /** Compares {@code predicted} with {@code truth}. */
  public static ShingleMatch of(String truth, String predicted) {
    Map<String, int[]> t = shingles(truth);
    Map<String, int[]> p = shingles(predicted);
    double tp = 0;
    double fp = 0;
    double fn = 0;
    for (Map.Entry<String, int[]> e : t.entrySet()) {
      int tc = e.getValue()[0];
      int[] pc = p.get(e.getKey());
      int pcount = pc == null ? 0 : pc[0];
      tp += Math.min(tc, pcount);
      fn += Math.max(0, tc - pcount);
      fp += Math.max(0, pcount - tc);
    }
    for (Map.Entry<String, int[]> e : p.entrySet()) {
      if (!t.containsKey(e.getKey())) {
        fp += e.getValue()[0];
      }
    }
    double sum = tp + fp + fn;
    return sum > 0 ? new ShingleMatch(tp / sum, fp / sum, fn / sum) : new ShingleMatch(0, 0, 0);
  }

  /** Precision of this page: 1 when both texts are empty, 0 when nothing was extracted. */
  public double precision() {
    if (fp == 0 && fn == 0) {
      return 1;
    }
    if (tp == 0 && fp == 0) {
      return 0;
    }
    return tp / (tp + fp);
  }

  /** Recall of this page. */
  public double recall() {
    if (fp == 0 && fn == 0) {
      return 1;
    }
    if (tp == 0 && fn == 0) {
      return 0;
    }
    return tp / (tp + fn);
  }

  /** Whether this page counts towards mean precision (something was extracted). */
  public boolean hasPrediction() {
    return tp + fp > 0;
  }

  /** Whether this page counts towards mean recall. */
  public boolean hasTruth() {
    return tp + fn > 0;
  }

  /** The token shingles of {@code text} with their counts. */
  static Map<String, int[]> shingles(String text) {
    String[] tokens = tokens(text);
    Map<String, int[]> out = new HashMap<>();
    int n = tokens.length;
    if (n == 0) {
      return out;
    }
    int last = Math.max(1, n - SHINGLE + 1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < last; i++) {
      sb.setLength(0);
      for (int k = i; k < Math.min(n, i + SHINGLE); k++) {
        sb.append(tokens[k]).append('\u0001');
      }
      out.computeIfAbsent(sb.toString(), k -> new int[1])[0]++;
    }
    return out;
  }

  /** Word tokens: maximal runs of letters, digits (any Unicode number) and underscores. */
  static String[] tokens(String text) {
    java.util.List<String> out = new java.util.ArrayList<>();
    int start = -1;
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      boolean word = isWord(cp);
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        out.add(text.substring(start, i));
        start = -1;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) {
      out.add(text.substring(start));
    }
    return out.toArray(new String[0]);
  }

  private static boolean isWord(int cp) {
    if (cp == '_' || Character.isLetter(cp)) {
      return true;
    }
    int t = Character.getType(cp);
    return t == Character.DECIMAL_DIGIT_NUMBER
        || t == Character.LETTER_NUMBER
        || t == Character.OTHER_NUMBER;
  }
}
