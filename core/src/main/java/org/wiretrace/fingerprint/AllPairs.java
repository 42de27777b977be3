package org.wiretrace.fingerprint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Exact all-pairs set-similarity join: every pair of sets with Jaccard similarity at least {@code
 * t}, with no approximation, by prefix filtering (Chaudhuri, Ganti, Kaushik, ICDE 2006; Bayardo,
 * Ma, Srikant, "Scaling up all pairs similarity search", WWW 2007).
 *
 * <p>Elements are ordered globally from rarest to most frequent; two sets {@code x, y} with {@code
 * J(x, y) >= t} must share an element among the first {@code |x| - ceil(t|x|) + 1} of each (their
 * prefixes), and {@code t|x| <= |y| <= |x|/t}. An inverted index over prefix elements enumerates
 * every pair sharing a prefix element; each such candidate is verified by exact intersection. The
 * result is therefore the same as comparing all pairs. Elements are 64-bit hashes (a collision
 * between two distinct shingles has probability about {@code n^2/2^65} over {@code n} distinct
 * shingles). Not thread-safe; for evaluation, not the index (it holds all sets in memory).
 */
public final class AllPairs {
  /** One similar pair, {@code a < b} (indexes into the input list). */
  public record Pair(int a, int b, double jaccard) {}

  private AllPairs() {}

  /** All pairs of {@code sets} (sorted, distinct hashes) with Jaccard similarity >= {@code t}. */
  public static List<Pair> join(List<long[]> sets, double t) {
    if (!(t > 0 && t <= 1)) {
      throw new IllegalArgumentException("threshold must be in (0, 1], got " + t);
    }
    int total = 0;
    for (long[] s : sets) {
      total += s.length;
    }
    long[] all = new long[total];
    int p = 0;
    for (long[] s : sets) {
      System.arraycopy(s, 0, all, p, s.length);
      p += s.length;
    }
    Arrays.sort(all);
    int u = 0;
    int[] freq = new int[total];
    for (int i = 0; i < total; i++) {
      if (u == 0 || all[i] != all[u - 1]) {
        all[u] = all[i];
        freq[u] = 0;
        u++;
      }
      freq[u - 1]++;
    }
    long[] uniq = Arrays.copyOf(all, u);
    // rank elements by ascending frequency (ties by hash): rank[i] for uniq[i]
    Integer[] order = new Integer[u];
    for (int i = 0; i < u; i++) {
      order[i] = i;
    }
    final int[] f = freq;
    Arrays.sort(
        order, (x, y) -> f[x] != f[y] ? Integer.compare(f[x], f[y]) : Integer.compare(x, y));
    int[] rank = new int[u];
    for (int r = 0; r < u; r++) {
      rank[order[r]] = r;
    }
    int n = sets.size();
    int[][] docs = new int[n][];
    for (int d = 0; d < n; d++) {
      long[] s = sets.get(d);
      int[] r = new int[s.length];
      for (int i = 0; i < s.length; i++) {
        r[i] = rank[Arrays.binarySearch(uniq, s[i])];
      }
      Arrays.sort(r);
      docs[d] = r;
    }
    // process documents by increasing size so that the length filter applies to earlier ones
    Integer[] bySize = new Integer[n];
    for (int i = 0; i < n; i++) {
      bySize[i] = i;
    }
    Arrays.sort(bySize, (x, y) -> Integer.compare(docs[x].length, docs[y].length));
    int[][] postings = new int[u][];
    int[] postLen = new int[u];
    int[] seen = new int[n];
    Arrays.fill(seen, -1);
    List<Pair> out = new ArrayList<>();
    int[] cands = new int[16];
    for (int x : bySize) {
      int[] dx = docs[x];
      if (dx.length == 0) {
        continue;
      }
      int prefix = dx.length - (int) Math.ceil(t * dx.length - 1e-9) + 1;
      int nc = 0;
      for (int i = 0; i < prefix; i++) {
        int e = dx[i];
        for (int k = 0; k < postLen[e]; k++) {
          int y = postings[e][k];
          if (seen[y] != x && docs[y].length >= t * dx.length - 1e-9) {
            seen[y] = x;
            if (nc == cands.length) {
              cands = Arrays.copyOf(cands, nc * 2);
            }
            cands[nc++] = y;
          }
        }
      }
      for (int c = 0; c < nc; c++) {
        int y = cands[c];
        int inter = SortedSets.intersection(dx, docs[y]);
        double j = (double) inter / (dx.length + docs[y].length - inter);
        if (j >= t) {
          out.add(new Pair(Math.min(x, y), Math.max(x, y), j));
        }
      }
      for (int i = 0; i < prefix; i++) {
        int e = dx[i];
        if (postings[e] == null) {
          postings[e] = new int[2];
        } else if (postLen[e] == postings[e].length) {
          postings[e] = Arrays.copyOf(postings[e], postLen[e] * 2);
        }
        postings[e][postLen[e]++] = x;
      }
    }
    return out;
  }
}
