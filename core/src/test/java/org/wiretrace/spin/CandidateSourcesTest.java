package org.wiretrace.spin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The candidate sources that change the number of words or the grammatical number. */
class CandidateSourcesTest {

  private static final int COMPOUND = PhraseRestorer.Candidate.KINDS.indexOf("compound ");
  private static final int NUMBER = PhraseRestorer.Candidate.KINDS.indexOf("number ");
  private static final int KNOWN = PhraseRestorer.Candidate.KINDS.indexOf("known original ");

  /** The defaults with the known-path factor {@code k} and no gaps. */
  private static PhraseRestorer.Settings knownPath(double k) {
    return knownPath(k, 0);
  }

  /** The defaults with the known-path factor {@code k} and at most {@code gaps} gaps. */
  private static PhraseRestorer.Settings knownPath(double k, int gaps) {
    return PhraseRestorer.Settings.DEFAULT.withKnownPaths(k, gaps);
  }

  private static PhraseRestorer restorer(Thesaurus t, PhraseRestorer.Settings s) {
    return new PhraseRestorer(
        WordNetLexicon.shared(), SpinHabits.none(), PhraseStats.shared(), t, s);
  }

  private static PhraseRestorer.Candidate find(List<PhraseRestorer.Candidate> c, String text) {
    return c.stream().filter(x -> x.text().equals(text)).findFirst().orElse(null);
  }

  /**
   * A thesaurus of one meaning holding the two words {@code a} and {@code b}, written to {@code
   * dir}.
   */
  private static Thesaurus synonyms(Path dir, String a, String b) throws IOException {
    ThesaurusTest.write(
        dir, List.of(a, b), List.of(new int[] {0}, new int[] {0}), List.of(new int[] {0, 1}));
    return Thesaurus.load(dir);
  }

  @Test
  void joinsTheOptionsOfTwoWordsIntoACorpusWord(@TempDir Path dir) throws IOException {
    // "ghastly" and "spectral" share a meaning in this thesaurus; "hyper" + "spectral" is a word
    ThesaurusTest.write(
        dir,
        List.of("ghastly", "spectral"),
        List.of(new int[] {0}, new int[] {0}),
        List.of(new int[] {0, 1}));
    PhraseRestorer r = restorer(Thesaurus.load(dir), PhraseRestorer.Settings.DEFAULT);
    PhraseRestorer.Candidate c =
        find(r.candidates(List.of("hyper", "ghastly"), 200), "hyperspectral");
    assertThat(c).isNotNull();
    assertThat(c.kind(COMPOUND)).isEqualTo(1);
    assertThat(c.suggestion().evidence()).contains("compound hyper ghastly->hyperspectral");
  }

  @Test
  void restoresTheSynonymOfTheWordTwoSpunWordsForm() {
    // "crossbreed" is a WordNet lemma with the synonym "hybrid"
    PhraseRestorer r = restorer(Thesaurus.empty(), PhraseRestorer.Settings.DEFAULT);
    assertThat(r.candidates(List.of("cross", "breed", "diode"), 300))
        .extracting(PhraseRestorer.Candidate::text)
        .contains("hybrid diode");
  }

  @Test
  void offersTheOtherGrammaticalNumberOfTheLastWord() {
    PhraseRestorer r = restorer(Thesaurus.empty(), PhraseRestorer.Settings.DEFAULT);
    List<PhraseRestorer.Candidate> c = r.candidates(List.of("oily", "acid"), 200);
    PhraseRestorer.Candidate singular = find(c, "fatty acid");
    PhraseRestorer.Candidate plural = find(c, "fatty acids");
    assertThat(singular).isNotNull();
    assertThat(plural).isNotNull();
    assertThat(singular.kind(NUMBER)).isZero();
    assertThat(plural.kind(NUMBER)).isEqualTo(1);
    assertThat(plural.logPrior())
        .isCloseTo(
            singular.logPrior() + Math.log(PhraseRestorer.Settings.DEFAULT.number()),
            org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void liftsTheLatticePathThatSpellsAKnownOriginal(@TempDir Path dir) throws IOException {
    // "colossal" ~ "big" in this thesaurus, "information" -> "data" a learned habit; no word shared
    Thesaurus t = synonyms(dir, "big", "colossal");
    SpinHabits h = SpinHabits.learn(List.of(new PhrasePair("huge information", "big data")));
    List<String> spun = List.of("colossal", "information");
    PhraseRestorer plain =
        new PhraseRestorer(WordNetLexicon.shared(), h, PhraseStats.shared(), t, knownPath(0));
    PhraseRestorer lifted =
        new PhraseRestorer(WordNetLexicon.shared(), h, PhraseStats.shared(), t, knownPath(10));
    PhraseRestorer.Candidate before = find(plain.candidates(spun, 1000), "big data");
    PhraseRestorer.Candidate after = find(lifted.candidates(spun, 1000), "big data");
    assertThat(before).isNotNull();
    assertThat(after).isNotNull();
    assertThat(before.kind(KNOWN)).isZero();
    assertThat(after.kind(KNOWN)).isEqualTo(1);
    assertThat(after.suggestion().evidence()).contains("known original 'big data' (1x)");
    assertThat(after.logPrior())
        .isCloseTo(before.logPrior() + Math.log(10), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(lifted.knownPaths(spun, List.of(List.of(), List.of()))).isEmpty();
    assertThat(PhraseRestorer.Settings.DETECTION.knownPath()).isZero();
  }

  @Test
  void aKnownPathMayReplaceOneSpunWordOutsideItsOptions(@TempDir Path dir) throws IOException {
    // "insightful" ~ "smart" in this thesaurus; nothing links "zebra" to "grid"
    Thesaurus t = synonyms(dir, "insightful", "smart");
    SpinHabits h = SpinHabits.learn(List.of(new PhrasePair("keen grid", "smart grid")));
    List<String> spun = List.of("insightful", "zebra");
    PhraseRestorer none =
        new PhraseRestorer(WordNetLexicon.shared(), h, PhraseStats.shared(), t, knownPath(10, 0));
    PhraseRestorer one =
        new PhraseRestorer(WordNetLexicon.shared(), h, PhraseStats.shared(), t, knownPath(10, 1));
    PhraseRestorer.Candidate without = find(none.candidates(spun, 1000), "smart grid");
    PhraseRestorer.Candidate with = find(one.candidates(spun, 1000), "smart grid");
    assertThat(without == null || without.kind(KNOWN) == 0).isTrue();
    assertThat(with).isNotNull();
    assertThat(with.kind(KNOWN)).isEqualTo(2);
    assertThat(with.suggestion().evidence())
        .contains("known original zebra->grid")
        .contains("known original 'smart grid' (1x)");
  }

  @Test
  void theDetectorLeavesCompoundsAndNumberChangesOut() {
    PhraseRestorer.Settings d = PhraseRestorer.Settings.DETECTION;
    assertThat(d.compound()).isZero();
    assertThat(d.number()).isZero();
    PhraseRestorer r = restorer(Thesaurus.empty(), d);
    assertThat(r.candidates(List.of("oily", "acid"), 200))
        .allSatisfy(
            c -> {
              assertThat(c.kind(NUMBER)).isZero();
              assertThat(c.kind(COMPOUND)).isZero();
            });
  }

  @Test
  void kindsOfTheNewSources() {
    assertThat(PhraseRestorer.kindOf("compound a b->ab")).isEqualTo(COMPOUND);
    assertThat(PhraseRestorer.kindOf("number acid->acids")).isEqualTo(NUMBER);
  }

  @Test
  void resourcesReportMissingOnesOrFallBack() {
    assertThat(Resources.load("/org/wiretrace/spin/no-such-resource", in -> "read", () -> "absent"))
        .isEqualTo("absent");
    assertThatThrownBy(() -> Resources.required("/org/wiretrace/spin/no-such-resource", in -> "x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no-such-resource");
    assertThat(Resources.required(SpinHabits.RESOURCE, SpinHabits::read).size()).isPositive();
  }
}
