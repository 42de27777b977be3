package org.wiretrace.spin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordNeighboursTest {

  /** Four words, two neighbours each. */
  static WordNeighbours tiny() {
    return WordNeighbours.of(
        new String[] {"army", "military", "troops", "normal"},
        2,
        new int[] {1, 2, 0, 2, 1, 0, 0, 1},
        new float[] {0.8f, 0.6f, 0.8f, 0.5f, 0.61f, 0.59f, 0.1f, -0.2f});
  }

  @Test
  void looksUpNeighboursMostSimilarFirst() {
    WordNeighbours n = tiny();
    assertThat(n.size()).isEqualTo(4);
    assertThat(n.k()).isEqualTo(2);
    assertThat(n.knows("army")).isTrue();
    assertThat(n.knows("navy")).isFalse();
    assertThat(n.neighbours("army"))
        .extracting(WordNeighbours.Neighbour::word)
        .containsExactly("military", "troops");
    assertThat(n.neighbours("army").get(0).similarity()).isCloseTo(0.8, within());
    assertThat(n.neighbours("navy")).isEmpty();
  }

  @Test
  void similarityIsTheLargerOfBothDirectionsAndZeroForStrangers() {
    WordNeighbours n = tiny();
    assertThat(n.similarity("troops", "army")).isCloseTo(0.6, within());
    assertThat(n.similarity("army", "troops")).isCloseTo(0.6, within());
    assertThat(n.similarity("troops", "military")).isCloseTo(0.61, within());
    assertThat(n.similarity("normal", "troops")).isZero();
    assertThat(n.similarity("army", "navy")).isZero();
    // negative cosines are clamped to 0
    assertThat(n.neighbours("normal").get(1).similarity()).isZero();
  }

  @Test
  void writesAndReadsTheSameNeighbours(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("n.bin.gz");
    tiny().write(f);
    WordNeighbours back;
    try (InputStream in = Files.newInputStream(f)) {
      back = WordNeighbours.read(in);
    }
    for (String w : List.of("army", "military", "troops", "normal")) {
      assertThat(back.neighbours(w)).isEqualTo(tiny().neighbours(w));
    }
    assertThat(back.size()).isEqualTo(4);
  }

  @Test
  void rejectsBadFilesAndArguments() {
    assertThatThrownBy(() -> WordNeighbours.read(new ByteArrayInputStream(new byte[] {1, 2})))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(
            () -> WordNeighbours.of(new String[] {"a", "b"}, 1, new int[] {1, 5}, new float[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("out of range");
    assertThatThrownBy(
            () -> WordNeighbours.of(new String[] {"a", "a"}, 1, new int[] {1, 0}, new float[2]))
        .hasMessageContaining("duplicate");
    assertThatThrownBy(() -> WordNeighbours.of(new String[] {"a"}, 1, new int[] {0}, new float[2]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theRestorerOffersNeighboursAsCandidates() {
    WordNeighbours n = tiny();
    PhraseRestorer.Settings d = PhraseRestorer.Settings.DEFAULT;
    PhraseRestorer r =
        new PhraseRestorer(
            WordNetLexicon.shared(),
            SpinHabits.none(),
            PhraseStats.shared(),
            Thesaurus.empty(),
            n,
            d,
            null);
    if (!PhraseStats.shared().knows("military")) {
      return;
    }
    List<PhraseRestorer.Candidate> c = r.candidates(List.of("army"), 200);
    int kind = PhraseRestorer.Candidate.KINDS.indexOf("neighbour ");
    assertThat(c)
        .filteredOn(x -> x.text().equals("military"))
        .singleElement()
        .satisfies(x -> assertThat(x.kind(kind)).isEqualTo(1));
    PhraseRestorer without =
        new PhraseRestorer(
            WordNetLexicon.shared(),
            SpinHabits.none(),
            PhraseStats.shared(),
            Thesaurus.empty(),
            WordNeighbours.empty(),
            d,
            null);
    assertThat(without.candidates(List.of("army"), 200)).noneMatch(x -> x.kind(kind) > 0);
    assertThat(Reranker.neighbourSimilarity(List.of("army", "aid"), List.of("military", "aid"), n))
        .isCloseTo(0.8, within());
    assertThat(Reranker.neighbourSimilarity(List.of("army"), List.of("military", "aid"), n))
        .isZero();
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.5 / 255);
  }
}
