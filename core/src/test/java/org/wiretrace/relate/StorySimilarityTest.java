package org.wiretrace.relate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wiretrace.relate.StorySimilarity.TermVector;
import org.wiretrace.text.Tokens;

/** The story vector: sub-linear counts, names and numbers weighted up, unit length. */
class StorySimilarityTest {

  private static final String TEXT =
      "Flood waters rose in Lisbon on Monday. The mayor of Lisbon said 4,000 homes were flooded "
          + "and that waters would rise again. Rescue teams reached 4,000 families by night.";

  @Test
  void weighsEachDistinctTermAsTheDefinitionSays() {
    Tokens t = Tokens.of(TEXT);
    TermVector v = StorySimilarity.vector(t);

    // the definition, computed by term string
    Map<String, Integer> tf = new HashMap<>();
    Set<String> named = new HashSet<>();
    Set<String> stop = StorySimilarity.STOP;
    for (int i = 0; i < t.size(); i++) {
      String term = t.term(i);
      if (term.length() < 2 || stop.contains(term)) {
        continue;
      }
      tf.merge(term, 1, Integer::sum);
      if (t.isNumeric(i) || t.isCapitalized(i) && !t.startsSentence(i)) {
        named.add(term);
      }
    }
    double[] want = new double[tf.size()];
    double norm = 0;
    int k = 0;
    for (Map.Entry<String, Integer> e : tf.entrySet()) {
      double w = 1 + Math.log(e.getValue());
      if (named.contains(e.getKey())) {
        w *= StorySimilarity.NAME_WEIGHT;
      }
      want[k++] = w;
      norm += w * w;
    }
    for (int i = 0; i < want.length; i++) {
      want[i] /= Math.sqrt(norm);
    }
    Arrays.sort(want);

    assertThat(v.terms()).hasSize(tf.size()).isSorted().doesNotHaveDuplicates();
    double[] got = v.weights().clone();
    Arrays.sort(got);
    for (int i = 0; i < want.length; i++) {
      assertThat(got[i]).isCloseTo(want[i], within(1e-12));
    }
    assertThat(v.cosine(v)).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void sharedNamesAndFiguresOutweighSharedPlainWords() {
    TermVector a = StorySimilarity.vector(Tokens.of("Officials in Lisbon counted 4,000 homes."));
    TermVector names = StorySimilarity.vector(Tokens.of("Reporters in Lisbon saw 4,000 boats."));
    TermVector words = StorySimilarity.vector(Tokens.of("Officials in Porto counted 17 homes."));
    assertThat(a.cosine(names)).isGreaterThan(a.cosine(words));
  }

  @Test
  void aTextOfStopWordsOnlyHasAnEmptyVector() {
    TermVector v = StorySimilarity.vector(Tokens.of("the and of a"));
    assertThat(v.terms()).isEmpty();
    assertThat(v.cosine(StorySimilarity.vector(Tokens.of(TEXT)))).isZero();
  }
}
