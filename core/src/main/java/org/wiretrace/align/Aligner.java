package org.wiretrace.align;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.wiretrace.text.Tokens;

/**
 * Finds the reused passages between a source text (a) and a possible copy (b), with exact character
 * offsets on both sides and a word-level edit script, even when the copy was cut, edited or put
 * through a synonym spinner.
 *
 * <p>The method follows the seed / extend / filter scheme of the best PAN text-alignment systems
 * (Sanchez-Perez, Gelbukh and Sidorov, "A winning approach to text alignment for text reuse
 * detection at PAN 2014"), with word anchors in place of sentence seeds:
 *
 * <ol>
 *   <li><b>Anchors.</b> A pair of word positions (i, j) is an anchor when the words are the same
 *       content word (not a {@link FunctionWords function word}) and the word is not too frequent
 *       in a, or when the {@link Options#gramWords}-word n-grams starting there are equal and rare
 *       (the rare n-gram anchors of passim, Smith, Cordell and Mullen 2015). Content words that a
 *       spinner cannot change (names, numbers, capitalised terms, words without synonyms) survive
 *       heavy spinning, so spun passages still leave a trail of anchors in order; function words
 *       between them are recovered in step 3.
 *   <li><b>Chains.</b> Anchors are chained by dynamic programming, each anchor taking the best
 *       predecessor at most {@link Options#maxGap} words back on both sides, with a penalty for
 *       drifting off the diagonal and for long gaps; chains are read off best-first (each anchor in
 *       one chain). Chains of at least three anchors that follow each other in both texts within
 *       {@link Options#mergeGap} words (twice that when one side has no gap) are merged unless
 *       another chain claims the gap (a moved sentence): an inserted or dropped sentence does not
 *       split a passage.
 *   <li><b>Edit script and ends.</b> Inside each passage the words between consecutive anchors are
 *       aligned by edit distance (unit costs, ties resolved towards the diagonal) into runs of
 *       kept, substituted (one-for-one or n-for-m: a run of changes with words on both sides),
 *       inserted and deleted words. The ends are extended along the diagonal over equal words, then
 *       cut back to the best-scoring stretch (kept word +1, changed word -0.5), so a stray anchor
 *       never drags a passage into unrelated text the way passim's Smith-Waterman edges overshoot.
 *       Each end is then carried to its sentence bound when the words up to it are few or similar,
 *       and neighbouring sentences of similar length join while their word alignment keeps at least
 *       40% of the words (the sentence-level extension of Sanchez-Perez et al.; function words
 *       count, which carries heavily spun sentences). A passage ends at its last word plus the
 *       sentence punctuation right after it.
 *   <li><b>Filter and join.</b> A passage is kept when it has at least {@link Options#minKeptWords}
 *       kept words, at least {@link Options#minAnchors} kept content words, and kept words make up
 *       at least {@link Options#minDensity} of its longer side. Kept passages that follow each
 *       other in both texts within the merge gaps are joined unless another passage lies in the
 *       gap; passages overlapping a better one in b are dropped (the overlap filter of
 *       Sanchez-Perez et al.).
 * </ol>
 *
 * Identical word sequences are reported as one verbatim passage whatever their length. Work is
 * linear in the texts plus the number of anchors; the loops run on primitive arrays. Instances are
 * immutable, stateless and thread-safe.
 */
public final class Aligner {

  /**
   * Aligner parameters.
   *
   * @param gramWords words per exact n-gram anchor
   * @param maxTermOccurrences a content word occurring more often than this in a anchors only
   *     through n-grams
   * @param maxGramOccurrences an n-gram occurring more often than this in a is not an anchor
   * @param maxGap largest gap, in words on either side, between two anchors of one chain
   * @param mergeGap largest gap, in words on either side, between two merged chains
   * @param minAnchors fewest kept content words (and anchors per merged chain) of a passage
   * @param minKeptWords fewest kept words of a passage
   * @param minDensity least share of kept words among the words of the passage's longer side
   * @param spunShare share of substituted words (of kept plus substituted) from which a passage is
   *     {@link PassageKind#SPUN}
   */
  public record Options(
      int gramWords,
      int maxTermOccurrences,
      int maxGramOccurrences,
      int maxGap,
      int mergeGap,
      int minAnchors,
      int minKeptWords,
      double minDensity,
      double spunShare) {

    public Options {
      if (gramWords < 2) {
        throw new IllegalArgumentException("gramWords must be >= 2, got " + gramWords);
      }
      if (maxTermOccurrences < 1 || maxGramOccurrences < 1) {
        throw new IllegalArgumentException("occurrence limits must be >= 1");
      }
      if (maxGap < 1 || mergeGap < maxGap) {
        throw new IllegalArgumentException(
            "need 1 <= maxGap <= mergeGap, got " + maxGap + ", " + mergeGap);
      }
      if (minAnchors < 1 || minKeptWords < 1) {
        throw new IllegalArgumentException("minAnchors and minKeptWords must be >= 1");
      }
      if (!(minDensity >= 0 && minDensity <= 1) || !(spunShare > 0 && spunShare <= 1)) {
        throw new IllegalArgumentException("minDensity and spunShare must be in [0, 1]");
      }
    }
  }

  /** The default parameters, tuned on the dev corpus of {@code wiretrace eval align-corpus}. */
  public static final Options DEFAULTS = new Options(4, 12, 8, 20, 48, 4, 12, 0.40, 0.15);

  private static final Aligner STANDARD = new Aligner(DEFAULTS);

  /**
   * Largest drift off the diagonal between two chained anchors; larger indels (a sentence added or
   * dropped) split chains, which the merge step joins again unless the gap's text was moved.
   */
  private static final int MAX_DRIFT = 8;

  /** Penalty per word of drift off the diagonal between two chained anchors. */
  private static final float DRIFT_PENALTY = 0.2f;

  /** Penalty per skipped word between two chained anchors. */
  private static final float GAP_PENALTY = 0.04f;

  /** Most words on each side by which a passage is extended to reach its sentence's bounds. */
  private static final int SNAP_WORDS = 3;

  /** Least share of kept words for a neighbouring sentence pair to extend a passage. */
  private static final double EXTEND_DENSITY = 0.4;

  /** Longest sentence, in words, considered for sentence-level extension. */
  private static final int MAX_SENTENCE_WORDS = 80;

  /** Anchors another chain needs inside a gap to stop the chains around it being merged. */
  private static final int CLAIM_ANCHORS = 8;

  /** Cost of a changed word against a kept word's gain when trimming passage ends. */
  private static final float CHANGE_COST = 0.5f;

  private static final int KEEP = 0;
  private static final int SUB = 1;
  private static final int INS = 2;
  private static final int DEL = 3;

  private final Options options;

  public Aligner(Options options) {
    if (options == null) {
      throw new IllegalArgumentException("options must not be null");
    }
    this.options = options;
  }

  /** The aligner with {@link #DEFAULTS}. */
  public static Aligner standard() {
    return STANDARD;
  }

  public Options options() {
    return options;
  }

  /** Aligns the source {@code a} against the possible copy {@code b}. */
  public Alignment align(Tokens a, Tokens b) {
    int aChars = a.text().length();
    int bChars = b.text().length();
    int n = a.size();
    int m = b.size();
    if (n == 0 || m == 0) {
      return Alignment.none(aChars, bChars);
    }
    Interner ids = new Interner(n + m);
    int[] ta = ids.ids(a);
    int[] tb = ids.ids(b);
    if (Arrays.equals(ta, tb)) {
      Ops ops = new Ops(n);
      for (int k = 0; k < n; k++) {
        ops.add(KEEP, k, k);
      }
      return new Alignment(aChars, bChars, List.of(passage(a, b, ops)));
    }
    int v = ids.size;
    boolean[] content = ids.content;
    long[] anchors = anchors(ta, tb, content, v);
    if (anchors.length == 0) {
      return Alignment.none(aChars, bChars);
    }
    List<int[]> chains = chains(anchors);
    List<int[]> merged = merge(chains);
    List<Passage> kept = new ArrayList<>();
    List<Ops> good = new ArrayList<>();
    for (int[] chain : merged) {
      Ops ops = script(a, b, ta, tb, chain);
      if (accepted(ops.quality(ta, content))) {
        good.add(ops);
      }
    }
    good = join(good, ta, tb);
    List<Passage> candidates = new ArrayList<>();
    List<int[]> quality = new ArrayList<>();
    for (Ops ops : good) {
      candidates.add(passage(a, b, ops));
      quality.add(new int[] {ops.quality(ta, content)[0], candidates.size() - 1});
    }
    // overlap filter on b: better (more kept words) first
    quality.sort((x, y) -> Integer.compare(y[0], x[0]));
    for (int[] q : quality) {
      Passage p = candidates.get(q[1]);
      boolean clash = false;
      for (Passage o : kept) {
        if (p.overlapsB(o)) {
          clash = true;
          break;
        }
      }
      if (!clash) {
        kept.add(p);
      }
    }
    kept.sort((x, y) -> Integer.compare(x.bStart(), y.bStart()));
    return new Alignment(aChars, bChars, kept);
  }

  private boolean accepted(int[] q) {
    int keptWords = q[0];
    int longer = Math.max(q[1], q[2]);
    return keptWords >= options.minKeptWords()
        && q[3] >= options.minAnchors()
        && keptWords >= options.minDensity() * longer;
  }

  /**
   * Joins accepted passages that follow each other in both texts across a gap the chain merge
   * allows (after extension their ends are known), unless another passage lies in the gap.
   */
  private List<Ops> join(List<Ops> passages, int[] ta, int[] tb) {
    if (passages.size() < 2) {
      return passages;
    }
    List<Ops> sorted = new ArrayList<>(passages);
    sorted.sort((x, y) -> Integer.compare(x.j[0], y.j[0]));
    List<Ops> out = new ArrayList<>();
    Ops cur = sorted.get(0);
    for (int k = 1; k < sorted.size(); k++) {
      Ops next = sorted.get(k);
      int endI = cur.endI();
      int endJ = cur.endJ();
      int gapI = next.i[0] - endI;
      int gapJ = next.j[0] - endJ;
      int limit = Math.min(gapI, gapJ) <= SNAP_WORDS ? 2 * options.mergeGap() : options.mergeGap();
      boolean free = gapI >= 0 && gapJ >= 0 && gapI <= limit && gapJ <= limit;
      for (int x = 0; free && x < sorted.size(); x++) {
        Ops o = sorted.get(x);
        if (o != cur && o != next) {
          free =
              !(o.i[0] < next.i[0] && o.endI() > endI) && !(o.j[0] < next.j[0] && o.endJ() > endJ);
        }
      }
      if (free) {
        Ops joined = new Ops(cur.size + next.size + gapI + gapJ);
        joined.addAll(cur);
        gap(ta, endI, next.i[0], tb, endJ, next.j[0], new int[(gapI + 1) * (gapJ + 1)], joined);
        joined.addAll(next);
        cur = joined;
      } else {
        out.add(cur);
        cur = next;
      }
    }
    out.add(cur);
    return out;
  }

  /**
   * Term ids for both texts from one open-addressing table (String hashes are cached by the
   * strings). Ids are dense, from 0; {@code content} is filled for each new id.
   */
  private static final class Interner {
    final String[] keys;
    final int[] vals;
    final int mask;
    boolean[] content;
    int size;

    Interner(int expected) {
      int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
      keys = new String[cap];
      vals = new int[cap];
      mask = cap - 1;
      content = new boolean[Math.max(16, expected)];
    }

    int[] ids(Tokens t) {
      int[] out = new int[t.size()];
      for (int k = 0; k < out.length; k++) {
        String term = t.term(k);
        int h = term.hashCode();
        int slot = (h ^ (h >>> 16)) & mask;
        while (true) {
          String key = keys[slot];
          if (key == null) {
            keys[slot] = term;
            vals[slot] = size;
            if (size == content.length) {
              content = Arrays.copyOf(content, size * 2);
            }
            content[size] = !FunctionWords.contains(term);
            out[k] = size++;
            break;
          }
          if (key.equals(term)) {
            out[k] = vals[slot];
            break;
          }
          slot = (slot + 1) & mask;
        }
      }
      return out;
    }
  }

  /** Anchors as sorted, distinct keys {@code j << 32 | i}. */
  private long[] anchors(int[] ta, int[] tb, boolean[] content, int v) {
    int n = ta.length;
    int m = tb.length;
    // postings of a, CSR layout
    int[] first = new int[v + 1];
    for (int t : ta) {
      first[t + 1]++;
    }
    for (int t = 0; t < v; t++) {
      first[t + 1] += first[t];
    }
    int[] post = new int[n];
    int[] fill = Arrays.copyOf(first, v);
    for (int i = 0; i < n; i++) {
      post[fill[ta[i]]++] = i;
    }
    long[] out = new long[Math.max(16, 2 * m)];
    int size = 0;
    // positions inside an exact n-gram match anchor only through it: a word of a copied sentence
    // must not also pair with the same word in another, moved sentence
    boolean[] aCovered = new boolean[n];
    boolean[] bCovered = new boolean[m];
    // rare n-gram anchors: a's n-grams in an open-addressing table of hash -> chain of positions
    int g = options.gramWords();
    if (n >= g && m >= g) {
      int cap = Integer.highestOneBit(Math.max(16, 2 * (n - g + 1)) - 1) << 1;
      int mask = cap - 1;
      long[] keys = new long[cap];
      int[] heads = new int[cap];
      Arrays.fill(heads, -1);
      int[] next = new int[n - g + 1];
      int[] counts = new int[cap];
      for (int i = n - g; i >= 0; i--) {
        long h = gramHash(ta, i, g);
        int slot = (int) (h ^ (h >>> 32)) & mask;
        while (heads[slot] >= 0 && keys[slot] != h) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = h;
        next[i] = heads[slot];
        heads[slot] = i;
        counts[slot]++;
      }
      int maxGram = options.maxGramOccurrences();
      for (int j = 0; j + g <= m; j++) {
        long h = gramHash(tb, j, g);
        int slot = (int) (h ^ (h >>> 32)) & mask;
        while (heads[slot] >= 0 && keys[slot] != h) {
          slot = (slot + 1) & mask;
        }
        if (heads[slot] < 0 || counts[slot] > maxGram) {
          continue;
        }
        for (int i = heads[slot]; i >= 0; i = next[i]) {
          if (!sameGram(ta, i, tb, j, g)) {
            continue;
          }
          if (size == out.length) {
            out = Arrays.copyOf(out, size * 2);
          }
          out[size++] = (long) j << 32 | i;
          Arrays.fill(aCovered, i, i + g, true);
          Arrays.fill(bCovered, j, j + g, true);
        }
      }
    }
    // content-word anchors: survive spinning
    int maxTerm = options.maxTermOccurrences();
    for (int j = 0; j < m; j++) {
      int t = tb[j];
      if (!content[t] || first[t + 1] - first[t] > maxTerm) {
        continue;
      }
      if (bCovered[j]) {
        continue;
      }
      for (int p = first[t]; p < first[t + 1]; p++) {
        if (aCovered[post[p]]) {
          continue;
        }
        if (size == out.length) {
          out = Arrays.copyOf(out, size * 2);
        }
        out[size++] = (long) j << 32 | post[p];
      }
    }
    long[] sorted = Arrays.copyOf(out, size);
    Arrays.sort(sorted);
    int u = 0;
    for (int k = 0; k < sorted.length; k++) {
      if (k == 0 || sorted[k] != sorted[k - 1]) {
        sorted[u++] = sorted[k];
      }
    }
    return Arrays.copyOf(sorted, u);
  }

  private static long gramHash(int[] t, int s, int g) {
    long h = 0x9E3779B97F4A7C15L;
    for (int k = 0; k < g; k++) {
      h = (h ^ t[s + k]) * 0xBF58476D1CE4E5B9L;
      h ^= h >>> 31;
    }
    return h;
  }

  private static boolean sameGram(int[] ta, int i, int[] tb, int j, int g) {
    for (int k = 0; k < g; k++) {
      if (ta[i + k] != tb[j + k]) {
        return false;
      }
    }
    return true;
  }

  /** Chains anchors by dynamic programming; returns chains as flat {i0, j0, i1, j1, ...}. */
  private List<int[]> chains(long[] anchors) {
    int count = anchors.length;
    int[] ai = new int[count];
    int[] bj = new int[count];
    for (int k = 0; k < count; k++) {
      bj[k] = (int) (anchors[k] >>> 32);
      ai[k] = (int) anchors[k];
    }
    float[] score = new float[count];
    int[] pred = new int[count];
    int gap = options.maxGap() + 1;
    int lo = 0;
    for (int k = 0; k < count; k++) {
      int j = bj[k];
      int i = ai[k];
      while (bj[lo] < j - gap) {
        lo++;
      }
      float best = 0;
      int bp = -1;
      for (int p = lo; p < k; p++) {
        int dj = j - bj[p];
        if (dj == 0) {
          break; // anchors with the same j come last
        }
        int di = i - ai[p];
        if (di <= 0 || di > gap || Math.abs(di - dj) > MAX_DRIFT) {
          continue;
        }
        float s =
            score[p] - DRIFT_PENALTY * Math.abs(di - dj) - GAP_PENALTY * (Math.max(di, dj) - 1);
        if (s > best) {
          best = s;
          bp = p;
        }
      }
      score[k] = 1 + best;
      pred[k] = bp;
    }
    long[] order = new long[count];
    for (int k = 0; k < count; k++) {
      order[k] = (long) Float.floatToIntBits(score[k]) << 32 | k;
    }
    Arrays.sort(order);
    boolean[] used = new boolean[count];
    List<int[]> chains = new ArrayList<>();
    int[] buf = new int[16];
    for (int o = count - 1; o >= 0; o--) {
      int k = (int) order[o];
      if (used[k]) {
        continue;
      }
      int len = 0;
      for (int c = k; c >= 0 && !used[c]; c = pred[c]) {
        used[c] = true;
        if (len == buf.length) {
          buf = Arrays.copyOf(buf, len * 2);
        }
        buf[len++] = c;
      }
      if (len < 2) {
        continue;
      }
      int[] chain = new int[2 * len];
      for (int x = 0; x < len; x++) {
        int c = buf[len - 1 - x];
        chain[2 * x] = ai[c];
        chain[2 * x + 1] = bj[c];
      }
      chains.add(chain);
    }
    return chains;
  }

  /** Merges chains of enough anchors that follow each other closely in both texts. */
  private List<int[]> merge(List<int[]> chains) {
    List<int[]> strong = new ArrayList<>();
    for (int[] c : chains) {
      if (c.length / 2 >= Math.min(options.minAnchors(), 3)) {
        strong.add(c);
      }
    }
    strong.sort((x, y) -> Integer.compare(x[1], y[1]));
    List<int[]> out = new ArrayList<>();
    boolean[] absorbed = new boolean[strong.size()];
    for (int s = 0; s < strong.size(); s++) {
      if (absorbed[s]) {
        continue;
      }
      int[] cur = strong.get(s);
      boolean grown = true;
      while (grown) {
        grown = false;
        int endI = cur[cur.length - 2];
        int endJ = cur[cur.length - 1];
        int bestT = -1;
        for (int t = s + 1; t < strong.size(); t++) {
          int[] c = strong.get(t);
          int gapJ = c[1] - endJ;
          if (gapJ > 2 * options.mergeGap()) {
            break;
          }
          int gapI = c[0] - endI;
          // a gap on one side only (a dropped or added stretch) may be twice as long
          int limit =
              Math.min(gapI, gapJ) <= SNAP_WORDS ? 2 * options.mergeGap() : options.mergeGap();
          if (absorbed[t]
              || gapJ <= -SNAP_WORDS
              || gapI <= -SNAP_WORDS
              || gapI > limit
              || gapJ > limit) {
            continue;
          }
          if (claimed(strong, s, t, endI, c[0], endJ, c[1])) {
            continue;
          }
          bestT = t;
          break;
        }
        if (bestT >= 0) {
          int[] c = strong.get(bestT);
          // chains touching or overlapping by a few words: the earlier one gives way
          int keep = cur.length;
          while (keep >= 2 && (cur[keep - 2] >= c[0] || cur[keep - 1] >= c[1])) {
            keep -= 2;
          }
          if (keep < 4) {
            absorbed[bestT] = true;
            grown = true;
            continue;
          }
          cur = Arrays.copyOf(cur, keep);
          int[] joined = Arrays.copyOf(cur, cur.length + c.length);
          System.arraycopy(c, 0, joined, cur.length, c.length);
          cur = joined;
          absorbed[bestT] = true;
          grown = true;
        }
      }
      out.add(cur);
    }
    return out;
  }

  /**
   * True when a chain other than {@code s} and {@code t} has anchors inside the gap [i0, i1) of a
   * or [j0, j1) of b: the gap's text was moved elsewhere, so the two chains must not be merged.
   */
  private static boolean claimed(List<int[]> chains, int s, int t, int i0, int i1, int j0, int j1) {
    for (int k = 0; k < chains.size(); k++) {
      if (k == s || k == t) {
        continue;
      }
      int[] c = chains.get(k);
      int inside = 0;
      for (int x = 0; x < c.length; x += 2) {
        if (c[x] > i0 && c[x] < i1 || c[x + 1] > j0 && c[x + 1] < j1) {
          inside++;
        }
      }
      if (inside >= CLAIM_ANCHORS) {
        return true;
      }
    }
    return false;
  }

  /**
   * The word-level script of one chain, extended along the diagonal at both ends over equal words,
   * then to the sentence bounds when both texts reach them within {@link #SNAP_WORDS} words.
   */
  private static Ops script(Tokens a, Tokens b, int[] ta, int[] tb, int[] chain) {
    Ops core = new Ops(chain.length);
    int i0 = chain[0];
    int j0 = chain[1];
    while (i0 > 0 && j0 > 0 && ta[i0 - 1] == tb[j0 - 1]) {
      i0--;
      j0--;
    }
    for (int i = i0, j = j0; i < chain[0]; i++, j++) {
      core.add(KEEP, i, j);
    }
    int[] dp = new int[(SNAP_WORDS + 1) * (SNAP_WORDS + 1)];
    for (int x = 0; x < chain.length; x += 2) {
      int i = chain[x];
      int j = chain[x + 1];
      if (x > 0) {
        int pi = chain[x - 2] + 1;
        int pj = chain[x - 1] + 1;
        int need = (i - pi + 1) * (j - pj + 1);
        if (dp.length < need) {
          dp = new int[Math.max(need, 2 * dp.length)];
        }
        gap(ta, pi, i, tb, pj, j, dp, core);
      }
      core.add(KEEP, i, j);
    }
    int i1 = chain[chain.length - 2] + 1;
    int j1 = chain[chain.length - 1] + 1;
    while (i1 < ta.length && j1 < tb.length && ta[i1] == tb[j1]) {
      core.add(KEEP, i1++, j1++);
    }
    // the best-scoring stretch: drops ends that ran into unrelated text on weak anchors
    int from = 0;
    int to = 0;
    float best = 0;
    float run = 0;
    int runFrom = 0;
    for (int k = 0; k < core.size; k++) {
      run += core.op[k] == KEEP ? 1 : -CHANGE_COST;
      if (run <= 0) {
        run = 0;
        runFrom = k + 1;
      } else if (run > best) {
        best = run;
        from = runFrom;
        to = k + 1;
      }
    }
    Ops ops = new Ops(to - from + 2 * SNAP_WORDS);
    i0 = core.i[from];
    j0 = core.j[from];
    int sa = sentenceStart(a, i0);
    int sb = sentenceStart(b, j0);
    Ops head = snap(ta, sa, i0, tb, sb, j0);
    if (head != null) {
      ops.addAll(head);
    }
    for (int k = from; k < to; k++) {
      ops.add(core.op[k], core.i[k], core.j[k]);
    }
    i1 = core.i[to - 1] + 1;
    j1 = core.j[to - 1] + 1;
    int ea = sentenceEnd(a, i1);
    int eb = sentenceEnd(b, j1);
    Ops tail = snap(ta, i1, ea, tb, j1, eb);
    if (tail != null) {
      ops.addAll(tail);
    }
    return extendBySentences(a, b, ta, tb, ops);
  }

  /**
   * The script of the words between a passage end and its sentence bound, a[i0, i1) against b[j0,
   * j1), when both are short ({@link #SNAP_WORDS}) or similar (like {@link #similarSentences} at
   * three quarters of its density); null otherwise.
   */
  private static Ops snap(int[] ta, int i0, int i1, int[] tb, int j0, int j1) {
    int la = i1 - i0;
    int lb = j1 - j0;
    if (la < 1 || lb < 1) {
      return null;
    }
    if (la > SNAP_WORDS || lb > SNAP_WORDS) {
      if (la > MAX_SENTENCE_WORDS
          || lb > MAX_SENTENCE_WORDS
          || Math.min(la, lb) < 0.6 * Math.max(la, lb)) {
        return null;
      }
    }
    Ops add = new Ops(la + lb);
    gap(ta, i0, i1, tb, j0, j1, new int[(la + 1) * (lb + 1)], add);
    if (la <= SNAP_WORDS && lb <= SNAP_WORDS) {
      return add;
    }
    int kept = 0;
    for (int k = 0; k < add.size; k++) {
      if (add.op[k] == KEEP) {
        kept++;
      }
    }
    return kept >= 0.75 * EXTEND_DENSITY * Math.max(la, lb) ? add : null;
  }

  /**
   * Sentence-level extension (Sanchez-Perez et al. 2014): while the sentences right before (or
   * after) the passage in both texts are of similar length and their word alignment keeps at least
   * {@link #EXTEND_DENSITY} of the longer one's words, they join the passage. Function words count
   * here, so heavily spun sentences with no content anchor left still join their neighbours.
   */
  private static Ops extendBySentences(Tokens a, Tokens b, int[] ta, int[] tb, Ops ops) {
    int[] dp = new int[(MAX_SENTENCE_WORDS + 1) * (MAX_SENTENCE_WORDS + 1)];
    // forward
    while (true) {
      int i1 = ops.i[ops.size - 1] + (ops.op[ops.size - 1] == INS ? 0 : 1);
      int j1 = ops.j[ops.size - 1] + (ops.op[ops.size - 1] == DEL ? 0 : 1);
      if (i1 >= ta.length || j1 >= tb.length || !a.startsSentence(i1) || !b.startsSentence(j1)) {
        break;
      }
      int ea = nextSentence(a, i1);
      int eb = nextSentence(b, j1);
      Ops add = similarSentences(ta, i1, ea, tb, j1, eb, dp);
      if (add == null) {
        break;
      }
      ops.addAll(add);
    }
    // backward
    Ops head = new Ops(16);
    int i0 = ops.i[0];
    int j0 = ops.j[0];
    while (i0 > 0 && j0 > 0 && a.startsSentence(i0) && b.startsSentence(j0)) {
      int sa = previousSentence(a, i0);
      int sb = previousSentence(b, j0);
      Ops add = similarSentences(ta, sa, i0, tb, sb, j0, dp);
      if (add == null) {
        break;
      }
      add.addAll(head);
      head = add;
      i0 = sa;
      j0 = sb;
    }
    if (head.size == 0) {
      return ops;
    }
    head.addAll(ops);
    return head;
  }

  /** The script of a[i0, i1) against b[j0, j1) when the two are similar sentences, else null. */
  private static Ops similarSentences(
      int[] ta, int i0, int i1, int[] tb, int j0, int j1, int[] dp) {
    int la = i1 - i0;
    int lb = j1 - j0;
    if (la < 1 || lb < 1 || la > MAX_SENTENCE_WORDS || lb > MAX_SENTENCE_WORDS) {
      return null;
    }
    if (Math.min(la, lb) < 0.6 * Math.max(la, lb)) {
      return null;
    }
    Ops add = new Ops(la + lb);
    gap(ta, i0, i1, tb, j0, j1, dp, add);
    int kept = 0;
    for (int k = 0; k < add.size; k++) {
      if (add.op[k] == KEEP) {
        kept++;
      }
    }
    if (kept < EXTEND_DENSITY * Math.max(la, lb) || add.op[0] == INS || add.op[0] == DEL) {
      return null;
    }
    return add;
  }

  private static int nextSentence(Tokens t, int i) {
    int k = i + 1;
    while (k < t.size() && !t.startsSentence(k) && k - i <= MAX_SENTENCE_WORDS) {
      k++;
    }
    return k;
  }

  private static int previousSentence(Tokens t, int i) {
    int k = i - 1;
    while (k > 0 && !t.startsSentence(k) && i - k <= MAX_SENTENCE_WORDS) {
      k--;
    }
    return k;
  }

  /** The first token of the sentence holding token {@code i}, or {@code i} when it is far back. */
  private static int sentenceStart(Tokens t, int i) {
    int k = i;
    while (k > 0 && i - k <= MAX_SENTENCE_WORDS && !t.startsSentence(k)) {
      k--;
    }
    return t.startsSentence(k) || k == 0 ? k : i;
  }

  /**
   * The token after the sentence holding token {@code i - 1}, or {@code i} when it is far ahead.
   */
  private static int sentenceEnd(Tokens t, int i) {
    int k = i;
    while (k < t.size() && k - i <= MAX_SENTENCE_WORDS && !t.startsSentence(k)) {
      k++;
    }
    return k == t.size() || t.startsSentence(k) ? k : i;
  }

  /** Edit-distance alignment of a[i0, i1) with b[j0, j1), appended to {@code ops}. */
  private static void gap(int[] ta, int i0, int i1, int[] tb, int j0, int j1, int[] d, Ops ops) {
    int n = i1 - i0;
    int m = j1 - j0;
    if (n == 0 || m == 0) {
      for (int i = i0; i < i1; i++) {
        ops.add(DEL, i, j0);
      }
      for (int j = j0; j < j1; j++) {
        ops.add(INS, i0, j);
      }
      return;
    }
    int w = m + 1;
    for (int i = 0; i <= n; i++) {
      d[i * w] = i;
    }
    for (int j = 0; j <= m; j++) {
      d[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      int ti = ta[i0 + i - 1];
      int row = i * w;
      int prev = row - w;
      for (int j = 1; j <= m; j++) {
        int sub = d[prev + j - 1] + (ti == tb[j0 + j - 1] ? 0 : 1);
        int ind = Math.min(d[prev + j], d[row + j - 1]) + 1;
        d[row + j] = Math.min(sub, ind);
      }
    }
    // trace back from the end, diagonal first, then emit in order
    int len = 0;
    int[] trace = new int[n + m];
    int i = n;
    int j = m;
    while (i > 0 || j > 0) {
      if (i > 0 && j > 0) {
        boolean same = ta[i0 + i - 1] == tb[j0 + j - 1];
        if (d[i * w + j] == d[(i - 1) * w + j - 1] + (same ? 0 : 1)) {
          trace[len++] = same ? KEEP : SUB;
          i--;
          j--;
          continue;
        }
      }
      if (i > 0 && d[i * w + j] == d[(i - 1) * w + j] + 1) {
        trace[len++] = DEL;
        i--;
      } else {
        trace[len++] = INS;
        j--;
      }
    }
    i = i0;
    j = j0;
    for (int k = len - 1; k >= 0; k--) {
      int op = trace[k];
      ops.add(op, i, j);
      if (op != INS) {
        i++;
      }
      if (op != DEL) {
        j++;
      }
    }
  }

  private Passage passage(Tokens a, Tokens b, Ops ops) {
    List<Edit> edits = new ArrayList<>();
    int kept = 0;
    int substituted = 0;
    int factual = 0;
    int indels = 0;
    int k = 0;
    while (k < ops.size) {
      boolean keep = ops.op[k] == KEEP;
      int e = k;
      int aWords = 0;
      int bWords = 0;
      // a run of kept words, or a run of changes between kept words: one edit (n-for-m when it
      // has words on both sides, e.g. a spinner's "law" -> "jurisprudence" or "big" -> "very
      // large")
      while (e < ops.size && (ops.op[e] == KEEP) == keep) {
        aWords += ops.op[e] == INS ? 0 : 1;
        bWords += ops.op[e] == DEL ? 0 : 1;
        e++;
      }
      int i0 = ops.i[k];
      int j0 = ops.j[k];
      EditOp kind;
      if (keep) {
        kind = EditOp.KEEP;
        kept += aWords;
      } else if (aWords > 0 && bWords > 0) {
        kind = EditOp.SUBSTITUTE;
        substituted += aWords;
      } else {
        kind = aWords > 0 ? EditOp.DELETE : EditOp.INSERT;
        indels += aWords + bWords;
      }
      if (kind == EditOp.SUBSTITUTE) {
        factual += FactualEdits.factualWords(a, i0, i0 + aWords, b, j0, j0 + bWords);
      }
      edits.add(edit(kind, a, i0, i0 + aWords, b, j0, j0 + bWords));
      k = e;
    }
    // the passage's spans run from the first to the last op with a word on that side (an
    // insertion has no word of a, a deletion none of b, and their index may be one past the end)
    int firstA = 0;
    while (firstA < ops.size - 1 && ops.op[firstA] == INS) {
      firstA++;
    }
    int firstB = 0;
    while (firstB < ops.size - 1 && ops.op[firstB] == DEL) {
      firstB++;
    }
    int lastA = ops.size - 1;
    while (lastA > 0 && ops.op[lastA] == INS) {
      lastA--;
    }
    int lastB = ops.size - 1;
    while (lastB > 0 && ops.op[lastB] == DEL) {
      lastB--;
    }
    // clamped too: a passage made only of insertions (deletions) has no word on that side
    int aStart = a.start(Math.min(ops.i[firstA], a.size() - 1));
    int bStart = b.start(Math.min(ops.j[firstB], b.size() - 1));
    int aEnd = endWithPunctuation(a.text(), a.end(Math.min(ops.i[lastA], a.size() - 1)));
    int bEnd = endWithPunctuation(b.text(), b.end(Math.min(ops.j[lastB], b.size() - 1)));
    PassageKind kind;
    if (substituted == 0 && indels == 0) {
      kind = PassageKind.VERBATIM;
    } else if (FactualEdits.isSpin(kept, substituted, factual, indels, options.spunShare())) {
      kind = PassageKind.SPUN;
    } else {
      kind = PassageKind.EDITED;
    }
    return new Passage(aStart, aEnd, bStart, bEnd, kind, edits);
  }

  /** Moves a passage end over closing punctuation (".", "!", "?", quotes, brackets) right after. */
  private static int endWithPunctuation(String text, int end) {
    int e = end;
    while (e < text.length() && e - end < 3) {
      char c = text.charAt(e);
      if (c == '.' || c == '!' || c == '?' || c == '"' || c == '”' || c == '’' || c == ')') {
        e++;
      } else {
        break;
      }
    }
    return e;
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

  /** A growable script of single-word operations {op, i, j}. */
  private static final class Ops {
    int[] op;
    int[] i;
    int[] j;
    int size;

    Ops(int capacity) {
      int c = Math.max(16, capacity);
      op = new int[c];
      i = new int[c];
      j = new int[c];
    }

    /** The a index after the last a word of the script. */
    int endI() {
      return i[size - 1] + (op[size - 1] == INS ? 0 : 1);
    }

    /** The b index after the last b word of the script. */
    int endJ() {
      return j[size - 1] + (op[size - 1] == DEL ? 0 : 1);
    }

    void addAll(Ops other) {
      for (int k = 0; k < other.size; k++) {
        add(other.op[k], other.i[k], other.j[k]);
      }
    }

    void add(int o, int ai, int bj) {
      if (size == op.length) {
        op = Arrays.copyOf(op, size * 2);
        i = Arrays.copyOf(i, size * 2);
        j = Arrays.copyOf(j, size * 2);
      }
      op[size] = o;
      i[size] = ai;
      j[size] = bj;
      size++;
    }

    /** {kept words, words of a, words of b, kept content words}. */
    int[] quality(int[] ta, boolean[] content) {
      int kept = 0;
      int keptContent = 0;
      for (int k = 0; k < size; k++) {
        if (op[k] == KEEP) {
          kept++;
          if (content[ta[i[k]]]) {
            keptContent++;
          }
        }
      }
      int aWords = i[size - 1] - i[0] + 1;
      int bWords = j[size - 1] - j[0] + 1;
      return new int[] {kept, aWords, bWords, keptContent};
    }
  }
}
