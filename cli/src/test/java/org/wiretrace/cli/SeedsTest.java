package org.wiretrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two documents the project started from: an AFP report and the spun Reuters report of the same
 * event. Same story, two text families; independent reports, not copies.
 */
class SeedsTest {

  @TempDir Path tmp;

  @Test
  void seedsAreOneStoryInTwoFamilies() throws Exception {
    Path seeds = TestPaths.shared().resolve("seeds");
    CliRun run =
        CliRun.of(
            "scan", seeds.toString(), "--data", tmp.toString(), "--json", "--no-report-files");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode r = new ObjectMapper().readTree(run.out());
    assertThat(r.get("articles")).hasSize(2);
    assertThat(r.get("stories")).hasSize(1);
    assertThat(r.get("stories").get(0).get("families")).hasSize(2);
  }

  @Test
  void compareOfTheSeedsSaysSameStory() throws Exception {
    Path seeds = TestPaths.shared().resolve("seeds");
    CliRun run =
        CliRun.of(
            "compare",
            seeds.resolve("000_ef1bd1561b40c43d.txt").toString(),
            seeds.resolve("001_b98f72392e795dd1.txt").toString(),
            "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode r = new ObjectMapper().readTree(run.out());
    assertThat(r.get("relation").asText()).isEqualTo("SAME_STORY");
  }
}
