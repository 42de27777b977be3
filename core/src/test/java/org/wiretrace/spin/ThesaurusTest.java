package org.wiretrace.spin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThesaurusTest {

  /**
   * Writes a thesaurus in the Aiksaurus 1.2 format: words with meaning ids, meanings with words.
   */
  static void write(Path dir, List<String> words, List<int[]> meaningsOfWord, List<int[]> meanings)
      throws IOException {
    ByteArrayOutputStream w = new ByteArrayOutputStream();
    for (int i = 0; i < words.size(); i++) {
      w.writeBytes(words.get(i).getBytes(StandardCharsets.ISO_8859_1));
      w.write(0);
      for (int id : meaningsOfWord.get(i)) {
        w.write(id >> 8);
        w.write(id & 0xFF);
      }
      w.write(0xFF);
      w.write(0xFF);
    }
    ByteArrayOutputStream m = new ByteArrayOutputStream();
    for (int[] meaning : meanings) {
      for (int id : meaning) {
        m.write(id >> 8);
        m.write(id & 0xFF);
      }
      m.write(0xFF);
      m.write(0xFF);
    }
    Files.write(dir.resolve("words.dat"), w.toByteArray());
    Files.write(dir.resolve("meanings.dat"), m.toByteArray());
  }

  @Test
  void neighboursAreTheWordsSharingAMeaning(@TempDir Path dir) throws IOException {
    // 0 battle, 1 Cold:War, 2 struggle, 3 war, 4 chilly, 5 cold
    write(
        dir,
        List.of("battle", "Cold:War", "struggle", "war", "chilly", "cold"),
        List.of(
            new int[] {0},
            new int[] {0},
            new int[] {0},
            new int[] {0},
            new int[] {1},
            new int[] {1}),
        List.of(new int[] {0, 1, 2, 3}, new int[] {4, 5}));
    Thesaurus t = Thesaurus.load(dir);
    assertThat(t.size()).isEqualTo(6);
    assertThat(t.neighbours("battle")).containsExactly("cold war", "struggle", "war");
    assertThat(t.neighbours("cold war")).contains("battle").doesNotContain("cold war");
    assertThat(t.neighbours("chilly")).containsExactly("cold");
    assertThat(t.neighbours("unknown")).isEmpty();
    assertThat(t.senses("war")).isEqualTo(1);
  }

  @Test
  void malformedFilesAreRejectedWithFileAndOffset(@TempDir Path dir) throws IOException {
    write(dir, List.of("a", "b"), List.of(new int[] {0}, new int[] {0}), List.of(new int[] {0, 7}));
    assertThatThrownBy(() -> Thesaurus.load(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("meanings.dat")
        .hasMessageContaining("byte 2");
    Files.write(dir.resolve("words.dat"), new byte[] {'a', 'b'});
    assertThatThrownBy(() -> Thesaurus.load(dir))
        .hasMessageContaining("words.dat")
        .hasMessageContaining("not terminated");
  }

  @Test
  void emptyThesaurusKnowsNothing() {
    assertThat(Thesaurus.empty().neighbours("war")).isEmpty();
    assertThat(Thesaurus.empty().size()).isZero();
  }

  @Test
  void restorerReachesAnOriginalThroughTheThesaurus(@TempDir Path dir) throws IOException {
    // "normal" and "general" share a meaning only in the thesaurus, not as WordNet synonyms
    write(
        dir,
        List.of("general", "normal", "usual"),
        List.of(new int[] {0}, new int[] {0}, new int[] {0}),
        List.of(new int[] {0, 1, 2}));
    Thesaurus t = Thesaurus.load(dir);
    PhraseRestorer with =
        new PhraseRestorer(
            WordNetLexicon.shared(),
            SpinHabits.none(),
            PhraseStats.shared(),
            t,
            PhraseRestorer.Settings.DEFAULT);
    assertThat(with.suggest(List.of("secretary", "normal"), 3))
        .extracting(Suggestion::text)
        .contains("secretary general");
  }
}
