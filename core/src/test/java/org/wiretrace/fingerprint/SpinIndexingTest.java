package org.wiretrace.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which immutable n-grams a text indexes and queries with ({@link SpinFeatures#indexedGrams}). */
class SpinIndexingTest {

  private static int[] grams(long seed, int n) {
    return SortedSets.distinct(new SplittableRandom(seed).ints(n).toArray());
  }

  @Test
  void shortTextsIndexEveryGram() {
    int[] g = grams(1, SpinFeatures.INDEX_ALL_BELOW - 1);
    assertThat(SpinFeatures.indexedGrams(g)).isSameAs(g);
    assertThat(SpinFeatures.indexedGrams(new int[0])).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {SpinFeatures.INDEX_ALL_BELOW, 400, 2000})
  void longTextsIndexThePrefixInTheLowestQuarterOfTheHashes(int n) {
    int[] g = grams(n, n);
    int[] kept = SpinFeatures.indexedGrams(g);
    assertThat(kept).isEqualTo(Arrays.copyOf(g, kept.length));
    assertThat(IntStream.of(kept).boxed()).allMatch(v -> v < SpinFeatures.INDEXED_LIMIT);
    assertThat(IntStream.of(Arrays.copyOfRange(g, kept.length, g.length)).boxed())
        .allMatch(v -> v >= SpinFeatures.INDEXED_LIMIT);
    // about a quarter, and always more than a candidate query's 32 terms at these sizes
    assertThat((double) kept.length / g.length).isBetween(0.15, 0.35);
    assertThat(kept.length).isGreaterThan(32);
  }

  @Test
  void aGramIsKeptOrDroppedInEveryLongTextAlike() {
    int[] shared = grams(7, 300);
    int[] a =
        SortedSets.distinct(
            IntStream.concat(IntStream.of(shared), IntStream.of(grams(8, 200))).toArray());
    int[] b =
        SortedSets.distinct(
            IntStream.concat(IntStream.of(shared), IntStream.of(grams(9, 900))).toArray());
    int[] ka = SpinFeatures.indexedGrams(a);
    int[] kb = SpinFeatures.indexedGrams(b);
    for (int s : shared) {
      boolean inA = Arrays.binarySearch(ka, s) >= 0;
      assertThat(Arrays.binarySearch(kb, s) >= 0).isEqualTo(inA);
    }
    // the first grams of a long text, which its candidate query uses, are all indexed
    assertThat(ka).startsWith(Arrays.copyOf(a, 32));
  }
}
