package org.wiretrace.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;
import org.wiretrace.fingerprint.Fingerprint;
import org.wiretrace.index.ArticleIndex;
import scala.Tuple2;

/**
 * The job stage that proposes the index's candidate pairs ({@link IndexQuery}: the scan's {@code
 * ArticleIndex.candidates} search by key). Four shuffles: document frequencies of the immutable
 * n-grams (map-side combined; only the too-common ones reach the driver), postings by key (capped
 * combiner), hit scores by directed pair (map-side combined {@code reduceByKey} on packed {@code
 * long} pairs), best hits by query article (bounded {@link TopHits} combiner). The re-ranking reads
 * both fingerprints from a broadcast table indexed by article number (the stored fingerprint form,
 * about 1-2 kB per article). Stateless.
 */
final class IndexCandidatesStage {
  private IndexCandidatesStage() {}

  /** Unordered candidate pairs (packed by {@link Pairs#unordered}) of the {@code n} articles. */
  static JavaRDD<Long> pairs(
      JavaSparkContext sc,
      JavaPairRDD<Integer, Features> features,
      long n,
      int maxPostings,
      int parts,
      LongAccumulator dropped) {
    int maxDf = IndexQuery.maxDf(n);
    // immutable n-grams held by more than maxDf articles are not queried (the scan's pruning)
    List<Integer> common =
        features
            .flatMapToPair(
                f -> {
                  int[] grams = f._2().fingerprint().spinGrams();
                  List<Tuple2<Integer, Integer>> out = new ArrayList<>(grams.length);
                  for (int g : grams) {
                    out.add(new Tuple2<>(g, 1));
                  }
                  return out.iterator();
                })
            .reduceByKey(Integer::sum, parts)
            .filter(g -> g._2() > maxDf)
            .keys()
            .collect();
    int[] pruned = common.stream().mapToInt(Integer::intValue).sorted().toArray();
    Broadcast<int[]> prunedB = sc.broadcast(pruned);

    // postings: every key an article holds, with its boost when the article queries on it
    JavaPairRDD<Long, Postings> postings =
        features
            .flatMapToPair(
                f -> {
                  int[] common0 = prunedB.value();
                  int num = f._2().num();
                  List<Tuple2<Long, Long>> out = new ArrayList<>();
                  IndexQuery.postings(
                      f._2().fingerprint(),
                      f._2().bandKeys(),
                      g -> Arrays.binarySearch(common0, g) >= 0,
                      (key, boost) -> out.add(new Tuple2<>(key, posting(num, boost))));
                  return out.iterator();
                })
            .combineByKey(
                p -> new Postings(maxPostings).add(postingNum(p), postingBoost(p)),
                (ps, p) -> ps.add(postingNum(p), postingBoost(p)),
                Postings::merge,
                parts);

    // hit scores: for each querying article and each other holder, the clause's boost
    JavaPairRDD<Long, Double> scores =
        postings
            .flatMapToPair(
                kp -> {
                  Postings ps = kp._2();
                  List<Tuple2<Long, Double>> out = new ArrayList<>();
                  if (ps.overflowed()) {
                    dropped.add(1);
                    return out.iterator();
                  }
                  for (int i = 0; i < ps.size(); i++) {
                    float boost = ps.weight(i);
                    if (boost == 0f) {
                      continue;
                    }
                    for (int j = 0; j < ps.size(); j++) {
                      if (j != i && ps.num(j) != ps.num(i)) {
                        out.add(new Tuple2<>(Pairs.of(ps.num(i), ps.num(j)), (double) boost));
                      }
                    }
                  }
                  return out.iterator();
                })
            .reduceByKey(Double::sum, parts);

    // the best hits per query article (its own article, always the best hit, is not counted)
    int depth = IndexQuery.SEARCH_DEPTH - 1;
    JavaPairRDD<Integer, TopHits> best =
        scores
            .mapToPair(
                s ->
                    new Tuple2<>(
                        Pairs.first(s._1()),
                        TopHits.pack((float) (double) s._2(), Pairs.second(s._1()))))
            .combineByKey(h -> new TopHits(depth).add(h), TopHits::add, TopHits::merge, parts);

    // re-rank on the fingerprints, keep the best DEFAULT_CANDIDATES scoring >= MIN_SCORE
    Broadcast<byte[][]> fps = sc.broadcast(fingerprintTable(features, n));
    return best.flatMap(
        q -> {
          byte[][] table = fps.value();
          Fingerprint query = decode(table[q._1()]);
          long[] hits = q._2().best();
          Integer[] order = new Integer[hits.length];
          double[] score = new double[hits.length];
          int[] num = new int[hits.length];
          for (int i = 0; i < hits.length; i++) {
            order[i] = i;
            num[i] = TopHits.num(hits[i]);
            score[i] = IndexQuery.score(query, decode(table[num[i]]));
          }
          // the scan's order: score descending, then id (here: number, in id order) ascending
          Arrays.sort(
              order,
              (x, y) ->
                  score[x] != score[y] ? Double.compare(score[y], score[x]) : num[x] - num[y]);
          List<Long> out = new ArrayList<>();
          for (int i = 0; i < order.length && i < ArticleIndex.DEFAULT_CANDIDATES; i++) {
            // the scan keeps the best DEFAULT_CANDIDATES, then drops those below MIN_SCORE
            if (score[order[i]] >= IndexQuery.MIN_SCORE) {
              out.add(Pairs.unordered(q._1(), num[order[i]]));
            }
          }
          return out.iterator();
        });
  }

  /** An article number and its boost for a key, packed. */
  static long posting(int num, float boost) {
    return ((long) num << 32) | (Float.floatToIntBits(boost) & 0xFFFFFFFFL);
  }

  static int postingNum(long posting) {
    return (int) (posting >>> 32);
  }

  static float postingBoost(long posting) {
    return Float.intBitsToFloat((int) posting);
  }

  private static Fingerprint decode(byte[] b) {
    return Fingerprint.decode(b, 0, b.length);
  }

  private static byte[][] fingerprintTable(JavaPairRDD<Integer, Features> features, long n) {
    byte[][] table = new byte[Math.toIntExact(n)][];
    var it = features.values().toLocalIterator();
    while (it.hasNext()) {
      Features f = it.next();
      table[f.num()] = f.encodedFingerprint();
    }
    return table;
  }
}
