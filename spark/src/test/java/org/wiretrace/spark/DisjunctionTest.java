package org.wiretrace.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/**
 * The by-key disjunction's parts without Spark: a key's querying articles see only the holders of
 * their batch and the earlier ones, the topic cut-off depends on the batch, hot keys are split into
 * slices, and the accumulated hits rank by score, then by article number.
 */
class DisjunctionTest {

  @Test
  void scanOrderBatchesAndCutOffs() {
    ScanOrder order = new ScanOrder(3_000);
    assertThat(order.batches()).isEqualTo(3);
    assertThat(ScanOrder.batch(1_023)).isZero();
    assertThat(ScanOrder.batch(1_024)).isEqualTo(1);
    assertThat(order.countAfter(0)).isEqualTo(1_024);
    assertThat(order.countAfter(2)).isEqualTo(3_000);
    assertThat(order.maxDf(2, 0.02)).isEqualTo(500);
    assertThat(new ScanOrder(100_000).maxDf(90, 0.02)).isEqualTo(1_863);
    assertThat(new ScanOrder(100_000).maxDf(97, 0.02)).isEqualTo(2_000);
    assertThat(order.pairwise()).isFalse();
    assertThat(new ScanOrder(512).pairwise()).isTrue();
  }

  @Test
  void alignedProposalsComeBeforeTopicNeighboursThenByPosition() {
    long reuse = Proposal.of(7, Proposal.REUSE, true);
    long topic = Proposal.of(7, Proposal.TOPIC, false);
    long later = Proposal.of(8, Proposal.PAIRWISE, true);
    long earlierTopic = Proposal.of(3, Proposal.TOPIC, true);
    assertThat(Proposal.first(reuse, topic)).isEqualTo(reuse);
    // the scan pairs every article of the batch to align before any topic neighbour
    assertThat(Proposal.first(later, earlierTopic)).isEqualTo(later);
    assertThat(Proposal.first(reuse, later)).isEqualTo(reuse);
    assertThat(Proposal.aligned(topic)).isFalse();
    assertThat(Proposal.proposerFirst(topic)).isFalse();
    assertThat(Proposal.kind(reuse)).isEqualTo(Proposal.REUSE);
  }

  @Test
  void twoTopicProposalsRememberBothSides() {
    long mine = Proposal.of(3, Proposal.TOPIC, true);
    long theirs = Proposal.of(9, Proposal.TOPIC, false);
    long both = Proposal.first(theirs, mine);
    assertThat(Proposal.bothSides(both)).isTrue();
    assertThat(Proposal.proposerFirst(both)).isTrue();
    assertThat(Proposal.kind(both)).isEqualTo(Proposal.TOPIC);
    assertThat(Proposal.bothSides(mine)).isFalse();
    // an aligned proposal of the same pair still decides
    long reuse = Proposal.of(12, Proposal.REUSE, true);
    assertThat(Proposal.first(both, reuse)).isEqualTo(reuse);
    assertThat(Proposal.first(reuse, both)).isEqualTo(reuse);
  }

  @Test
  void queryingArticlesSeeTheirBatchAndTheEarlierOnes() {
    // articles 0..2 at positions 0, 1030, 5 (batches 0, 1, 0)
    int[] positions = {0, 1030, 5};
    ScanOrder order = new ScanOrder(1031 + 1);
    Disjunction.Group g = new Disjunction.Group(10);
    g.add(Disjunction.posting(0, 0.5f, true));
    g.add(Disjunction.posting(1, 0.25f, true));
    g.add(Disjunction.posting(2, 0f, true));
    List<Tuple2<Long, Disjunction.Group>> slices = g.salted(42);
    assertThat(slices).hasSize(1);
    List<Tuple2<Integer, int[]>> records = new ArrayList<>();
    new Disjunction.Expansion(slices.get(0)._2(), positions, order, 0)
        .forEachRemaining(records::add);
    assertThat(records).hasSize(2);
    assertThat(records.get(0)._1()).isZero();
    assertThat(records.get(0)._2()).containsExactly(Float.floatToIntBits(0.5f), 0, 2);
    assertThat(records.get(1)._1()).isEqualTo(1);
    assertThat(records.get(1)._2()).containsExactly(Float.floatToIntBits(0.25f), 0, 2, 1);
  }

  @Test
  void theTopicCutOffLeavesOutKeysHeldByTooManyStoredArticles() {
    int holders = 600;
    int[] positions = new int[holders];
    for (int i = 0; i < holders; i++) {
      positions[i] = i < 400 ? i : 2048 + i; // 400 in batch 0, 200 in batch 2
    }
    ScanOrder order = new ScanOrder(4096);
    Disjunction.Group g = new Disjunction.Group(Integer.MAX_VALUE);
    for (int i = 0; i < holders; i++) {
      g.add(Disjunction.posting(i, 0.1f, false));
    }
    List<Tuple2<Long, Disjunction.Group>> slices = g.salted(7);
    assertThat(slices).hasSize((holders + Disjunction.SALT - 1) / Disjunction.SALT);
    List<Integer> queried = new ArrayList<>();
    for (Tuple2<Long, Disjunction.Group> s : slices) {
      new Disjunction.Expansion(s._2(), positions, order, 0.02)
          .forEachRemaining(r -> queried.add(r._1()));
    }
    // batch 0 sees 400 holders (<= 500): queried; batch 2 sees 600 (> 500): left out
    assertThat(queried).hasSize(400).allMatch(q -> q < 400);
  }

  @Test
  void hitsRankByScoreThenNumber() {
    List<Tuple2<Integer, int[]>> in =
        List.of(
            new Tuple2<>(3, new int[] {Float.floatToIntBits(0.5f), 3, 4, 1}),
            new Tuple2<>(3, new int[] {Float.floatToIntBits(0.25f), 3, 1, 2}),
            new Tuple2<>(5, new int[] {Float.floatToIntBits(1f), 5}));
    List<Tuple2<Integer, long[]>> out = new ArrayList<>();
    new Disjunction.Accumulation(in.iterator(), 6, 3).forEachRemaining(out::add);
    assertThat(out).hasSize(2);
    long[] best = out.get(0)._2();
    assertThat(out.get(0)._1()).isEqualTo(3);
    // 3 and 1 score 0.75, 4 scores 0.5, 2 scores 0.25: the best three are 1, 3, 4
    assertThat(best).hasSize(3);
    assertThat(TopHits.num(best[0])).isEqualTo(1);
    assertThat(TopHits.num(best[1])).isEqualTo(3);
    assertThat(TopHits.num(best[2])).isEqualTo(4);
    assertThat(TopHits.score(best[0])).isEqualTo(0.75f);
    assertThat(TopHits.num(out.get(1)._2()[0])).isEqualTo(5);
  }
}
