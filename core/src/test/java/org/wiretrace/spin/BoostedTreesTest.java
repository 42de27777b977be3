package org.wiretrace.spin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BoostedTreesTest {

  private static final BoostedTrees.Settings SMALL =
      new BoostedTrees.Settings(60, 3, 0.1, 0.01, 1.0, 32);

  /**
   * Groups of 6 candidates with 3 noisy features whose correct one has feature 1 closest to 0: no
   * linear score separates it (the correct value lies between the others).
   */
  private static List<double[][]> groups(long seed, int[] gold) {
    Random rnd = new Random(seed);
    List<double[][]> out = new ArrayList<>();
    for (int q = 0; q < gold.length; q++) {
      double[][] x = new double[6][3];
      gold[q] = rnd.nextInt(6);
      for (int i = 0; i < 6; i++) {
        x[i][0] = rnd.nextGaussian();
        double sign = rnd.nextBoolean() ? 1 : -1;
        x[i][1] = i == gold[q] ? 0.2 * rnd.nextGaussian() : sign * (1 + rnd.nextDouble());
        x[i][2] = rnd.nextGaussian();
      }
      out.add(x);
    }
    return out;
  }

  private static double top1(BoostedTrees t, List<double[][]> x, int[] gold) {
    int hit = 0;
    for (int q = 0; q < x.size(); q++) {
      int best = 0;
      for (int i = 1; i < x.get(q).length; i++) {
        if (t.score(x.get(q)[i]) > t.score(x.get(q)[best])) {
          best = i;
        }
      }
      hit += best == gold[q] ? 1 : 0;
    }
    return (double) hit / x.size();
  }

  @Test
  void separatesANonLinearListwiseProblem() {
    int[] gold = new int[200];
    List<double[][]> train = groups(1, gold);
    BoostedTrees t = BoostedTrees.train(train, gold, null, SMALL);
    int[] testGold = new int[200];
    List<double[][]> test = groups(2, testGold);
    assertThat(top1(t, test, testGold)).isGreaterThan(0.9);
    assertThat(t.trees()).isEqualTo(60);
    assertThat(t.features()).isEqualTo(3);
  }

  @Test
  void learningIsDeterministic() {
    int[] gold = new int[80];
    List<double[][]> train = groups(3, gold);
    BoostedTrees a = BoostedTrees.train(train, gold, null, SMALL);
    BoostedTrees b = BoostedTrees.train(train, gold, null, SMALL);
    assertThat(a.feature()).containsExactly(b.feature());
    assertThat(a.threshold()).containsExactly(b.threshold());
    assertThat(a.value()).containsExactly(b.value());
  }

  @Test
  void correctsAStartingScore() {
    int[] gold = new int[100];
    List<double[][]> train = groups(4, gold);
    double[][] base = new double[train.size()][];
    for (int q = 0; q < train.size(); q++) {
      base[q] = new double[train.get(q).length];
      base[q][gold[q]] = 50;
    }
    // the starting score already ranks every group right: the trees add almost nothing
    BoostedTrees t = BoostedTrees.train(train, gold, base, SMALL);
    for (double[][] x : train) {
      for (double[] row : x) {
        assertThat(Math.abs(t.score(row))).isLessThan(1e-6);
      }
    }
  }

  @Test
  void cutsAreIncreasingQuantilesAndBinsMatchThresholds() {
    double[] v = {5, 1, 1, 1, 2, 3, 4, 4, 9, 7};
    double[] c = BoostedTrees.cuts(v, 4);
    for (int i = 1; i < c.length; i++) {
      assertThat(c[i]).isGreaterThan(c[i - 1]);
    }
    for (double x : v) {
      int b = BoostedTrees.binOf(c, x);
      for (int k = 0; k < c.length; k++) {
        assertThat(x <= c[k]).isEqualTo(b <= k);
      }
    }
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> new BoostedTrees.Settings(0, 3, 0.1, 0, 1, 64))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BoostedTrees.Settings(10, 0, 0.1, 0, 1, 64))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BoostedTrees.Settings(10, 3, 0, 0, 1, 64))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BoostedTrees.Settings(10, 3, 0.1, -1, 1, 64))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BoostedTrees.Settings(10, 3, 0.1, 0, -1, 64))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BoostedTrees.Settings(10, 3, 0.1, 0, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BoostedTrees.Settings(10, 3, 0.1, 0, 1, 300))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new BoostedTrees(
                    2,
                    new int[] {0},
                    new int[] {5},
                    new double[1],
                    new int[1],
                    new int[1],
                    new double[1]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                BoostedTrees.train(
                    List.<double[][]>of(new double[2][2]), new int[] {2}, null, SMALL))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BoostedTrees.train(List.of(), new int[0], null, SMALL))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
