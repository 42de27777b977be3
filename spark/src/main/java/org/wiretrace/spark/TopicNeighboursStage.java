package org.wiretrace.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;
import org.wiretrace.index.ArticleIndex;
import org.wiretrace.index.TopicVector;
import org.wiretrace.pipeline.StoreScanner;
import scala.Tuple2;

/**
 * The job stage that proposes the scan's same-story neighbours in stores beyond the all-pairs limit
 * ({@code ArticleIndex.topicNeighbours} as {@link StoreScanner} asks it): each article's topic
 * vector ({@link TopicVector#DEFAULT_TERMS} heaviest content terms) is indexed and queried by its
 * {@link ArticleIndex#TOPIC_TERMS} heaviest terms, each clause scoring the term's weight, a term
 * left out of the query when more than {@link ArticleIndex#MAX_TOPIC_SHARE} of the stored articles
 * hold it; the best {@code max(3 * TOPIC_NEIGHBOURS, 30)} hits of that {@link Disjunction} (the
 * article itself among them) are re-ranked by the dot product of the truncated vectors, read from a
 * broadcast table, and the best {@link StoreScanner#TOPIC_NEIGHBOURS} with at least {@link
 * StoreScanner#MIN_TOPIC_SIMILARITY} are proposed ({@link Proposal#TOPIC}). Stateless.
 */
final class TopicNeighboursStage {

  /** Hits of the first stage (the scan's {@code max(3 * limit, 30)}). */
  static final int SEARCH_DEPTH = Math.max(3 * StoreScanner.TOPIC_NEIGHBOURS, 30);

  private TopicNeighboursStage() {}

  /** The topic neighbours as {@link Proposal}s keyed by unordered pair. */
  static JavaPairRDD<Long, Long> proposals(
      JavaSparkContext sc,
      JavaPairRDD<Integer, Features> features,
      ScanOrder order,
      Broadcast<int[]> positions,
      int parts,
      LongAccumulator dropped) {
    JavaPairRDD<Long, Long> postings =
        features.flatMapToPair(
            f -> {
              TopicVector t = f._2().topic();
              int num = f._2().num();
              int[] heaviest = t.heaviest(ArticleIndex.TOPIC_TERMS);
              List<Tuple2<Long, Long>> out = new ArrayList<>(heaviest.length);
              for (int k : heaviest) {
                out.add(
                    new Tuple2<>(t.terms()[k], Disjunction.posting(num, t.weights()[k], false)));
              }
              return out.iterator();
            });
    JavaPairRDD<Integer, long[]> best =
        Disjunction.best(
            postings,
            positions,
            order,
            ArticleIndex.MAX_TOPIC_SHARE,
            Integer.MAX_VALUE,
            SEARCH_DEPTH,
            parts,
            dropped);
    Broadcast<byte[][]> topics =
        sc.broadcast(Features.table(features, order.articles(), Features::encodedTopic));
    return best.flatMapToPair(
        q -> {
          byte[][] table = topics.value();
          int self = q._1();
          TopicVector query = decode(table[self]);
          long[] hits = q._2();
          List<Integer> kept = new ArrayList<>();
          double[] sim = new double[hits.length];
          int[] num = new int[hits.length];
          for (int i = 0; i < hits.length; i++) {
            num[i] = TopHits.num(hits[i]);
            if (num[i] != self) {
              sim[i] = query.dot(decode(table[num[i]]));
              if (sim[i] >= StoreScanner.MIN_TOPIC_SIMILARITY) {
                kept.add(i);
              }
            }
          }
          Integer[] ranked = kept.toArray(new Integer[0]);
          // the index's order: similarity descending, then id (number, in id order) ascending
          Arrays.sort(
              ranked,
              (x, y) -> sim[x] != sim[y] ? Double.compare(sim[y], sim[x]) : num[x] - num[y]);
          int position = positions.value()[self];
          List<Tuple2<Long, Long>> out = new ArrayList<>();
          for (int i = 0; i < ranked.length && i < StoreScanner.TOPIC_NEIGHBOURS; i++) {
            int other = num[ranked[i]];
            out.add(
                new Tuple2<>(
                    Pairs.unordered(self, other),
                    Proposal.of(position, Proposal.TOPIC, self < other)));
          }
          return out.iterator();
        });
  }

  private static TopicVector decode(byte[] b) {
    return TopicVector.decode(b, 0, b.length);
  }
}
