package org.wiretrace.spin.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.wiretrace.spin.WordNeighbours;

/**
 * Builds the distributional word-neighbour resource ({@link WordNeighbours#RESOURCE}) from the
 * reference corpora (every {@code *.jsonl.gz} under {@code corpora/} and {@code science/} of the
 * data folder, read by {@link Corpus} as the phrase statistics are): the count-based word vectors
 * of Levy, Goldberg and Dagan (2015), "Improving distributional similarity with lessons learned
 * from word embeddings":
 *
 * <ol>
 *   <li>co-occurrence counts of the {@link #WORDS} most frequent word-like tokens with the {@link
 *       #CONTEXTS} most frequent tokens within {@link #WINDOW} words on either side, inside one
 *       punctuation-free segment, nearer contexts weighted more (word2vec's dynamic window);
 *   <li>positive pointwise mutual information (Church and Hanks 1990) with the context distribution
 *       smoothed by the power {@link #SMOOTHING};
 *   <li>a truncated SVD of that sparse matrix to {@link #DIMENSIONS} dimensions by the randomized
 *       range finder of Halko, Martinsson and Tropp (2011) with {@link #POWER} power iterations,
 *       the word vectors being its left singular vectors {@code U} ({@link #EIGENVALUE_WEIGHT} 0),
 *       normalised;
 *   <li>for each word its {@link WordNeighbours#K} nearest other words by cosine, exhaustively
 *       (blocked dot products, both cores).
 * </ol>
 *
 * <p>Usage: {@code java -Xmx5g -cp wiretrace.jar org.wiretrace.spin.build.NeighboursBuilder
 * ../shared/data core/src/main/resources/org/wiretrace/spin/word-neighbours.bin.gz} (8.6 minutes
 * wall on the shared, loaded 2-core machine: 73 s reading the corpora, 40 s counting and PPMI, 90 s
 * for the SVD, 320 s for the exhaustive search on both cores). Deterministic (fixed random seed).
 * Not thread-safe; run once.
 */
public final class NeighboursBuilder {
  private NeighboursBuilder() {}

  /** Words given neighbours (the most frequent word-like tokens). */
  public static final int WORDS = 40_000;

  /** Context words (the most frequent tokens). */
  public static final int CONTEXTS = 10_000;

  /** Context window on either side of a word. */
  public static final int WINDOW = 2;

  /** Power of the context counts in PPMI's context distribution (Levy et al. 2015: 0.75). */
  public static final double SMOOTHING = 0.75;

  /** Dimensions of the reduced vectors. */
  public static final int DIMENSIONS = 300;

  /**
   * Power of the singular values in the word vectors {@code U * S^p} (Levy et al. 2015: 0, the left
   * singular vectors alone, or 0.5, often better than the 1 of plain SVD for similarity).
   */
  public static final double EIGENVALUE_WEIGHT = 0;

  /** Extra random directions of the range finder. */
  public static final int OVERSAMPLING = 16;

  /** Power iterations of the range finder. */
  public static final int POWER = 2;

  /** Seed of the random projection. */
  public static final long SEED = 20230130L;

  private static final int END = -1;

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  public static void main(String[] args) throws IOException {
    Path[] io = BuilderArgs.inputAndOutput(args, "NeighboursBuilder DATA_DIR OUT.bin.gz");
    long t0 = System.nanoTime();
    Corpus corpus = Corpus.under(io[0], "corpora", "science");
    WordNeighbours n = build(corpus, WORDS, CONTEXTS, DIMENSIONS, 2);
    n.write(io[1]);
    System.err.printf(
        "%,d words, %d neighbours each: %s (%,d bytes) in %.0f s%n",
        n.size(), WordNeighbours.K, io[1], Files.size(io[1]), seconds(t0));
  }

  /**
   * The neighbours of the {@code words} most frequent word-like tokens of {@code corpus}, from
   * {@code contexts} context words reduced to {@code dims} dimensions, the search on {@code
   * threads} threads.
   */
  public static WordNeighbours build(Corpus corpus, int words, int contexts, int dims, int threads)
      throws IOException {
    if (words < 2 || contexts < 1 || dims < 1 || threads < 1) {
      throw new IllegalArgumentException("words >= 2, contexts, dims and threads >= 1 required");
    }
    long t0 = System.nanoTime();
    // one pass: the corpus as token ids, END between segments
    Map<String, Integer> ids = new HashMap<>();
    List<String> names = new ArrayList<>();
    int[][] text = {new int[1 << 20]};
    int[] len = {0};
    corpus.forEachSegment(
        seg -> {
          int need = len[0] + seg.size() + 1;
          if (need > text[0].length) {
            text[0] = Arrays.copyOf(text[0], Math.max(need, text[0].length * 3 / 2));
          }
          for (String w : seg) {
            Integer id = ids.get(w);
            if (id == null) {
              id = names.size();
              ids.put(w, id);
              names.add(w);
            }
            text[0][len[0]++] = id;
          }
          text[0][len[0]++] = END;
        });
    int[] toks = text[0];
    int n = len[0];
    long[] freq = new long[names.size()];
    for (int i = 0; i < n; i++) {
      if (toks[i] != END) {
        freq[toks[i]]++;
      }
    }
    Integer[] byFreq = new Integer[names.size()];
    for (int i = 0; i < byFreq.length; i++) {
      byFreq[i] = i;
    }
    Arrays.sort(byFreq, (a, b) -> freq[a] != freq[b] ? Long.compare(freq[b], freq[a]) : a - b);
    int[] row = new int[names.size()];
    int[] col = new int[names.size()];
    Arrays.fill(row, -1);
    Arrays.fill(col, -1);
    List<String> vocab = new ArrayList<>();
    int c = 0;
    for (Integer id : byFreq) {
      if (c < contexts) {
        col[id] = c++;
      }
      if (vocab.size() < words && wordLike(names.get(id))) {
        row[id] = vocab.size();
        vocab.add(names.get(id));
      }
    }
    int v = vocab.size();
    int cs = c;
    System.err.printf(
        "%,d tokens, %,d types; %,d words x %,d contexts, %.0f s%n",
        n, names.size(), v, cs, seconds(t0));
    float[] matrix = cooccurrences(toks, n, row, col, v, cs);
    Sparse a = ppmi(matrix, v, cs);
    matrix = null;
    System.err.printf("PPMI: %,d non-zero cells, %.0f s%n", a.val.length, seconds(t0));
    float[] vectors = embed(a, dims);
    System.err.printf("vectors: %d dimensions, %.0f s%n", dims, seconds(t0));
    return nearest(vocab.toArray(new String[0]), vectors, dims, WordNeighbours.K, threads);
  }

  /** Letters, with inner hyphens or apostrophes allowed; no digits. */
  static boolean wordLike(String w) {
    if (w.length() < 2
        || !Character.isLetter(w.charAt(0))
        || !Character.isLetter(w.charAt(w.length() - 1))) {
      return false;
    }
    for (int i = 0; i < w.length(); i++) {
      char ch = w.charAt(i);
      if (!Character.isLetter(ch) && ch != '-' && ch != '\'') {
        return false;
      }
    }
    return true;
  }

  /** Dense weighted co-occurrence counts, row-major {@code v x cs}. */
  private static float[] cooccurrences(int[] toks, int n, int[] row, int[] col, int v, int cs) {
    float[] m = new float[v * cs];
    float[] weight = new float[WINDOW + 1];
    for (int d = 1; d <= WINDOW; d++) {
      weight[d] = (WINDOW - d + 1) / (float) WINDOW;
    }
    int start = 0;
    while (start < n) {
      int end = start;
      while (end < n && toks[end] != END) {
        end++;
      }
      for (int i = start; i < end; i++) {
        int r = row[toks[i]];
        if (r < 0) {
          continue;
        }
        int base = r * cs;
        for (int d = 1; d <= WINDOW; d++) {
          if (i - d >= start) {
            int x = col[toks[i - d]];
            if (x >= 0) {
              m[base + x] += weight[d];
            }
          }
          if (i + d < end) {
            int x = col[toks[i + d]];
            if (x >= 0) {
              m[base + x] += weight[d];
            }
          }
        }
      }
      start = end + 1;
    }
    return m;
  }

  /** A sparse matrix in compressed rows. */
  private record Sparse(int rows, int cols, int[] ptr, int[] idx, float[] val) {}

  /** Positive PMI of the counts, context distribution smoothed (compressed rows). */
  private static Sparse ppmi(float[] m, int v, int cs) {
    double[] rowSum = new double[v];
    double[] colPow = new double[cs];
    double[] colSum = new double[cs];
    double total = 0;
    for (int r = 0; r < v; r++) {
      int base = r * cs;
      double s = 0;
      for (int x = 0; x < cs; x++) {
        float f = m[base + x];
        s += f;
        colSum[x] += f;
      }
      rowSum[r] = s;
      total += s;
    }
    double powTotal = 0;
    for (int x = 0; x < cs; x++) {
      colPow[x] = Math.pow(colSum[x], SMOOTHING);
      powTotal += colPow[x];
    }
    int[] ptr = new int[v + 1];
    int nnz = 0;
    double[] logCol = new double[cs];
    for (int x = 0; x < cs; x++) {
      logCol[x] = colPow[x] > 0 ? Math.log(colPow[x] / powTotal) : 0;
    }
    // first pass: count
    for (int r = 0; r < v; r++) {
      if (rowSum[r] > 0) {
        double lr = Math.log(rowSum[r] / total);
        int base = r * cs;
        for (int x = 0; x < cs; x++) {
          float f = m[base + x];
          if (f > 0 && Math.log(f / total) - lr - logCol[x] > 0) {
            nnz++;
          }
        }
      }
      ptr[r + 1] = nnz;
    }
    int[] idx = new int[nnz];
    float[] val = new float[nnz];
    int k = 0;
    for (int r = 0; r < v; r++) {
      if (rowSum[r] > 0) {
        double lr = Math.log(rowSum[r] / total);
        int base = r * cs;
        for (int x = 0; x < cs; x++) {
          float f = m[base + x];
          if (f > 0) {
            double p = Math.log(f / total) - lr - logCol[x];
            if (p > 0) {
              idx[k] = x;
              val[k++] = (float) p;
            }
          }
        }
      }
    }
    return new Sparse(v, cs, ptr, idx, val);
  }

  /** Unit word vectors {@code U_d S_d^0.5} of a randomized truncated SVD, row-major. */
  private static float[] embed(Sparse a, int dims) {
    int l = Math.min(dims + OVERSAMPLING, Math.min(a.rows, a.cols));
    int d = Math.min(dims, l);
    Random rnd = new Random(SEED);
    double[] omega = new double[a.cols * l];
    for (int i = 0; i < omega.length; i++) {
      omega[i] = rnd.nextGaussian();
    }
    double[] y = times(a, omega, l);
    for (int q = 0; q < POWER; q++) {
      orthonormalise(y, a.rows, l);
      double[] z = transposeTimes(a, y, l);
      orthonormalise(z, a.cols, l);
      y = times(a, z, l);
    }
    orthonormalise(y, a.rows, l);
    double[] bt = transposeTimes(a, y, l);
    double[] g = gram(bt, a.cols, l);
    double[] vecs = new double[l * l];
    double[] eig = Jacobi.eigen(g, l, vecs);
    Integer[] order = new Integer[l];
    for (int i = 0; i < l; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (p, q) -> Double.compare(eig[q], eig[p]));
    float[] out = new float[a.rows * d];
    double[] w = new double[d];
    for (int k = 0; k < d; k++) {
      // singular value s = sqrt(eigenvalue), weighted s^EIGENVALUE_WEIGHT
      w[k] = Math.pow(Math.max(0, eig[order[k]]), EIGENVALUE_WEIGHT / 2);
    }
    for (int r = 0; r < a.rows; r++) {
      int yb = r * l;
      double norm = 0;
      for (int k = 0; k < d; k++) {
        int e = order[k];
        double s = 0;
        for (int j = 0; j < l; j++) {
          s += y[yb + j] * vecs[j * l + e];
        }
        s *= w[k];
        out[r * d + k] = (float) s;
        norm += s * s;
      }
      float inv = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
      for (int k = 0; k < d; k++) {
        out[r * d + k] *= inv;
      }
    }
    return out;
  }

  /** {@code A * x}, x row-major {@code cols x l}. */
  private static double[] times(Sparse a, double[] x, int l) {
    double[] y = new double[a.rows * l];
    for (int r = 0; r < a.rows; r++) {
      int yb = r * l;
      for (int k = a.ptr[r]; k < a.ptr[r + 1]; k++) {
        double v = a.val[k];
        int xb = a.idx[k] * l;
        for (int j = 0; j < l; j++) {
          y[yb + j] += v * x[xb + j];
        }
      }
    }
    return y;
  }

  /** {@code A^T * y}, y row-major {@code rows x l}. */
  private static double[] transposeTimes(Sparse a, double[] y, int l) {
    double[] z = new double[a.cols * l];
    for (int r = 0; r < a.rows; r++) {
      int yb = r * l;
      for (int k = a.ptr[r]; k < a.ptr[r + 1]; k++) {
        double v = a.val[k];
        int zb = a.idx[k] * l;
        for (int j = 0; j < l; j++) {
          z[zb + j] += v * y[yb + j];
        }
      }
    }
    return z;
  }

  /** {@code y^T y} of a row-major {@code n x l} matrix. */
  private static double[] gram(double[] y, int n, int l) {
    double[] g = new double[l * l];
    for (int r = 0; r < n; r++) {
      int b = r * l;
      for (int i = 0; i < l; i++) {
        double yi = y[b + i];
        if (yi == 0) {
          continue;
        }
        int gb = i * l;
        for (int j = i; j < l; j++) {
          g[gb + j] += yi * y[b + j];
        }
      }
    }
    for (int i = 0; i < l; i++) {
      for (int j = 0; j < i; j++) {
        g[i * l + j] = g[j * l + i];
      }
    }
    return g;
  }

  /** Orthonormal columns spanning those of {@code y} (Cholesky QR, twice), in place. */
  private static void orthonormalise(double[] y, int n, int l) {
    for (int pass = 0; pass < 2; pass++) {
      double[] g = gram(y, n, l);
      double tr = 0;
      for (int i = 0; i < l; i++) {
        tr += g[i * l + i];
      }
      double jitter = 1e-10 * tr / l;
      // Cholesky G = L L^T (lower, row-major)
      double[] c = new double[l * l];
      for (int i = 0; i < l; i++) {
        for (int j = 0; j <= i; j++) {
          double s = g[i * l + j];
          for (int k = 0; k < j; k++) {
            s -= c[i * l + k] * c[j * l + k];
          }
          if (i == j) {
            c[i * l + i] = Math.sqrt(Math.max(s + jitter, jitter));
          } else {
            c[i * l + j] = s / c[j * l + j];
          }
        }
      }
      // each row q solves q L^T = y
      double[] q = new double[l];
      for (int r = 0; r < n; r++) {
        int b = r * l;
        for (int j = 0; j < l; j++) {
          double s = y[b + j];
          for (int i = 0; i < j; i++) {
            s -= q[i] * c[j * l + i];
          }
          q[j] = s / c[j * l + j];
        }
        System.arraycopy(q, 0, y, b, l);
      }
    }
  }

  /** The {@code k} nearest other rows of each row by dot product (unit rows: cosine). */
  private static WordNeighbours nearest(String[] words, float[] vec, int d, int k, int threads) {
    int v = words.length;
    int kk = Math.min(k, v - 1);
    int[] nb = new int[v * kk];
    float[] sim = new float[v * kk];
    final int block = 64;
    int blocks = (v + block - 1) / block;
    Thread[] ts = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      final int first = t;
      ts[t] =
          new Thread(
              () -> {
                float[] dots = new float[block];
                for (int bIdx = first; bIdx < blocks; bIdx += threads) {
                  int q0 = bIdx * block;
                  int q1 = Math.min(v, q0 + block);
                  int m = q1 - q0;
                  float[][] topS = new float[m][kk];
                  int[][] topI = new int[m][kk];
                  int[] fill = new int[m];
                  for (int j = 0; j < v; j++) {
                    int jb = j * d;
                    for (int q = 0; q < m; q++) {
                      int qb = (q0 + q) * d;
                      float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                      int x = 0;
                      for (; x + 3 < d; x += 4) {
                        s0 += vec[qb + x] * vec[jb + x];
                        s1 += vec[qb + x + 1] * vec[jb + x + 1];
                        s2 += vec[qb + x + 2] * vec[jb + x + 2];
                        s3 += vec[qb + x + 3] * vec[jb + x + 3];
                      }
                      for (; x < d; x++) {
                        s0 += vec[qb + x] * vec[jb + x];
                      }
                      dots[q] = (s0 + s1) + (s2 + s3);
                    }
                    for (int q = 0; q < m; q++) {
                      if (q0 + q == j) {
                        continue;
                      }
                      insert(topS[q], topI[q], fill, q, kk, dots[q], j);
                    }
                  }
                  for (int q = 0; q < m; q++) {
                    System.arraycopy(topI[q], 0, nb, (q0 + q) * kk, kk);
                    System.arraycopy(topS[q], 0, sim, (q0 + q) * kk, kk);
                  }
                }
              },
              "neighbours-" + t);
      ts[t].start();
    }
    for (Thread t : ts) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    return WordNeighbours.of(words, kk, nb, sim);
  }

  /** Inserts {@code (s, j)} into the descending top list {@code q} when it belongs there. */
  private static void insert(float[] ts, int[] ti, int[] fill, int q, int k, float s, int j) {
    int f = fill[q];
    if (f == k && s <= ts[k - 1]) {
      return;
    }
    int p = f == k ? k - 1 : f;
    while (p > 0 && ts[p - 1] < s) {
      ts[p] = ts[p - 1];
      ti[p] = ti[p - 1];
      p--;
    }
    ts[p] = s;
    ti[p] = j;
    if (f < k) {
      fill[q] = f + 1;
    }
  }

  /** Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations. */
  static final class Jacobi {
    private Jacobi() {}

    /**
     * The eigenvalues of the symmetric row-major {@code n x n} matrix {@code a} (destroyed); the
     * eigenvectors are the columns of {@code vecs} (row-major {@code n x n}).
     */
    static double[] eigen(double[] a, int n, double[] vecs) {
      Arrays.fill(vecs, 0);
      for (int i = 0; i < n; i++) {
        vecs[i * n + i] = 1;
      }
      for (int sweep = 0; sweep < 100; sweep++) {
        double off = 0;
        double diag = 0;
        for (int i = 0; i < n; i++) {
          diag += a[i * n + i] * a[i * n + i];
          for (int j = i + 1; j < n; j++) {
            off += a[i * n + j] * a[i * n + j];
          }
        }
        if (off <= 1e-22 * diag) {
          break;
        }
        for (int p = 0; p < n; p++) {
          for (int q = p + 1; q < n; q++) {
            double apq = a[p * n + q];
            if (Math.abs(apq) < 1e-300) {
              continue;
            }
            double theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
            double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
            if (theta == 0) {
              t = 1;
            }
            double cs = 1 / Math.sqrt(t * t + 1);
            double sn = t * cs;
            for (int k = 0; k < n; k++) {
              double akp = a[k * n + p];
              double akq = a[k * n + q];
              a[k * n + p] = cs * akp - sn * akq;
              a[k * n + q] = sn * akp + cs * akq;
            }
            for (int k = 0; k < n; k++) {
              double apk = a[p * n + k];
              double aqk = a[q * n + k];
              a[p * n + k] = cs * apk - sn * aqk;
              a[q * n + k] = sn * apk + cs * aqk;
            }
            for (int k = 0; k < n; k++) {
              double vkp = vecs[k * n + p];
              double vkq = vecs[k * n + q];
              vecs[k * n + p] = cs * vkp - sn * vkq;
              vecs[k * n + q] = sn * vkp + cs * vkq;
            }
          }
        }
      }
      double[] out = new double[n];
      for (int i = 0; i < n; i++) {
        out[i] = a[i * n + i];
      }
      return out;
    }
  }
}
