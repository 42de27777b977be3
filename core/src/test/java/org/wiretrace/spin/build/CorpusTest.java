package org.wiretrace.spin.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusTest {

  private static List<List<String>> segments(String text) {
    List<List<String>> out = new ArrayList<>();
    Corpus.segments(text, new ArrayList<>(), s -> out.add(List.copyOf(s)));
    return out;
  }

  @Test
  void splitsAtPunctuationButNotAtHyphensOrApostrophes() {
    assertThat(segments("The Cold War, again. Big-data (here) isn't new"))
        .containsExactly(
            List.of("the", "cold", "war"),
            List.of("again"),
            List.of("big", "data"),
            List.of("here"),
            List.of("isn't", "new"));
  }

  @Test
  void readsTitleAndTextOfTheJsonlFilesUnderTheFolders(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("science"));
    Files.createDirectories(dir.resolve("corpora"));
    try (OutputStream out =
        new GZIPOutputStream(Files.newOutputStream(dir.resolve("science/a.jsonl.gz")))) {
      out.write(
          ("{\"id\": \"1\", \"title\": \"Deep learning\", \"text\": \"Hidden layers. More\"}\n"
                  + "{\"id\": \"2\", \"field\": \"cs\", \"text\": \"Fuzzy logic\"}\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(dir.resolve("science/ignored.txt"), "not a corpus");
    Corpus c = Corpus.under(dir, "science");
    assertThat(c.files()).containsExactly(dir.resolve("science/a.jsonl.gz"));
    List<List<String>> seen = new ArrayList<>();
    c.forEachSegment(s -> seen.add(List.copyOf(s)));
    assertThat(seen)
        .containsExactly(
            List.of("deep", "learning"),
            List.of("hidden", "layers"),
            List.of("more"),
            List.of("fuzzy", "logic"));
    assertThatThrownBy(() -> Corpus.under(dir, "corpora"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no *.jsonl.gz");
  }

  @Test
  void builderArgumentsCreateTheOutputFolder(@TempDir Path dir) throws IOException {
    Path[] io =
        BuilderArgs.inputAndOutput(
            new String[] {"in.jsonl", dir.resolve("a/b/out.tsv").toString()}, "X IN OUT");
    assertThat(io[0]).isEqualTo(Path.of("in.jsonl"));
    assertThat(io[1].getParent()).isDirectory();
  }
}
