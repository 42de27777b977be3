package org.wiretrace.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wiretrace.text.Tokens;

public class FingerprintTest {
  public static final String STORY =
      "The defence minister said on Tuesday that the government would send 40 tanks to the border"
          + " region by the end of March. Officials in Warsaw and Berlin welcomed the decision, which"
          + " follows months of talks with NATO allies. \"We cannot wait any longer,\" the minister"
          + " told reporters in Brussels, adding that the first units could arrive within weeks.";

  // the same story through a synonym spinner, written by hand
  public static final String SPUN =
      "The protection clergyman stated on Tuesday that the administration would dispatch 40 armoured"
          + " vehicles to the frontier area by the finish of March. Authorities in Warsaw and Berlin"
          + " praised the choice, which comes after months of discussions with NATO partners. \"We"
          + " can't delay any more,\" the clergyman informed journalists in Brussels, including that"
          + " the initial groups could come within weeks.";

  @Test
  void shortTextsKeepTheirOwnShingle() {
    long[] a = Shingles.of(Tokens.of("Shares up"), 5);
    long[] b = Shingles.of(Tokens.of("Shares down"), 5);
    assertThat(a).hasSize(1);
    assertThat(b).hasSize(1);
    assertThat(a[0]).isNotEqualTo(b[0]);
    assertThat(Shingles.of(Tokens.of("Shares up"), 5)).containsExactly(a);
    assertThat(Shingles.of(Tokens.of("  "), 5)).isEmpty();
  }

  @Test
  void tinyTextsDoNotCollapseIntoOneSignature() {
    Fingerprinter f = new Fingerprinter();
    Fingerprint a = f.of(Tokens.of("Oil rises"));
    Fingerprint b = f.of(Tokens.of("Gold falls"));
    assertThat(a.jaccard(b)).isLessThan(0.1);
    assertThat(a.bandKeys()).doesNotContain(b.bandKeys());
    assertThat(f.of(Tokens.of("")).bandKeys()).isEmpty();
  }

  @Test
  void shinglesAreSortedAndDistinct() {
    long[] s = Shingles.of(Tokens.of("a b c d e a b c d e a b c d e"), 5);
    assertThat(s).hasSize(5).isSorted();
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.2, 0.5, 0.8, 0.95})
  void minHashEstimatesJaccard(double target) {
    SplittableRandom r = new SplittableRandom(7);
    int common = (int) (1000 * target);
    long[] a = new long[1000];
    long[] b = new long[1000];
    for (int i = 0; i < 1000; i++) {
      a[i] = r.nextLong();
      b[i] = i < common ? a[i] : r.nextLong();
    }
    a = SortedSets.distinct(a);
    b = SortedSets.distinct(b);
    double exact = SortedSets.jaccard(a, b);
    MinHash mh = new MinHash(480);
    double est = MinHash.similarity(mh.signature(a), mh.signature(b));
    assertThat(est).isCloseTo(exact, org.assertj.core.data.Offset.offset(0.07));
  }

  @Test
  void bandsFindEightyPercentPairsAlmostSurely() {
    LshBands b = new LshBands(LshBands.DEFAULT_BANDS, LshBands.DEFAULT_ROWS);
    assertThat(b.candidateProbability(0.8)).isGreaterThan(0.999);
    assertThat(b.candidateProbability(0.2)).isLessThan(0.01);
    assertThatThrownBy(() -> new LshBands(0, 5)).hasMessageContaining("bands");
  }

  @Test
  void spunCopyKeepsItsImmutables() {
    Tokens orig = Tokens.of(STORY);
    Tokens spun = Tokens.of(SPUN);
    int[] a = SpinFeatures.immutableGrams(orig, SpinFeatures.DEFAULT_N);
    int[] b = SpinFeatures.immutableGrams(spun, SpinFeatures.DEFAULT_N);
    assertThat(SortedSets.containment(b, a)).isGreaterThan(0.4);
    // word shingles see almost nothing in common
    assertThat(SortedSets.jaccard(Shingles.of(orig, 5), Shingles.of(spun, 5))).isLessThan(0.1);
    int[] unrelated =
        SpinFeatures.immutableGrams(
            Tokens.of(
                "Shares in Tokyo closed higher on Friday as exporters gained after the yen weakened"
                    + " against the dollar, traders in London said."),
            SpinFeatures.DEFAULT_N);
    assertThat(SortedSets.containment(unrelated, a)).isLessThan(0.1);
  }

  @Test
  void fingerprintRoundTripsThroughItsBinaryForm() {
    Fingerprint f = new Fingerprinter().of(Tokens.of(STORY));
    byte[] b = f.encode();
    assertThat(Fingerprint.decode(b, 0, b.length)).isEqualTo(f);
    assertThat(Fingerprint.decodeNameGrams(b, 0, b.length)).isEqualTo(f.nameGrams());
  }

  @Test
  void allPairsEqualsBruteForce() {
    SplittableRandom r = new SplittableRandom(3);
    List<long[]> sets = new ArrayList<>();
    for (int d = 0; d < 300; d++) {
      int base = r.nextInt(20);
      int n = 1 + r.nextInt(30);
      long[] s = new long[n];
      for (int i = 0; i < n; i++) {
        // small universe: many overlaps
        s[i] = base * 7L + r.nextInt(12 + i);
      }
      if (d > 0 && d % 7 == 0) {
        // a copy of an earlier set, sometimes with one element changed
        s = sets.get(r.nextInt(d)).clone();
        if (d % 2 == 0 && s.length > 0) {
          s[0] = -1 - d;
        }
      }
      sets.add(SortedSets.distinct(s));
    }
    for (double t : new double[] {0.5, 0.8, 1.0}) {
      List<String> brute = new ArrayList<>();
      for (int x = 0; x < sets.size(); x++) {
        for (int y = x + 1; y < sets.size(); y++) {
          if (SortedSets.jaccard(sets.get(x), sets.get(y)) >= t) {
            brute.add(x + "-" + y);
          }
        }
      }
      List<String> joined = new ArrayList<>();
      for (AllPairs.Pair p : AllPairs.join(sets, t)) {
        joined.add(p.a() + "-" + p.b());
      }
      assertThat(joined).containsExactlyInAnyOrderElementsOf(brute);
      assertThat(brute).isNotEmpty();
    }
  }
}
