package org.wiretrace.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * A weighted disjunction of terms evaluated straight from the postings: the score of a document is
 * the sum of the weights of the clauses whose term it holds (what a Lucene {@code BooleanQuery} of
 * boosted {@code ConstantScoreQuery} clauses scores), and {@link #best} takes the best {@code n}
 * documents, ties broken by article id ascending, so the answer never depends on how the index is
 * split into segments.
 *
 * <p>Terms are looked up here and only here: for each segment one {@link TermsEnum} per field seeks
 * the terms of a call in byte order (instead of a fresh enum and block-tree frames per term and
 * segment). A term found in at most {@link #EAGER_DOCS} documents of a segment has its postings
 * read there and then, while the enum is positioned on it; for the others the term state is kept
 * and reused when the postings are read. (A Bloom-filtered field's enum does not take a term state:
 * it seeks the term again, so for the hashed lookup fields, whose terms are nearly all rare,
 * reading the postings at once saves the second seek.) Scores are accumulated term at a time into
 * an array indexed by document (taken from a small shared pool of idle ones, so a server's many
 * request threads do not each keep one), and only the documents touched are read back and cleared.
 *
 * <p>Not thread-safe: one instance per query, built and evaluated by one thread over one reader
 * (the pool of accumulators is thread-safe).
 */
final class TermDisjunction {

  /**
   * Idle score accumulators (each grown to the largest reader it served), at most {@link
   * #IDLE_SCRATCHES} kept: a server with hundreds of request threads holds no more than that many
   * (8 bytes per document each) between queries.
   */
  private static final java.util.concurrent.ConcurrentLinkedQueue<Scratch> IDLE =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  private static final java.util.concurrent.atomic.AtomicInteger IDLE_COUNT =
      new java.util.concurrent.atomic.AtomicInteger();

  /** Idle accumulators kept for reuse. */
  static final int IDLE_SCRATCHES = 2 * Runtime.getRuntime().availableProcessors();

  private static Scratch take() {
    Scratch s = IDLE.poll();
    if (s == null) {
      return new Scratch();
    }
    IDLE_COUNT.decrementAndGet();
    return s;
  }

  private static void give(Scratch s) {
    s.clear();
    if (IDLE_COUNT.incrementAndGet() <= IDLE_SCRATCHES) {
      IDLE.offer(s);
    } else {
      IDLE_COUNT.decrementAndGet();
    }
  }

  private final IndexReader reader;
  private final List<LeafReaderContext> leaves;
  private final List<Clause> clauses = new ArrayList<>();

  /**
   * One term with its weight and, per segment, its postings ({@code docs}, segment-local ids) or
   * its term state (null where absent; both arrays null when the term is in no segment that way).
   */
  private record Clause(
      String field, BytesRef term, double weight, TermState[] states, int[][] docs) {}

  /**
   * Most documents of a segment holding a term for its postings to be read when the term is found
   * (see the class comment).
   */
  static final int EAGER_DOCS = 64;

  /** A disjunction over {@code reader}'s segments, with no clause yet. */
  TermDisjunction(IndexReader reader) {
    this.reader = reader;
    this.leaves = reader.leaves();
  }

  /** Number of clauses added. */
  int size() {
    return clauses.size();
  }

  /**
   * Adds a clause of weight {@code weights[i]} for each term {@code terms[i]} of positive weight
   * that between 1 and {@code maxDf} documents hold, in order; returns how many were added.
   */
  int addAll(String field, BytesRef[] terms, double[] weights, int maxDf) throws IOException {
    Lookup l = lookup(field, terms, 0, terms.length);
    int added = 0;
    for (int i = 0; i < terms.length; i++) {
      if (weights[i] > 0 && l.docFreq[i] > 0 && l.docFreq[i] <= maxDf) {
        clauses.add(new Clause(field, terms[i], weights[i], l.states[i], l.docs[i]));
        added++;
      }
    }
    return added;
  }

  /**
   * Adds clauses for the first {@code limit} terms of {@code terms} (in their order) that between 1
   * and {@code maxDf} documents hold, each of weight {@code weight}; looks further down the list
   * for each term left out. Returns how many were added.
   */
  int addFirst(String field, BytesRef[] terms, int limit, double weight, int maxDf)
      throws IOException {
    if (!(weight > 0)) {
      throw new IllegalArgumentException("weight must be > 0, got " + weight);
    }
    int added = 0;
    int next = 0;
    while (next < terms.length && added < limit) {
      // look up as many as are still wanted, in one pass over the segments
      int to = Math.min(terms.length, next + limit - added);
      Lookup l = lookup(field, terms, next, to);
      for (int i = next; i < to; i++) {
        int df = l.docFreq[i - next];
        if (df > 0 && df <= maxDf) {
          clauses.add(new Clause(field, terms[i], weight, l.states[i - next], l.docs[i - next]));
          added++;
        }
      }
      next = to;
    }
    return added;
  }

  /**
   * What was found of {@code terms[from..to)} per term and segment (the postings, or the term state
   * of a term in more than {@link #EAGER_DOCS} documents of the segment), with summed document
   * counts.
   */
  private record Lookup(TermState[][] states, int[][][] docs, int[] docFreq) {}

  private Lookup lookup(String field, BytesRef[] terms, int from, int to) throws IOException {
    int n = Math.max(0, to - from);
    TermState[][] states = new TermState[n][];
    int[][][] docs = new int[n][][];
    int[] docFreq = new int[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> terms[from + x].compareTo(terms[from + y]));
    PostingsEnum postings = null;
    for (int li = 0; li < leaves.size(); li++) {
      Terms t = leaves.get(li).reader().terms(field);
      if (t == null) {
        continue;
      }
      TermsEnum te = t.iterator();
      for (int i : order) {
        if (te.seekExact(terms[from + i])) {
          int df = te.docFreq();
          if (df <= EAGER_DOCS) {
            if (docs[i] == null) {
              docs[i] = new int[leaves.size()][];
            }
            postings = te.postings(postings, PostingsEnum.NONE);
            int[] d = new int[df];
            int m = 0;
            for (int doc = postings.nextDoc();
                doc != PostingsEnum.NO_MORE_DOCS;
                doc = postings.nextDoc()) {
              d[m++] = doc;
            }
            docs[i][li] = m == df ? d : Arrays.copyOf(d, m);
          } else {
            if (states[i] == null) {
              states[i] = new TermState[leaves.size()];
            }
            states[i][li] = te.termState();
          }
          docFreq[i] += df;
        }
      }
    }
    return new Lookup(states, docs, docFreq);
  }

  /**
   * The best {@code n} live documents by score (descending, compared as {@code float}s as Lucene's
   * scores are), ties broken by the article id in {@code idField} (sorted doc values) ascending;
   * returned in document order, for reading forward-only doc values.
   */
  Hits best(int n, String idField) throws IOException {
    Scratch s = take();
    s.reset(reader.maxDoc());
    try {
      accumulate(s);
      return select(s, n, idField);
    } finally {
      give(s);
    }
  }

  /** Every live document holding a clause's term, with its score, in document order. */
  Hits all() throws IOException {
    Scratch s = take();
    s.reset(reader.maxDoc());
    try {
      accumulate(s);
      int[] docs = Arrays.copyOf(s.touched, s.count);
      Arrays.sort(docs);
      double[] scores = new double[docs.length];
      for (int i = 0; i < docs.length; i++) {
        scores[i] = s.score[docs[i]];
      }
      return new Hits(docs, scores);
    } finally {
      give(s);
    }
  }

  /** Scores every live document, clause by clause (the clause order fixes each sum's order). */
  private void accumulate(Scratch s) throws IOException {
    PostingsEnum postings = null;
    for (int li = 0; li < leaves.size(); li++) {
      LeafReaderContext leaf = leaves.get(li);
      Bits live = leaf.reader().getLiveDocs();
      int base = leaf.docBase;
      String field = null;
      TermsEnum te = null;
      for (Clause c : clauses) {
        double w = c.weight();
        int[] read = c.docs() == null ? null : c.docs()[li];
        if (read != null) {
          for (int d : read) {
            if (live == null || live.get(d)) {
              s.add(base + d, w);
            }
          }
          continue;
        }
        TermState state = c.states() == null ? null : c.states()[li];
        if (state == null) {
          continue;
        }
        if (!c.field().equals(field)) {
          field = c.field();
          te = leaf.reader().terms(field).iterator();
        }
        te.seekExact(c.term(), state);
        postings = te.postings(postings, PostingsEnum.NONE);
        for (int d = postings.nextDoc(); d != PostingsEnum.NO_MORE_DOCS; d = postings.nextDoc()) {
          if (live == null || live.get(d)) {
            s.add(base + d, w);
          }
        }
      }
    }
  }

  private Hits select(Scratch s, int n, String idField) throws IOException {
    int count = s.count;
    int[] touched = s.touched;
    double[] score = s.score;
    int[] chosen;
    if (count <= n) {
      chosen = Arrays.copyOf(touched, count);
    } else {
      // the n-th best score; every document above it is in, ties at it are taken by id
      // scores compare as floats (as Lucene's do), so sums equal but for rounding tie
      double[] v = new double[count];
      for (int i = 0; i < count; i++) {
        v[i] = (float) score[touched[i]];
      }
      double cut = nthLargest(v, n);
      chosen = new int[n];
      int m = 0;
      int ties = 0;
      int[] tied = new int[count];
      for (int i = 0; i < count; i++) {
        double x = (float) score[touched[i]];
        if (x > cut) {
          chosen[m++] = touched[i];
        } else if (x == cut) {
          tied[ties++] = touched[i];
        }
      }
      int[] byId = byId(Arrays.copyOf(tied, ties), n - m, idField);
      System.arraycopy(byId, 0, chosen, m, n - m);
    }
    Arrays.sort(chosen);
    double[] scores = new double[chosen.length];
    for (int i = 0; i < chosen.length; i++) {
      scores[i] = score[chosen[i]];
    }
    return new Hits(chosen, scores);
  }

  /**
   * The {@code k} of {@code docs} with the smallest article ids, ascending (documents without one
   * last). Within a segment ids are ordinals in byte order, so the segments' documents sorted by
   * ordinal are merged, reading an id's bytes only when its document reaches the head of its
   * segment's run: at most {@code k} plus one per segment.
   */
  private int[] byId(int[] docs, int k, String idField) throws IOException {
    Arrays.sort(docs);
    List<Run> runs = new ArrayList<>();
    int[] missing = new int[docs.length];
    int nMissing = 0;
    int i = 0;
    while (i < docs.length) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
      int end = leaf.docBase + leaf.reader().maxDoc();
      int j = i;
      while (j < docs.length && docs[j] < end) {
        j++;
      }
      SortedDocValues dv = leaf.reader().getSortedDocValues(idField);
      long[] keyed = new long[j - i]; // ordinal << 32 | position
      int n = 0;
      for (int d = i; d < j; d++) {
        if (dv != null && dv.advanceExact(docs[d] - leaf.docBase)) {
          keyed[n++] = ((long) dv.ordValue() << 32) | d;
        } else {
          missing[nMissing++] = docs[d];
        }
      }
      if (n > 0) {
        Arrays.sort(keyed, 0, n);
        Run r = new Run(dv, keyed, n);
        r.read();
        runs.add(r);
      }
      i = j;
    }
    java.util.PriorityQueue<Run> heads =
        new java.util.PriorityQueue<>(Math.max(1, runs.size()), (x, y) -> x.id.compareTo(y.id));
    heads.addAll(runs);
    int[] out = new int[Math.min(k, docs.length)];
    int m = 0;
    while (m < out.length && !heads.isEmpty()) {
      Run r = heads.poll();
      out[m++] = docs[(int) r.keyed[r.at]];
      if (++r.at < r.size) {
        r.read();
        heads.add(r);
      }
    }
    for (int o = 0; o < nMissing && m < out.length; o++) {
      out[m++] = missing[o];
    }
    return out;
  }

  /** One segment's tied documents sorted by id ordinal, and the id at the cursor. */
  private static final class Run {
    final SortedDocValues ids;
    final long[] keyed;
    final int size;
    int at;
    String id;

    Run(SortedDocValues ids, long[] keyed, int size) {
      this.ids = ids;
      this.keyed = keyed;
      this.size = size;
    }

    void read() throws IOException {
      id = ids.lookupOrd((int) (keyed[at] >>> 32)).utf8ToString();
    }
  }

  /** The {@code k}-th largest value of {@code v} (1-based; reorders {@code v}): quickselect. */
  static double nthLargest(double[] v, int k) {
    int lo = 0;
    int hi = v.length - 1;
    int target = k - 1;
    while (lo < hi) {
      double pivot = v[(lo + hi) >>> 1];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (v[i] > pivot) {
          i++;
        }
        while (v[j] < pivot) {
          j--;
        }
        if (i <= j) {
          double t = v[i];
          v[i] = v[j];
          v[j] = t;
          i++;
          j--;
        }
      }
      if (target <= j) {
        hi = j;
      } else if (target >= i) {
        lo = i;
      } else {
        return v[target];
      }
    }
    return v[target];
  }

  /**
   * Documents (index-wide ids) in ascending order with their scores.
   *
   * @param docs document ids, ascending
   * @param scores the score of each
   */
  record Hits(int[] docs, double[] scores) {
    int size() {
      return docs.length;
    }
  }

  /** Scores indexed by document, and the documents touched since the last clear. */
  private static final class Scratch {
    double[] score = new double[0];
    int[] touched = new int[256];
    int count;

    void reset(int maxDoc) {
      if (score.length < maxDoc) {
        score = new double[Math.max(maxDoc, score.length + (score.length >> 1))];
      }
      count = 0;
    }

    void add(int doc, double w) {
      if (score[doc] == 0) {
        if (count == touched.length) {
          touched = Arrays.copyOf(touched, count * 2);
        }
        touched[count++] = doc;
      }
      score[doc] += w;
    }

    void clear() {
      for (int i = 0; i < count; i++) {
        score[touched[i]] = 0;
      }
      count = 0;
    }
  }
}
