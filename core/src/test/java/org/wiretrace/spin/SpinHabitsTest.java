package org.wiretrace.spin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpinHabitsTest {

  private static final List<PhrasePair> PAIRS =
      List.of(
          new PhrasePair("information mining", "data mining"),
          new PhrasePair("huge information (bd)", "big data (bd)"),
          new PhrasePair("colossal information", "big data"),
          new PhrasePair("irregular woodlands", "random forests"),
          new PhrasePair("malignant growth cells", "cancer cells"),
          new PhrasePair("unknown spin", "???"));

  @Test
  void learnsWordSubstitutionsOnBaseForms() {
    SpinHabits h = SpinHabits.learn(PAIRS);
    assertThat(h.originalsOf("information")).containsEntry("data", 3);
    assertThat(h.originalsOf("woodland")).containsEntry("forest", 1);
    assertThat(h.spinsOf("data")).containsEntry("information", 3);
    assertThat(h.originalsOf("huge")).containsEntry("big", 1);
  }

  @Test
  void learnsPhraseHabitsWhenTheWordCountChanges() {
    SpinHabits h = SpinHabits.learn(PAIRS);
    assertThat(h.phraseOriginalsOf("malignant growth")).containsEntry("cancer", 1);
  }

  @Test
  void peelsLearnedWordsOffAnUnevenMiddleToLearnTheRest() {
    List<PhrasePair> pairs =
        List.of(
            new PhrasePair("device studying", "machine learning"),
            new PhrasePair("device imaginative and prescient", "machine vision"),
            new PhrasePair("savvy urban community", "smart city"),
            new PhrasePair("savvy grid", "smart grid"));
    SpinHabits h = SpinHabits.learn(pairs);
    // "device" -> "machine" and "savvy" -> "smart" are learned from the even pairs, so the rest
    // of the uneven middles becomes a phrase habit
    assertThat(h.phraseOriginalsOf("imaginative and prescient")).containsEntry("vision", 1);
    assertThat(h.phraseOriginalsOf("urban community")).containsEntry("city", 1);
    // the whole middle of at most three words each side is still learned as it is
    assertThat(h.phraseOriginalsOf("savvy urban community")).containsEntry("smart city", 1);
    assertThat(h.phraseOriginalsOf("device imaginative and prescient")).isEmpty();
  }

  @Test
  void peelsNothingWithoutALearnedPairing() {
    var fwd = java.util.Map.of("device", java.util.Map.of("machine", 1));
    assertThat(
            SpinHabits.residue(
                List.of("device", "imaginative", "and", "prescient"),
                List.of("machine", "vision"),
                fwd))
        .containsExactly(List.of("imaginative", "and", "prescient"), List.of("vision"));
    assertThat(
            SpinHabits.residue(
                List.of("laptop", "imaginative", "and", "prescient"),
                List.of("computer", "vision"),
                fwd))
        .isNull();
  }

  @Test
  void ignoresPairsWithoutAKnownOriginal() {
    SpinHabits h = SpinHabits.learn(PAIRS);
    assertThat(h.originalsOf("unknown")).isEmpty();
    assertThat(h.originalsOf("spin")).isEmpty();
  }

  @Test
  void writesAndReadsBack(@TempDir Path dir) throws IOException {
    SpinHabits h = SpinHabits.learn(PAIRS);
    Path f = dir.resolve("h.tsv.gz");
    h.write(f);
    SpinHabits back;
    try (var in = Files.newInputStream(f)) {
      back = SpinHabits.read(in);
    }
    assertThat(back.originalsOf("information")).isEqualTo(h.originalsOf("information"));
    assertThat(back.spinsOf("data")).isEqualTo(h.spinsOf("data"));
    assertThat(back.phraseOriginalsOf("malignant growth"))
        .isEqualTo(h.phraseOriginalsOf("malignant growth"));
    assertThat(back.originalCount("big data")).isEqualTo(2);
  }

  @Test
  void remembersTheOriginalPhrasesAndFindsThoseSharingAWord() {
    SpinHabits h = SpinHabits.learn(PAIRS);
    assertThat(h.originalCount("big data")).isEqualTo(2);
    assertThat(h.originalCount("cancer cells")).isEqualTo(1);
    assertThat(h.originalCount("unknown spin")).isZero();
    assertThat(h.originalsSharingAWord(List.of("text", "mining"))).containsExactly("data mining");
    assertThat(h.originalsSharingAWord(List.of("random", "woods")))
        .containsExactly("random forests");
    assertThat(h.originalsSharingAWord(List.of("data", "mining"))).isEmpty();
    assertThat(h.originalsSharingAWord(List.of("mining", "data"))).containsExactly("big data");
  }

  @Test
  void listsTheOriginalsSorted() {
    SpinHabits h = SpinHabits.learn(PAIRS);
    assertThat(h.originals())
        .isSorted()
        .containsExactly("big data", "cancer cells", "data mining", "random forests");
  }

  @Test
  void comparesPhrasesIgnoringCaseHyphensAndTrailingAcronym() {
    assertThat(PhrasePair.comparable("Return On Investment (ROI)"))
        .isEqualTo("return on investment");
    assertThat(PhrasePair.comparable("k-nearest neighbors")).isEqualTo("k nearest neighbors");
  }
}
