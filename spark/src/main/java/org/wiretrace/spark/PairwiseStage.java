package org.wiretrace.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.util.LongAccumulator;
import org.wiretrace.relate.Relater;
import scala.Tuple2;

/**
 * The job stage that proposes the pairs the scan finds by comparing every pair of a small
 * collection ({@link WiretraceJob#ALL_PAIRS_LIMIT}): at least {@link
 * CandidateKeys#MIN_SHARED_GRAMS} shared word trigrams, or a content-term cosine of at least {@link
 * Relater#SAME_STORY_SIMILARITY}. Computed by key (see {@link CandidateKeys}): trigram postings
 * give shared-trigram counts per pair, term postings give the products of the two weights, summed
 * per pair into the cosine (both by map-side combining {@code reduceByKey} on packed {@code long}
 * pairs). Stateless.
 */
final class PairwiseStage {
  private static final long GRAM = 0x1L << 62;
  private static final long TERM = 0x2L << 62;
  private static final long MASK = 0x3L << 62;

  private PairwiseStage() {}

  /** Unordered candidate pairs (packed by {@link Pairs#unordered}). */
  static JavaRDD<Long> pairs(
      JavaPairRDD<Integer, Features> features,
      int maxPostings,
      int parts,
      LongAccumulator dropped) {
    JavaPairRDD<Long, Postings> postings =
        features
            .flatMapToPair(
                f -> {
                  Features x = f._2();
                  List<Tuple2<Long, Long>> out = new ArrayList<>();
                  for (long g : x.trigrams()) {
                    out.add(
                        new Tuple2<>(
                            (g & ~MASK) | GRAM, IndexCandidatesStage.posting(x.num(), 1f)));
                  }
                  for (int i = 0; i < x.terms().length; i++) {
                    out.add(
                        new Tuple2<>(
                            (x.terms()[i] & ~MASK) | TERM,
                            IndexCandidatesStage.posting(x.num(), (float) x.weights()[i])));
                  }
                  return out.iterator();
                })
            .combineByKey(
                p ->
                    new Postings(maxPostings)
                        .add(
                            IndexCandidatesStage.postingNum(p),
                            IndexCandidatesStage.postingBoost(p)),
                (ps, p) ->
                    ps.add(
                        IndexCandidatesStage.postingNum(p), IndexCandidatesStage.postingBoost(p)),
                Postings::merge,
                parts);
    JavaRDD<Long> grams =
        postings
            .filter(kp -> (kp._1() & MASK) == GRAM)
            .flatMapToPair(
                kp -> {
                  Postings ps = kp._2();
                  List<Tuple2<Long, Integer>> out = new ArrayList<>();
                  if (ps.overflowed()) {
                    dropped.add(1);
                  }
                  for (int i = 0; i < ps.size(); i++) {
                    for (int j = i + 1; j < ps.size(); j++) {
                      if (ps.num(i) != ps.num(j)) {
                        out.add(new Tuple2<>(Pairs.unordered(ps.num(i), ps.num(j)), 1));
                      }
                    }
                  }
                  return out.iterator();
                })
            .reduceByKey(Integer::sum, parts)
            .filter(p -> p._2() >= CandidateKeys.MIN_SHARED_GRAMS)
            .keys();
    JavaRDD<Long> terms =
        postings
            .filter(kp -> (kp._1() & MASK) == TERM)
            .flatMapToPair(
                kp -> {
                  Postings ps = kp._2();
                  List<Tuple2<Long, Double>> out = new ArrayList<>();
                  if (ps.overflowed()) {
                    dropped.add(1);
                  }
                  for (int i = 0; i < ps.size(); i++) {
                    for (int j = i + 1; j < ps.size(); j++) {
                      if (ps.num(i) != ps.num(j)) {
                        out.add(
                            new Tuple2<>(
                                Pairs.unordered(ps.num(i), ps.num(j)),
                                (double) ps.weight(i) * ps.weight(j)));
                      }
                    }
                  }
                  return out.iterator();
                })
            .reduceByKey(Double::sum, parts)
            .filter(p -> p._2() >= Relater.SAME_STORY_SIMILARITY - 1e-6)
            .keys();
    return grams.union(terms);
  }
}
