package org.wiretrace.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;
import org.wiretrace.fingerprint.Fingerprint;
import org.wiretrace.index.ArticleIndex;
import scala.Tuple2;

/**
 * The job stage that proposes the index's reuse candidates ({@link IndexQuery}: the scan's {@code
 * ArticleIndex.candidates} search by key, in the scan's order). The immutable n-grams too common to
 * be queried are counted first ({@link SpinPruning}); the search's first stage is a {@link
 * Disjunction} over every key an article holds (band and shingle keys capped at {@code maxPostings}
 * holders); the best {@link IndexQuery#SEARCH_DEPTH} hits (the article itself among them) are
 * re-ranked on both fingerprints, read from a broadcast table indexed by article number (the stored
 * fingerprint form, about 1-2 kB per article). Stateless.
 */
final class IndexCandidatesStage {
  private IndexCandidatesStage() {}

  /**
   * The reuse candidates of the articles as {@link Proposal}s keyed by unordered pair (packed by
   * {@link Pairs#unordered}).
   */
  static JavaPairRDD<Long, Long> proposals(
      JavaSparkContext sc,
      JavaPairRDD<Integer, Features> features,
      ScanOrder order,
      Broadcast<int[]> positions,
      int maxPostings,
      int parts,
      LongAccumulator dropped) {
    Broadcast<SpinPruning> pruning =
        sc.broadcast(SpinPruning.of(sc, features, order, positions, parts));
    JavaPairRDD<Long, Long> postings =
        features.flatMapToPair(
            f -> {
              SpinPruning p = pruning.value();
              int num = f._2().num();
              int batch = ScanOrder.batch(positions.value()[num]);
              List<Tuple2<Long, Long>> out = new ArrayList<>();
              IndexQuery.postings(
                  f._2().fingerprint(),
                  f._2().bandKeys(),
                  g -> p.pruned(g, batch),
                  (key, boost) ->
                      out.add(
                          new Tuple2<>(
                              key, Disjunction.posting(num, boost, IndexQuery.capped(key)))));
              return out.iterator();
            });
    JavaPairRDD<Integer, long[]> best =
        Disjunction.best(
            postings, positions, order, 0, maxPostings, IndexQuery.SEARCH_DEPTH, parts, dropped);

    // re-rank on the fingerprints, keep the best DEFAULT_CANDIDATES scoring >= MIN_SCORE
    Broadcast<byte[][]> fps =
        sc.broadcast(Features.table(features, order.articles(), Features::encodedFingerprint));
    return best.flatMapToPair(
        q -> {
          byte[][] table = fps.value();
          int self = q._1();
          Fingerprint query = decode(table[self]);
          long[] hits = q._2();
          List<Integer> order0 = new ArrayList<>(hits.length);
          double[] score = new double[hits.length];
          int[] num = new int[hits.length];
          for (int i = 0; i < hits.length; i++) {
            num[i] = TopHits.num(hits[i]);
            if (num[i] != self) {
              score[i] = IndexQuery.score(query, decode(table[num[i]]));
              order0.add(i);
            }
          }
          // the scan's order: score descending, then id (here: number, in id order) ascending
          Integer[] ranked = order0.toArray(new Integer[0]);
          Arrays.sort(
              ranked,
              (x, y) ->
                  score[x] != score[y] ? Double.compare(score[y], score[x]) : num[x] - num[y]);
          int position = positions.value()[self];
          List<Tuple2<Long, Long>> out = new ArrayList<>();
          for (int i = 0; i < ranked.length && i < ArticleIndex.DEFAULT_CANDIDATES; i++) {
            // the scan keeps the best DEFAULT_CANDIDATES, then drops those below MIN_SCORE
            int other = num[ranked[i]];
            if (score[ranked[i]] >= IndexQuery.MIN_SCORE) {
              out.add(
                  new Tuple2<>(
                      Pairs.unordered(self, other),
                      Proposal.of(position, Proposal.REUSE, self < other)));
            }
          }
          return out.iterator();
        });
  }

  private static Fingerprint decode(byte[] b) {
    return Fingerprint.decode(b, 0, b.length);
  }
}
