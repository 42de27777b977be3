package org.wiretrace.spin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Corpus collocations around the kept words of a spun phrase as candidates. */
class CollocationsTest {

  private static final int COLLOCATION = PhraseRestorer.Candidate.KINDS.indexOf("collocation ");
  private static final PhraseStats STATS = PhraseStats.shared();

  @Test
  void collocationsKeepTheFixedWordsMostFrequentFirst() {
    List<List<String>> c = STATS.collocations(Arrays.asList("heart", null), 50);
    assertThat(c).isNotEmpty().hasSizeLessThanOrEqualTo(50).contains(List.of("heart", "rate"));
    assertThat(c).allSatisfy(w -> assertThat(w.get(0)).isEqualTo("heart"));
    for (int i = 1; i < c.size(); i++) {
      assertThat(STATS.count(c.get(i))).isLessThanOrEqualTo(STATS.count(c.get(i - 1)));
    }
    assertThat(STATS.collocations(Arrays.asList(null, "rate"), 200))
        .contains(List.of("heart", "rate"))
        .allSatisfy(w -> assertThat(w.get(1)).isEqualTo("rate"));
    assertThat(STATS.collocations(Arrays.asList("heart", null, "failure"), 20))
        .allSatisfy(
            w -> {
              assertThat(w).hasSize(3);
              assertThat(w.get(0)).isEqualTo("heart");
              assertThat(w.get(2)).isEqualTo("failure");
            });
  }

  @Test
  void noCollocationsWithoutAKnownFixedWordOrForOtherLengths() {
    assertThat(STATS.collocations(Arrays.asList(null, null), 10)).isEmpty();
    assertThat(STATS.collocations(Arrays.asList("qqxzzyq", null), 10)).isEmpty();
    assertThat(STATS.collocations(Arrays.asList("heart", null, null, null), 10)).isEmpty();
    assertThat(STATS.collocations(List.of("heart"), 10)).isEmpty();
    assertThat(PhraseStats.empty().collocations(Arrays.asList("heart", null), 10)).isEmpty();
  }

  @Test
  void proposesTheCollocationsOfTheKeptWordsWithTheirPrior() {
    PhraseRestorer.Settings s = PhraseRestorer.Settings.DEFAULT;
    PhraseRestorer r =
        new PhraseRestorer(WordNetLexicon.shared(), SpinHabits.none(), STATS, Thesaurus.empty(), s);
    List<String> words = List.of("heart", "cadence");
    List<PhraseRestorer.Candidate> c = r.collocations(words);
    PhraseRestorer.Candidate rate =
        c.stream().filter(x -> x.text().equals("heart rate")).findFirst().orElseThrow();
    assertThat(rate.kind(COLLOCATION)).isEqualTo(1);
    assertThat(rate.logPrior())
        .isCloseTo(Math.log(s.keep()) + Math.log(s.collocation()), Offset.offset(1e-9));
    assertThat(rate.suggestion().evidence()).startsWith("collocation 'heart rate'");
    // each candidate keeps one spun word and changes the other
    assertThat(c)
        .allSatisfy(
            x -> {
              List<String> w = List.of(x.text().split(" "));
              assertThat(w).hasSize(2);
              assertThat(w.get(0).equals("heart") != w.get(1).equals("cadence")).isTrue();
            });
    assertThat(c).hasSizeLessThanOrEqualTo(2 * PhraseRestorer.COLLOCATIONS);
    assertThat(r.candidates(words, 1000))
        .extracting(PhraseRestorer.Candidate::text)
        .contains("heart rate");
  }

  @Test
  void digitTokensAreNeverReplacedAndTheDetectorHasNoCollocations() {
    PhraseRestorer r =
        new PhraseRestorer(
            WordNetLexicon.shared(),
            SpinHabits.none(),
            STATS,
            Thesaurus.empty(),
            PhraseRestorer.Settings.DEFAULT);
    assertThat(r.collocations(List.of("prophet", "21c")))
        .allSatisfy(x -> assertThat(x.text()).endsWith(" 21c"));
    assertThat(r.collocations(List.of("heart"))).isEmpty();
    assertThat(PhraseRestorer.Settings.DETECTION.collocation()).isZero();
    assertThat(
            new PhraseRestorer(
                    WordNetLexicon.shared(),
                    SpinHabits.none(),
                    STATS,
                    Thesaurus.empty(),
                    PhraseRestorer.Settings.DETECTION)
                .collocations(List.of("heart", "cadence")))
        .isEmpty();
  }

  @Test
  void theReRankerCountsTheCollocationChoices() {
    assertThat(Reranker.FEATURES).contains("kind collocation");
    assertThat(PhraseRestorer.kindOf("collocation 'heart rate' (5x)")).isEqualTo(COLLOCATION);
  }
}
