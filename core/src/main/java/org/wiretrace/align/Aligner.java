package org.wiretrace.align;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wiretrace.text.Tokens;

/**
 * Finds the reused passages between two texts: seed, extend, filter.
 *
 * <ol>
 *   <li><b>Seeds</b>: word n-grams ({@link #SEED_WORDS} normalised terms) present in both texts,
 *       skipping n-grams too frequent in a to be anchors (the rare-n-gram anchoring of passim,
 *       Smith et al. 2014);
 *   <li><b>Runs</b>: each seed is extended along its diagonal while the words agree;
 *   <li><b>Passages</b>: runs are chained in order on both sides across gaps of at most {@link
 *       #MAX_GAP} words; inside each gap the words are aligned by edit distance to give the
 *       word-level script (kept, substituted, inserted, deleted);
 *   <li><b>Filter</b>: passages with fewer than {@link #MIN_KEPT_WORDS} kept words are dropped.
 * </ol>
 *
 * Passage ends are exactly the first and last kept words, so they never overshoot. Stateless and
 * thread-safe.
 */
public final class Aligner {

  /** Words per seed n-gram. */
  public static final int SEED_WORDS = 3;

  /** Largest gap (in words, on either side) bridged inside one passage. */
  public static final int MAX_GAP = 24;

  /** Fewest kept words for a passage to be reported. */
  public static final int MIN_KEPT_WORDS = 8;

  /** An n-gram occurring more often than this in a is not used as a seed. */
  public static final int MAX_SEED_FREQUENCY = 32;

  /** Share of substituted words (of kept plus substituted) from which a passage counts as spun. */
  public static final double SPUN_SUBSTITUTION_SHARE = 0.15;

  private static final Aligner DEFAULT = new Aligner();

  /** The aligner with the default parameters. */
  public static Aligner standard() {
    return DEFAULT;
  }

  /** Aligns {@code a} against {@code b}. */
  public Alignment align(Tokens a, Tokens b) {
    int aChars = a.text().length();
    int bChars = b.text().length();
    if (a.size() < SEED_WORDS || b.size() < SEED_WORDS) {
      return Alignment.none(aChars, bChars);
    }
    List<int[]> runs = runs(a, b);
    List<List<int[]>> chains = chain(runs);
    List<Passage> passages = new ArrayList<>();
    for (List<int[]> chain : chains) {
      int kept = 0;
      for (int[] r : chain) {
        kept += r[2];
      }
      if (kept >= MIN_KEPT_WORDS) {
        passages.add(passage(a, b, chain));
      }
    }
    passages.sort((x, y) -> Integer.compare(x.bStart(), y.bStart()));
    return new Alignment(aChars, bChars, passages);
  }

  private static long gram(Tokens t, int i) {
    long h = 1125899906842597L;
    for (int k = 0; k < SEED_WORDS; k++) {
      h = 31 * h + t.term(i + k).hashCode();
      h ^= h >>> 29;
    }
    return h;
  }

  /** Maximal runs of equal words {i, j, len}, found from shared n-gram seeds, ordered by j. */
  private static List<int[]> runs(Tokens a, Tokens b) {
    Map<Long, int[]> index = new HashMap<>();
    for (int i = 0; i + SEED_WORDS <= a.size(); i++) {
      long g = gram(a, i);
      int[] list = index.get(g);
      if (list == null) {
        index.put(g, new int[] {1, i});
      } else if (list[0] <= MAX_SEED_FREQUENCY) {
        if (list[0] + 1 >= list.length) {
          list = Arrays.copyOf(list, list.length * 2);
          index.put(g, list);
        }
        list[++list[0]] = i;
      }
    }
    List<int[]> runs = new ArrayList<>();
    // the end of the last run found on each diagonal (i - j), to skip seeds inside a known run
    Map<Integer, Integer> diagonalEnd = new HashMap<>();
    for (int j = 0; j + SEED_WORDS <= b.size(); j++) {
      int[] list = index.get(gram(b, j));
      if (list == null || list[0] > MAX_SEED_FREQUENCY) {
        continue;
      }
      for (int k = 1; k <= list[0]; k++) {
        int i = list[k];
        int diag = i - j;
        Integer end = diagonalEnd.get(diag);
        if (end != null && end > j) {
          continue;
        }
        int len = 0;
        while (i + len < a.size()
            && j + len < b.size()
            && a.term(i + len).equals(b.term(j + len))) {
          len++;
        }
        if (len >= SEED_WORDS) {
          runs.add(new int[] {i, j, len});
          diagonalEnd.put(diag, j + len);
        }
      }
    }
    return runs;
  }

  /** Groups runs into chains increasing on both sides with gaps of at most {@link #MAX_GAP}. */
  private static List<List<int[]>> chain(List<int[]> runs) {
    List<List<int[]>> chains = new ArrayList<>();
    // longest runs first claim their chains, so repeated phrases attach to the main passage
    List<int[]> byLength = new ArrayList<>(runs);
    byLength.sort((x, y) -> Integer.compare(y[2], x[2]));
    boolean[] used = new boolean[runs.size()];
    Map<int[], Integer> position = new HashMap<>();
    for (int k = 0; k < runs.size(); k++) {
      position.put(runs.get(k), k);
    }
    for (int[] start : byLength) {
      int sk = position.get(start);
      if (used[sk]) {
        continue;
      }
      used[sk] = true;
      List<int[]> chain = new ArrayList<>();
      chain.add(start);
      // extend forward (runs are ordered by j)
      int[] last = start;
      for (int k = sk + 1; k < runs.size(); k++) {
        int[] r = runs.get(k);
        if (r[1] - (last[1] + last[2]) > MAX_GAP) {
          break;
        }
        if (used[k] || !follows(last, r)) {
          continue;
        }
        used[k] = true;
        chain.add(r);
        last = r;
      }
      int[] first = start;
      for (int k = sk - 1; k >= 0; k--) {
        int[] r = runs.get(k);
        if (first[1] - (r[1] + r[2]) > MAX_GAP) {
          break;
        }
        if (used[k] || !follows(r, first)) {
          continue;
        }
        used[k] = true;
        chain.add(0, r);
        first = r;
      }
      chains.add(chain);
    }
    return chains;
  }

  private static boolean follows(int[] prev, int[] next) {
    int gapA = next[0] - (prev[0] + prev[2]);
    int gapB = next[1] - (prev[1] + prev[2]);
    return gapA >= 0 && gapB >= 0 && gapA <= MAX_GAP && gapB <= MAX_GAP;
  }

  private static Passage passage(Tokens a, Tokens b, List<int[]> chain) {
    List<Edit> edits = new ArrayList<>();
    int kept = 0;
    int substituted = 0;
    int[] prev = null;
    for (int[] r : chain) {
      if (prev != null) {
        substituted += gapEdits(a, prev[0] + prev[2], r[0], b, prev[1] + prev[2], r[1], edits);
      }
      edits.add(edit(EditOp.KEEP, a, r[0], r[0] + r[2], b, r[1], r[1] + r[2]));
      kept += r[2];
      prev = r;
    }
    int[] first = chain.get(0);
    int[] last = chain.get(chain.size() - 1);
    int aStart = a.start(first[0]);
    int aEnd = a.end(last[0] + last[2] - 1);
    int bStart = b.start(first[1]);
    int bEnd = b.end(last[1] + last[2] - 1);
    PassageKind kind;
    if (edits.size() == 1) {
      kind = PassageKind.VERBATIM;
    } else if (substituted >= SPUN_SUBSTITUTION_SHARE * (kept + substituted)) {
      kind = PassageKind.SPUN;
    } else {
      kind = PassageKind.EDITED;
    }
    return new Passage(aStart, aEnd, bStart, bEnd, kind, edits);
  }

  /**
   * Aligns the words of a gap by edit distance (unit costs) and appends the edits; returns the
   * number of substituted words.
   */
  private static int gapEdits(Tokens a, int i0, int i1, Tokens b, int j0, int j1, List<Edit> out) {
    int n = i1 - i0;
    int m = j1 - j0;
    int[][] d = new int[n + 1][m + 1];
    for (int i = 0; i <= n; i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= m; j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= m; j++) {
        int sub = a.term(i0 + i - 1).equals(b.term(j0 + j - 1)) ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j - 1] + sub, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
      }
    }
    // trace back into single-word operations, then merge neighbours of the same kind
    List<int[]> ops = new ArrayList<>(); // {op, i, j}
    int i = n;
    int j = m;
    while (i > 0 || j > 0) {
      if (i > 0 && j > 0) {
        boolean same = a.term(i0 + i - 1).equals(b.term(j0 + j - 1));
        if (d[i][j] == d[i - 1][j - 1] + (same ? 0 : 1)) {
          ops.add(new int[] {same ? 0 : 1, i - 1, j - 1});
          i--;
          j--;
          continue;
        }
      }
      if (i > 0 && d[i][j] == d[i - 1][j] + 1) {
        ops.add(new int[] {3, i - 1, j});
        i--;
      } else {
        ops.add(new int[] {2, i, j - 1});
        j--;
      }
    }
    int substituted = 0;
    for (int k = ops.size() - 1; k >= 0; ) {
      int[] op = ops.get(k);
      int kind = op[0];
      int end = k;
      while (end - 1 >= 0 && ops.get(end - 1)[0] == kind) {
        end--;
      }
      int[] last = ops.get(end);
      int ai0 = i0 + op[1];
      int bj0 = j0 + op[2];
      switch (kind) {
        case 0 -> out.add(edit(EditOp.KEEP, a, ai0, i0 + last[1] + 1, b, bj0, j0 + last[2] + 1));
        case 1 -> {
          out.add(edit(EditOp.SUBSTITUTE, a, ai0, i0 + last[1] + 1, b, bj0, j0 + last[2] + 1));
          substituted += k - end + 1;
        }
        case 2 -> out.add(edit(EditOp.INSERT, a, ai0, ai0, b, bj0, j0 + last[2] + 1));
        default -> out.add(edit(EditOp.DELETE, a, ai0, i0 + last[1] + 1, b, bj0, bj0));
      }
      k = end - 1;
    }
    return substituted;
  }

  /** An edit over tokens [i0, i1) of a and [j0, j1) of b (either may be empty). */
  private static Edit edit(EditOp op, Tokens a, int i0, int i1, Tokens b, int j0, int j1) {
    int aS = i0 < i1 ? a.start(i0) : anchor(a, i0);
    int aE = i0 < i1 ? a.end(i1 - 1) : aS;
    int bS = j0 < j1 ? b.start(j0) : anchor(b, j0);
    int bE = j0 < j1 ? b.end(j1 - 1) : bS;
    return new Edit(
        op,
        aS,
        aE,
        bS,
        bE,
        i1 - i0,
        j1 - j0,
        a.text().substring(aS, aE),
        b.text().substring(bS, bE));
  }

  /** The character position of an empty span before token {@code i}. */
  private static int anchor(Tokens t, int i) {
    return i < t.size() ? t.start(i) : t.text().length();
  }
}
