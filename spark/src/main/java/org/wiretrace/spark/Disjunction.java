package org.wiretrace.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;

/**
 * One Lucene disjunction of constant-score term clauses per article, computed by key for all
 * articles at once: the first stage of the index's searches ({@code ArticleIndex.candidates},
 * {@code topicNeighbours}) as the scan runs them. A hit's score is the sum of the boosts of the
 * querying article's clauses whose terms it holds; the best {@code depth} hits are kept, score
 * descending, then article number (content-id order) ascending, the index's tie rule. The querying
 * article is one of its own hits, as in the index.
 *
 * <p>Input: postings {@code (key, Posting)}: an article holds the key, with the boost of its clause
 * when it queries on it (0: held, not queried). The postings are grouped by key; a key's group
 * orders its holders by batch ({@link ScanOrder}), and every querying article gets one record: its
 * boost and the holders it can see (those of its batch and the earlier ones). When {@code share} is
 * positive, an article queries the key only while the holders it sees are at most {@link
 * ScanOrder#maxDf} (the topic index's cut-off). The records are sorted by querying article within
 * each partition ({@code repartitionAndSortWithinPartitions}) and the scores of one article are
 * summed in a dense array reused from article to article; each task then holds one article's scores
 * at a time, and the sort spills to disk.
 *
 * <p><b>Hot keys.</b> A key of a capped family held by more than {@code cap} articles is dropped
 * (counted in {@code dropped}); every other key is expanded lazily, one querying article at a time,
 * and a key with more than {@link #SALT} querying articles is first split into groups of at most
 * {@code SALT} of them, each shipped with the holder list under its own shuffle key (salting), so
 * one task never expands more than {@code SALT} articles of one key.
 *
 * <p>Sums are exact whatever the order: the boosts are floats summed in a double (the index sums
 * the same floats in a double and ranks by its float value). Stateless.
 */
final class Disjunction {

  /** Querying articles of one key expanded by one task. */
  static final int SALT = 256;

  private Disjunction() {}

  /**
   * The best {@code depth} hits of every querying article, packed by {@link TopHits#pack}, best
   * first.
   *
   * @param postings keys with postings packed by {@link #posting}
   * @param positions each article's position in the scan's order, by article number
   * @param order the scan's order
   * @param share the document-frequency cut-off of a query term, as a share of the stored articles
   *     (0: none)
   * @param cap the most holders of a key whose postings are marked capped ({@link #posting}); such
   *     a key held by more articles is dropped
   */
  static JavaPairRDD<Integer, long[]> best(
      JavaPairRDD<Long, Long> postings,
      Broadcast<int[]> positions,
      ScanOrder order,
      double share,
      int cap,
      int depth,
      int parts,
      LongAccumulator dropped) {
    int n = order.articles();
    JavaPairRDD<Long, Group> groups =
        postings
            .combineByKey(
                p -> new Group(p < 0 ? cap : Integer.MAX_VALUE).add(p),
                Group::add,
                Group::merge,
                new HashPartitioner(parts))
            .flatMapToPair(
                kv -> {
                  Group g = kv._2();
                  if (g.postings.overflowed()) {
                    dropped.add(1);
                    return java.util.Collections.emptyIterator();
                  }
                  return g.salted(kv._1()).iterator();
                })
            .partitionBy(new HashPartitioner(parts));
    JavaPairRDD<Integer, int[]> hits =
        groups.flatMapToPair(kv -> new Expansion(kv._2(), positions.value(), order, share));
    return hits.repartitionAndSortWithinPartitions(new HashPartitioner(parts))
        .mapPartitionsToPair(it -> new Accumulation(it, n, depth));
  }

  /**
   * A posting: article {@code num} holds a key, with {@code boost} (0: not queried); {@code capped}
   * marks keys of a capped family (the sign bit).
   */
  static long posting(int num, float boost, boolean capped) {
    long p = ((long) num << 32) | (Float.floatToIntBits(boost) & 0xFFFFFFFFL);
    return capped ? p | Long.MIN_VALUE : p;
  }

  static int num(long posting) {
    return (int) (posting >>> 32) & 0x7FFFFFFF;
  }

  static float boost(long posting) {
    return Float.intBitsToFloat((int) posting);
  }

  /**
   * The holders of one key (capped {@link Postings}) and, after {@link #salted}, the slice of its
   * querying articles one task expands. Mutable (a Spark combiner); not thread-safe.
   */
  static final class Group implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    final Postings postings;
    int from;
    int to;

    Group(int cap) {
      postings = new Postings(Math.max(2, cap));
    }

    private Group(Postings postings, int from, int to) {
      this.postings = postings;
      this.from = from;
      this.to = to;
    }

    Group add(long posting) {
      postings.add(num(posting), boost(posting));
      return this;
    }

    Group merge(Group other) {
      postings.merge(other.postings);
      return this;
    }

    /**
     * The group split into slices of at most {@link #SALT} querying articles (by index among the
     * postings), each under its own key: the key's hash mixed with the slice number.
     */
    List<Tuple2<Long, Group>> salted(long key) {
      List<Tuple2<Long, Group>> out = new ArrayList<>();
      int queriers = 0;
      int start = 0;
      int size = postings.size();
      for (int i = 0; i < size; i++) {
        if (postings.weight(i) != 0f && ++queriers > SALT) {
          out.add(new Tuple2<>(key * 31 + out.size(), new Group(postings, start, i)));
          start = i;
          queriers = 1;
        }
      }
      if (queriers > 0) {
        out.add(new Tuple2<>(key * 31 + out.size(), new Group(postings, start, size)));
      }
      return out;
    }
  }

  /**
   * The records of one key slice, made one at a time: for each querying article of the slice, its
   * boost and the holders it sees ({@code [boostBits, holder...]}). Not thread-safe.
   */
  static final class Expansion implements Iterator<Tuple2<Integer, int[]>> {
    private final Postings postings;
    private final int[] positions;
    private final ScanOrder order;
    private final double share;
    private final int to;

    /** Holders ordered by batch, and the batch of each. */
    private final int[] holders;

    private final int[] batches;
    private int next;
    private Tuple2<Integer, int[]> pending;

    Expansion(Group g, int[] positions, ScanOrder order, double share) {
      this.postings = g.postings;
      this.positions = positions;
      this.order = order;
      this.share = share;
      this.to = g.to;
      this.next = g.from;
      int size = postings.size();
      long[] byBatch = new long[size];
      for (int i = 0; i < size; i++) {
        int num = postings.num(i);
        byBatch[i] = ((long) ScanOrder.batch(positions[num]) << 32) | num;
      }
      Arrays.sort(byBatch);
      holders = new int[size];
      batches = new int[size];
      for (int i = 0; i < size; i++) {
        holders[i] = (int) byBatch[i];
        batches[i] = (int) (byBatch[i] >>> 32);
      }
      advance();
    }

    private void advance() {
      pending = null;
      while (pending == null && next < to) {
        int i = next++;
        float boost = postings.weight(i);
        if (boost == 0f) {
          continue;
        }
        int num = postings.num(i);
        int batch = ScanOrder.batch(positions[num]);
        int seen = seen(batch);
        if (share > 0 && seen > order.maxDf(batch, share)) {
          continue;
        }
        int[] rec = new int[seen + 1];
        rec[0] = Float.floatToIntBits(boost);
        System.arraycopy(holders, 0, rec, 1, seen);
        pending = new Tuple2<>(num, rec);
      }
    }

    /** Holders of batch {@code batch} or earlier. */
    private int seen(int batch) {
      int lo = 0;
      int hi = batches.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (batches[mid] <= batch) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    @Override
    public boolean hasNext() {
      return pending != null;
    }

    @Override
    public Tuple2<Integer, int[]> next() {
      if (pending == null) {
        throw new NoSuchElementException();
      }
      Tuple2<Integer, int[]> out = pending;
      advance();
      return out;
    }
  }

  /**
   * The best hits of each querying article of a partition sorted by article: its records' boosts
   * summed per hit in a dense array, then the best {@code depth} ({@link TopHits}). Not
   * thread-safe.
   */
  static final class Accumulation implements Iterator<Tuple2<Integer, long[]>> {
    private final Iterator<Tuple2<Integer, int[]>> in;
    private final int depth;
    private final double[] score;
    private final int[] touched;
    private int size;
    private Tuple2<Integer, int[]> head;

    Accumulation(Iterator<Tuple2<Integer, int[]>> in, int n, int depth) {
      this.in = in;
      this.depth = depth;
      this.score = new double[n];
      this.touched = new int[n];
      this.head = in.hasNext() ? in.next() : null;
    }

    @Override
    public boolean hasNext() {
      return head != null;
    }

    @Override
    public Tuple2<Integer, long[]> next() {
      if (head == null) {
        throw new NoSuchElementException();
      }
      int query = head._1();
      while (head != null && head._1() == query) {
        int[] rec = head._2();
        double boost = Float.intBitsToFloat(rec[0]);
        for (int i = 1; i < rec.length; i++) {
          int h = rec[i];
          if (score[h] == 0) {
            touched[size++] = h;
          }
          score[h] += boost;
        }
        head = in.hasNext() ? in.next() : null;
      }
      TopHits top = new TopHits(depth);
      for (int i = 0; i < size; i++) {
        int h = touched[i];
        top.add(TopHits.pack((float) score[h], h));
        score[h] = 0;
      }
      size = 0;
      return new Tuple2<>(query, top.best());
    }
  }
}
