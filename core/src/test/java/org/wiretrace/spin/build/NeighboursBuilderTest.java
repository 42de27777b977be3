package org.wiretrace.spin.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiretrace.spin.WordNeighbours;

class NeighboursBuilderTest {

  @Test
  void wordsSharingContextsAreNearestNeighbours(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("corpora"));
    StringBuilder docs = new StringBuilder();
    String[][] frames = {
      {"the hungry %s ate fresh grain", "cow", "goat"},
      {"a loud %s crossed the river bridge", "truck", "lorry"},
      {"she sang a sweet %s tonight", "song", "tune"},
    };
    int id = 0;
    for (int rep = 0; rep < 20; rep++) {
      for (String[] f : frames) {
        for (int w = 1; w < f.length; w++) {
          docs.append("{\"id\": \"")
              .append(id++)
              .append("\", \"text\": \"")
              .append(String.format(f[0], f[w]))
              .append("\"}\n");
        }
      }
    }
    try (OutputStream out =
        new GZIPOutputStream(Files.newOutputStream(dir.resolve("corpora/tiny.jsonl.gz")))) {
      out.write(docs.toString().getBytes(StandardCharsets.UTF_8));
    }
    WordNeighbours n = NeighboursBuilder.build(Corpus.under(dir, "corpora"), 100, 100, 8, 2);
    for (List<String> pair : List.of(List.of("cow", "goat"), List.of("truck", "lorry"))) {
      assertThat(n.neighbours(pair.get(0)).get(0).word()).isEqualTo(pair.get(1));
      assertThat(n.neighbours(pair.get(1)).get(0).word()).isEqualTo(pair.get(0));
      assertThat(n.similarity(pair.get(0), pair.get(1))).isGreaterThan(0.9);
    }
    assertThat(n.neighbours("song").get(0).word()).isEqualTo("tune");
    assertThat(n.similarity("cow", "lorry")).isLessThan(0.5);
    assertThatThrownBy(() -> NeighboursBuilder.build(Corpus.under(dir, "corpora"), 1, 10, 8, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void wordLikeTokensHaveLettersOnly() {
    assertThat(NeighboursBuilder.wordLike("cold-war")).isTrue();
    assertThat(NeighboursBuilder.wordLike("isn't")).isTrue();
    assertThat(NeighboursBuilder.wordLike("21c")).isFalse();
    assertThat(NeighboursBuilder.wordLike("x")).isFalse();
    assertThat(NeighboursBuilder.wordLike("-ed")).isFalse();
  }
}
