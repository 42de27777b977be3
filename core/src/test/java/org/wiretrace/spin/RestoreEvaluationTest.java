package org.wiretrace.spin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RestoreEvaluationTest {

  @Test
  void reachCountsTheOriginalAnywhereAmongTheFirstK() {
    PhrasePair a = new PhrasePair("chilly battle", "cold war");
    PhrasePair b = new PhrasePair("pressing want", "urgent need");
    PhrasePair unknown = new PhrasePair("bogus phrase", "???");
    RestoreEvaluation.Score s =
        RestoreEvaluation.summarise(
            List.of(
                new RestoreEvaluation.Prediction(a, List.of("cold war")),
                new RestoreEvaluation.Prediction(
                    b,
                    List.of(
                        "urgent care", "pressing need", "acute want", "dire need", "urgent need")),
                new RestoreEvaluation.Prediction(unknown, List.of("x"))));
    assertThat(s.scored()).isEqualTo(2);
    assertThat(s.skipped()).isEqualTo(1);
    assertThat(s.top1()).isEqualTo(0.5);
    assertThat(s.top3()).isEqualTo(0.5);
    assertThat(RestoreEvaluation.reach(s, 5)).isEqualTo(1.0);
    assertThat(RestoreEvaluation.reach(s, 4)).isEqualTo(0.5);
  }

  @Test
  void foldsAreBalancedAndReproducible() {
    int[] f = RestoreEvaluation.folds(23, 5);
    assertThat(f).containsExactly(RestoreEvaluation.folds(23, 5));
    int[] size = new int[5];
    for (int x : f) {
      size[x]++;
    }
    assertThat(size).containsOnly(4, 5);
  }

  @Test
  void outsideLeavesTheNamedFoldsOut() {
    List<PhrasePair> pairs = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      pairs.add(new PhrasePair("a" + i, "b" + i));
    }
    int[] fold = {0, 1, 2, 0, 1, 2, 0, 1, 2, 0};
    assertThat(RestoreEvaluation.outside(pairs, fold, 0, 2))
        .containsExactly(pairs.get(1), pairs.get(4), pairs.get(7));
  }

  @Test
  void leaveOneOutScoresEachPairWithHabitsFromAllTheOthersAndItsFoldsReranker() {
    List<PhrasePair> pairs = new ArrayList<>();
    String[][] p = {
      {"chilly battle", "cold war"},
      {"pressing want", "urgent need"},
      {"army assist", "military aid"},
      {"overseas ministry", "foreign ministry"},
      {"catastrophe response", "disaster response"},
      {"superior research", "advanced studies"},
    };
    for (String[] x : p) {
      pairs.add(new PhrasePair(x[0], x[1]));
    }
    // every restorer built, by the originals its habits know
    List<Set<String>> built = Collections.synchronizedList(new ArrayList<>());
    List<Integer> examplesSeen = Collections.synchronizedList(new ArrayList<>());
    RestoreEvaluation.Nested n =
        RestoreEvaluation.nested(
            pairs,
            3,
            h -> {
              built.add(new TreeSet<>(h.originals()));
              return new PhraseRestorer(
                  WordNetLexicon.shared(),
                  h,
                  PhraseStats.shared(),
                  Thesaurus.empty(),
                  PhraseRestorer.Settings.DEFAULT);
            },
            ScienceCounts.shared(),
            Reranker.DEPTH,
            ex -> {
              examplesSeen.add(ex.size());
              return null; // beam order: the test is about which habits score which pair
            },
            5,
            1,
            true);
    RestoreEvaluation.Score loo = n.leaveOneOut().orElseThrow();
    assertThat(loo.scored()).isEqualTo(pairs.size());
    assertThat(n.folds().scored()).isEqualTo(pairs.size());
    assertThat(examplesSeen).hasSize(3);
    // leave-one-out restorers know exactly five of the six originals: all but the scored pair's
    long fiveOfSix =
        built.stream()
            .filter(
                o ->
                    o.size() == pairs.size() - 1
                        && pairs.stream().filter(q -> !o.contains(q.expected())).count() == 1)
            .count();
    assertThat(fiveOfSix).isEqualTo(pairs.size());
    // the k-fold restorers know fewer: 3 folds of 2 pairs, the held-out fold and (nested) one more
    assertThat(built.stream().filter(o -> o.size() < pairs.size() - 1)).isNotEmpty();
    // the scored pair's original never comes from its own habits: each predicted list is its own
    for (RestoreEvaluation.Prediction pr : loo.all()) {
      assertThat(pr.pair()).isIn(pairs);
    }
  }
}
