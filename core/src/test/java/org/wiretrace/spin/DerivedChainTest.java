package org.wiretrace.spin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The derivational family of a word in WordNet and the chains through it. */
class DerivedChainTest {

  private static final int RELATED = PhraseRestorer.Candidate.KINDS.indexOf("WordNet related ");

  private static PhraseRestorer restorer(PhraseRestorer.Settings s) {
    return new PhraseRestorer(
        WordNetLexicon.shared(), SpinHabits.none(), PhraseStats.shared(), Thesaurus.empty(), s);
  }

  @Test
  void theFamilyHoldsDerivationsPertainymsAndTheAdverbsOfAnAdjective() {
    WordNetLexicon wn = WordNetLexicon.shared();
    assertThat(wn.derived("decide")).containsKey("decision");
    assertThat(wn.derived("feebly")).containsKey("feeble");
    // WordNet points from the adverb to the adjective only: read backwards
    assertThat(wn.derived("weak")).containsKey("weakly");
    assertThat(wn.derived("weak")).doesNotContainKey("weak");
    assertThat(wn.derived("weak").values()).allMatch(v -> v > 0 && v <= 1);
  }

  @Test
  void aChainReachesTheFamilyOfASynonymButNotTheWordsOwnFamily() {
    PhraseRestorer r = restorer(PhraseRestorer.Settings.DEFAULT);
    assertThat(r.derivedChain("feebly")).containsKey("weakly").doesNotContainKey("feeble");
    assertThat(r.derivedChain("feebly")).hasSizeLessThanOrEqualTo(PhraseRestorer.MAX_DERIVED);
  }

  @Test
  void restoresAnAdverbThroughTheChain() {
    List<String> spun = List.of("feebly", "supervised");
    PhraseRestorer.Candidate c =
        restorer(PhraseRestorer.Settings.DEFAULT).candidates(spun, 300).stream()
            .filter(x -> x.text().equals("weakly supervised"))
            .findFirst()
            .orElseThrow();
    assertThat(c.kind(RELATED)).isEqualTo(1);
    assertThat(c.suggestion().evidence())
        .contains("WordNet related feebly~weakly (derivational chain)");
    // without the chains no candidate is reached through one (a corpus collocation may still
    // propose "weakly supervised" around the kept "supervised")
    assertThat(restorer(PhraseRestorer.Settings.DEFAULT.withDerived(0)).candidates(spun, 300))
        .extracting(x -> x.suggestion().evidence())
        .noneMatch(e -> e.contains("derivational chain"));
  }

  @Test
  void rejectsAPriorOutsideTheUnitInterval() {
    assertThatThrownBy(() -> PhraseRestorer.Settings.DEFAULT.withDerived(1.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PhraseRestorer.Settings.DEFAULT.withDerived(-0.1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
