package org.wiretrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scans {@code examples/} (articles written for the project about one invented event, plus an
 * unrelated one) and checks that every relation comes out as designed.
 */
class ExamplesScenarioTest {

  @TempDir static Path tmp;

  static JsonNode report;
  static CliRun run;

  /** Relation of each article, keyed by the end of its origin path. */
  static final Map<String, JsonNode> members = new HashMap<>();

  static final Map<String, String> idByFile = new HashMap<>();

  @BeforeAll
  static void scan() throws Exception {
    Path examples = TestPaths.root().resolve("examples");
    run =
        CliRun.of(
            "scan",
            examples.toString(),
            "--data",
            tmp.resolve("data").toString(),
            "--report-dir",
            tmp.toString(),
            "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    report = new ObjectMapper().readTree(run.out());
    for (JsonNode a : report.get("articles")) {
      String path = a.get("path").asText();
      idByFile.put(path.substring(path.lastIndexOf('/') + 1), a.get("id").asText());
    }
    for (JsonNode s : report.get("stories")) {
      for (JsonNode f : s.get("families")) {
        for (JsonNode m : f.get("members")) {
          members.put(m.get("id").asText(), m);
        }
      }
    }
  }

  private static String relationOf(String file) {
    String id = idByFile.get(file);
    assertThat(id).as("article read from " + file).isNotNull();
    return members.get(id).get("relation").asText();
  }

  private static String storyOf(String id) {
    for (JsonNode s : report.get("stories")) {
      for (JsonNode a : s.get("articles")) {
        if (a.asText().equals(id)) {
          return s.get("id").asText();
        }
      }
    }
    throw new AssertionError("no story holds " + id);
  }

  private static String familyOf(String id) {
    for (JsonNode s : report.get("stories")) {
      for (JsonNode f : s.get("families")) {
        for (JsonNode m : f.get("members")) {
          if (m.get("id").asText().equals(id)) {
            return f.get("id").asText();
          }
        }
      }
    }
    throw new AssertionError("no family holds " + id);
  }

  @Test
  void theWireStoryIsTheOriginalOfItsFamily() {
    assertThat(members.get("northwire-veradia-aid").get("relation").asText()).isEqualTo("ORIGINAL");
  }

  @Test
  void everyCopyHasItsDesignedRelationToTheWireStory() {
    assertThat(relationOf("daily-lantern-copy.html")).isEqualTo("DUPLICATE");
    assertThat(relationOf("excerpt-first-paragraphs.txt")).isEqualTo("EXCERPT");
    assertThat(relationOf("edited-copy.txt")).isEqualTo("EDITED");
    assertThat(relationOf("spun-copy.txt")).isEqualTo("SPUN");
    assertThat(relationOf("misencoded-copy.txt")).isEqualTo("MIS_ENCODED");
    for (String f :
        new String[] {
          "daily-lantern-copy.html",
          "excerpt-first-paragraphs.txt",
          "edited-copy.txt",
          "spun-copy.txt",
          "misencoded-copy.txt"
        }) {
      JsonNode m = members.get(idByFile.get(f));
      assertThat(m.get("source_id").asText()).as(f).isEqualTo("northwire-veradia-aid");
      assertThat(familyOf(idByFile.get(f))).isEqualTo(familyOf("northwire-veradia-aid"));
      assertThat(m.get("coverage").asDouble()).as(f).isBetween(0.5, 1.0);
    }
  }

  @Test
  void theIndependentReportIsTheSameStoryButAnotherFamily() {
    assertThat(storyOf("eastline-veradia-vote")).isEqualTo(storyOf("northwire-veradia-aid"));
    assertThat(familyOf("eastline-veradia-vote")).isNotEqualTo(familyOf("northwire-veradia-aid"));
    assertThat(members.get("eastline-veradia-vote").get("relation").asText()).isEqualTo("ORIGINAL");
  }

  @Test
  void theStoriesCommandReadsTheSameStoriesFromTheStore() throws Exception {
    CliRun stories = CliRun.of("stories", "--data", tmp.resolve("data").toString(), "--json");
    assertThat(stories.exitCode()).as(stories.err()).isZero();
    JsonNode stored = new ObjectMapper().readTree(stories.out());
    assertThat(stored).hasSameSizeAs(report.get("stories"));
    for (int i = 0; i < stored.size(); i++) {
      JsonNode want = report.get("stories").get(i);
      JsonNode got = stored.get(i);
      assertThat(got.get("id")).isEqualTo(want.get("id"));
      assertThat(got.get("families").size()).isEqualTo(want.get("families").size());
      for (int f = 0; f < got.get("families").size(); f++) {
        JsonNode gf = got.get("families").get(f);
        JsonNode wf = want.get("families").get(f);
        assertThat(gf.get("original")).isEqualTo(wf.get("original"));
        List<String> gm = new ArrayList<>();
        gf.get("members").forEach(m -> gm.add(m.get("id").asText() + " " + m.get("relation")));
        List<String> wm = new ArrayList<>();
        wf.get("members").forEach(m -> wm.add(m.get("id").asText() + " " + m.get("relation")));
        assertThat(gm).containsExactlyInAnyOrderElementsOf(wm);
      }
    }
  }

  @Test
  void theUnrelatedArticleIsAStoryOfItsOwn() {
    String story = storyOf("sallen-tidal-plant");
    assertThat(story).isNotEqualTo(storyOf("northwire-veradia-aid"));
    for (JsonNode s : report.get("stories")) {
      if (s.get("id").asText().equals(story)) {
        assertThat(s.get("articles")).hasSize(1);
      }
    }
  }

  @Test
  void badLinesOfTheFeedAreSkippedWithLineNumbersAndReasons() {
    assertThat(report.get("skipped")).hasSize(2);
    assertThat(report.get("skipped").get(0).get("path").asText())
        .endsWith("wire-feed.jsonl#line 4");
    assertThat(report.get("skipped").get(0).get("reason").asText()).contains("invalid JSON");
    assertThat(report.get("skipped").get(1).get("reason").asText()).contains("no text");
  }

  @Test
  void theMisEncodedCopyIsRepairedAndTheRepairsListed() {
    JsonNode a = null;
    for (JsonNode x : report.get("articles")) {
      if (x.get("path").asText().endsWith("misencoded-copy.txt")) {
        a = x;
      }
    }
    assertThat(a).isNotNull();
    assertThat(a.get("repairs")).isNotEmpty();
    assertThat(a.get("repairs").get(0).get("before").asText()).startsWith("â€");
  }

  @Test
  void writesSelfContainedHtmlAndTheJsonReport() throws Exception {
    String html = Files.readString(tmp.resolve("wiretrace-report.html"));
    assertThat(html).startsWith("<!DOCTYPE html>").contains("SPUN").contains("<del>");
    assertThat(html).doesNotContainPattern("<(script|link)[^>]+(src|href)=");
    JsonNode json = new ObjectMapper().readTree(tmp.resolve("wiretrace-report.json").toFile());
    assertThat(json.get("articles")).hasSize(report.get("articles").size());
  }

  @Test
  void theTerminalReportIsReadable() {
    CliRun text = CliRun.of("report", "--data", tmp.resolve("data").toString());
    assertThat(text.exitCode()).isZero();
    assertThat(text.out())
        .contains("8 articles, 2 stories, 3 text families")
        .contains("ARTICLE")
        .contains("RELATION")
        .contains("COVERAGE")
        .containsPattern("SPUN +\\d+%")
        .containsPattern("DUPLICATE +100%");
  }

  @Test
  void aSummaryRescanOfTheExamplesChangesNothingAndCountsTheStore() throws Exception {
    Path examples = TestPaths.root().resolve("examples");
    CliRun again =
        CliRun.of(
            "scan",
            examples.toString(),
            "--data",
            tmp.resolve("data").toString(),
            "--summary",
            "--json");
    assertThat(again.exitCode()).as(again.err()).isZero();
    JsonNode s = new ObjectMapper().readTree(again.out());
    int articles = report.get("articles").size();
    assertThat(s.get("read").asInt()).isEqualTo(articles);
    assertThat(s.get("unchanged").asInt()).isEqualTo(articles);
    assertThat(s.get("added").asInt()).isZero();
    assertThat(s.get("store").get("articles").asInt()).isEqualTo(articles);
    assertThat(s.get("store").get("stories").asInt()).isEqualTo(report.get("stories").size());
    assertThat(s.get("store").get("relations").get("SPUN").asInt()).isPositive();
    assertThat(s.get("skipped").size()).isEqualTo(report.get("skipped").size());
  }
}
