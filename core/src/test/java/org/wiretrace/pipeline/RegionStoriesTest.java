package org.wiretrace.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiretrace.index.ArticleIndex;
import org.wiretrace.ingest.IngestListener;
import org.wiretrace.relate.Relation;
import org.wiretrace.report.ReportJson;
import org.wiretrace.stories.Family;
import org.wiretrace.stories.Story;

/**
 * The story step by region ({@link RegionStories}) after scans that only add articles gives exactly
 * the stories, families, originals, members and relations of rebuilding the whole store: after
 * every scan of several sequences, the store is copied, its stories rebuilt from scratch ({@code
 * remove} of nothing clusters everything again), and both compared, records, report JSON and
 * summary totals. The texts are written for this test about invented events.
 */
class RegionStoriesTest {
  @TempDir Path tmp;

  private int rebuilds;

  private static final String HARBOUR =
      """
      Dock workers at the port of Elsmere walked off the job on Tuesday morning, halting the \
      loading of grain ships for the first time in eleven years. The Elsmere Harbour Union said \
      its 2,300 members would stay out until the port authority withdrew a plan to run the night \
      shift with automated cranes. Port director Halvard Brenn told reporters the plan would save \
      the authority 14 million crowns a year and that no worker would lose a job before 2031. \
      Union leader Maris Okonkwo called the promise worthless and said the cranes had already been \
      ordered from a supplier in Rotterdam. Four grain carriers were waiting in the outer roads by \
      noon, and the regional farmers' cooperative warned that silos inland would be full within a \
      week if nothing moved. The transport ministry said it would not intervene for now.""";

  private static final String FLOOD =
      """
      The river Tessel burst its banks above the town of Varn overnight, forcing about 900 people \
      from their homes as water rose more than two metres in the old quarter. Firefighters used \
      flat-bottomed boats to reach residents trapped on upper floors along Mill Street, and the \
      regional hospital moved its ground-floor wards to the second floor as a precaution. Mayor \
      Ilse Fandrich said the dikes built after the floods of 1998 had held everywhere except at \
      the old tannery, where a section some forty metres long gave way shortly after two o'clock. \
      Meteorologists expect another thirty millimetres of rain by Thursday. The army sent two \
      engineering companies with pumps and sandbags, and schools in the district will stay closed \
      for the rest of the week.""";

  private static final String MUSEUM =
      """
      The Carrow Museum of Clocks reopened its doors on Saturday after a four-year restoration \
      that cost the city 6.5 million euros. Visitors queued along Weaver Lane from early morning \
      to see the restored astronomical clock, which had not struck the hour since a lightning \
      strike in 2019 damaged its gears. Curator Benedikt Sorel said volunteers had rebuilt more \
      than three hundred brass parts by hand, using drawings found in the attic of the city \
      archive. The museum will be open every day except Monday, and entry will be free for \
      children under twelve until the end of the summer.""";

  private static final String CHESS =
      """
      Seventeen-year-old Anouk Velter won the national chess championship in Dorrel on Sunday, \
      beating the defending champion Pavel Strand in a tense final game that lasted more than six \
      hours. Velter, who learned the game from her grandfather at a village club, becomes the \
      youngest champion in the tournament's ninety-year history. She took the title with seven \
      wins and two draws, and will represent the country at the Olympiad in the autumn. Strand \
      congratulated her and said the endgame had been the best he had seen in years.""";

  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  /**
   * One article as a line of Wiretrace's JSONL ({@code hours} after {@link #T0}; null: undated).
   */
  private static ObjectNode article(String id, String title, String text, Integer hours) {
    ObjectNode o = new ObjectMapper().createObjectNode();
    o.put("id", id);
    o.put("title", title);
    o.put("text", text);
    if (hours != null) {
      o.put("published", T0.plus(Duration.ofHours(hours)).toString());
    }
    return o;
  }

  /** A folder named after the scenario holding {@code articles} as one JSONL feed. */
  private Path feed(String scenario, ObjectNode... articles) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (ObjectNode a : articles) {
      sb.append(a).append('\n');
    }
    Path dir = Files.createDirectories(tmp.resolve(scenario));
    Files.writeString(dir.resolve("feed.jsonl"), sb, StandardCharsets.UTF_8);
    return dir;
  }

  /** Scans {@code in} into {@code data}, checks the story step's way and the rebuilt stories. */
  private void scan(Path data, Path in, boolean byRegion) throws IOException {
    Wiretrace.Traced t =
        Wiretrace.traced(new ScanOptions(List.of(in), data), IngestListener.ignoring());
    assertThat(t.byRegion())
        .as("story step by region after " + in.getFileName())
        .isEqualTo(byRegion);
    assertSameAsRebuilt(data, t.summary());
  }

  private void assertSameAsRebuilt(Path data, ScanSummary summary) throws IOException {
    try (ArticleIndex index = ArticleIndex.openReadOnly(data)) {
      StoreContents.Loaded loaded = StoreContents.load(index, false);
      // the records themselves cover the store (the report would otherwise cluster anew)
      assertThat(StoreContents.storedStories(index, loaded)).isPresent();
      assertThat(StoryState.read(index).orElseThrow().tally())
          .isEqualTo(StoryTally.of(StoreContents.storedStories(index, loaded).orElseThrow()));
    }
    Path copy = tmp.resolve("rebuilt-" + rebuilds++);
    copyTree(data, copy);
    Wiretrace.remove(copy, List.of()); // removes nothing, clusters everything again
    ScanResult incremental = Wiretrace.report(data);
    ScanResult rebuilt = Wiretrace.report(copy);
    assertThat(incremental.stories()).isEqualTo(rebuilt.stories());
    assertThat(ReportJson.scan(incremental, false).toString())
        .isEqualTo(ReportJson.scan(rebuilt, false).toString());
    assertThat(summary.storedArticles()).isEqualTo(rebuilt.articles().size());
    assertThat(summary.stories()).isEqualTo(rebuilt.stories().size());
    assertThat(summary.families())
        .isEqualTo(rebuilt.stories().stream().mapToInt(s -> s.families().size()).sum());
    for (Relation r : Relation.values()) {
      assertThat(summary.relations(r))
          .isEqualTo((int) rebuilt.verdicts().stream().filter(v -> v.relation() == r).count());
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      files.forEach(
          p -> {
            try {
              Path target = to.resolve(from.relativize(p).toString());
              if (Files.isDirectory(p)) {
                Files.createDirectories(target);
              } else if (!p.getFileName().toString().equals("write.lock")) {
                Files.copy(p, target);
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }

  private static Story storyOf(Path data, String articleId) {
    return Wiretrace.report(data).stories().stream()
        .filter(s -> s.articleIds().contains(articleId))
        .findFirst()
        .orElseThrow();
  }

  private static Family familyOf(Path data, String articleId) {
    return storyOf(data, articleId).families().stream()
        .filter(f -> f.articleIds().contains(articleId))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void datedScansJoinBridgeAddReplaceAndTakeOverAsARebuildWould() throws IOException {
    Path data = tmp.resolve("data");
    scan(
        data,
        feed(
            "dated-1-three-events",
            article("harbour", "Elsmere dockers strike over cranes", HARBOUR, 0),
            article("flood", "Tessel floods Varn old quarter", FLOOD, 1),
            article("museum", "Clock museum reopens in Carrow", MUSEUM, 2)),
        false); // the first scan clusters everything
    scan(
        data,
        feed(
            "dated-2-copy-joins-family",
            article("harbour-copy", "Dockers strike at Elsmere", HARBOUR, 3)),
        true);
    assertThat(familyOf(data, "harbour-copy").originalId()).isEqualTo("harbour");
    scan(
        data,
        feed(
            "dated-3-roundup-bridges-two-stories",
            article("roundup", "Morning roundup", HARBOUR + "\n\n" + FLOOD, 4)),
        true);
    assertThat(storyOf(data, "roundup").articleIds()).contains("harbour", "flood", "harbour-copy");
    scan(
        data,
        feed(
            "dated-4-independent-report",
            article("chess", "Velter youngest chess champion", CHESS, 5)),
        true);
    assertThat(storyOf(data, "chess").articleIds()).containsExactly("chess");
    scan(
        data,
        feed(
            "dated-5-replaced-article",
            article(
                "museum",
                "Clock museum reopens in Carrow",
                MUSEUM + " Tickets for adults cost eight euros.",
                2)),
        false); // a replaced article re-clusters everything
    scan(
        data,
        feed(
            "dated-6-earlier-complete-copy",
            article(
                "chess-wire",
                "Velter wins chess title",
                CHESS + " The Olympiad will be held in October.",
                -24)),
        false); // earlier than what the state clustered: everything again
    assertThat(familyOf(data, "chess").originalId()).isEqualTo("chess-wire");
    scan(
        data,
        feed(
            "dated-7-copy-after-the-takeover",
            article("chess-copy", "Teenager takes chess crown", CHESS, 6),
            article("flood-copy", "Varn under water", FLOOD, 6)),
        true);
    assertThat(familyOf(data, "chess-copy").originalId()).isEqualTo("chess-wire");
  }

  @Test
  void aCompleteCopyAtTheLatestInstantTakesOverByRegion() throws IOException {
    Path data = tmp.resolve("data");
    scan(
        data,
        feed(
            "tie-1-events",
            article("museum", "Clock museum reopens in Carrow", MUSEUM, 0),
            article("flood", "Tessel floods Varn old quarter", FLOOD, 5)),
        false);
    // published at the same instant as the latest clustered article, and longer: it comes after
    // it in the clustering order (stored later) and is the family's original (more words)
    scan(
        data,
        feed(
            "tie-2-longer-copy-same-instant",
            article(
                "flood-full",
                "Tessel floods Varn",
                FLOOD + " Residents were told to boil drinking water until further notice.",
                5)),
        true);
    assertThat(familyOf(data, "flood").originalId()).isEqualTo("flood-full");
  }

  @Test
  void undatedScansJoinBridgeAddAndTakeOverByRegion() throws IOException {
    Path data = tmp.resolve("data");
    scan(
        data,
        feed(
            "undated-1-three-events",
            article("harbour", "Elsmere dockers strike over cranes", HARBOUR, null),
            article("flood", "Tessel floods Varn old quarter", FLOOD, null),
            article("chess", "Velter youngest chess champion", CHESS, null)),
        false);
    scan(
        data,
        feed(
            "undated-2-copy-and-independent",
            article("flood-copy", "Varn under water", FLOOD, null),
            article("museum", "Clock museum reopens in Carrow", MUSEUM, null)),
        true);
    scan(
        data,
        feed(
            "undated-3-roundup-bridges-two-stories",
            article("roundup", "Evening roundup", FLOOD + "\n\n" + CHESS, null)),
        true);
    assertThat(storyOf(data, "roundup").articleIds()).contains("flood", "chess", "flood-copy");
    // undated: the most complete version is the original, so a longer copy takes over
    scan(
        data,
        feed(
            "undated-4-longer-copy-takes-over",
            article(
                "harbour-full",
                "Elsmere strike",
                HARBOUR + " Talks are planned for Friday at the town hall.",
                null)),
        true);
    assertThat(familyOf(data, "harbour").originalId()).isEqualTo("harbour-full");
    scan(
        data,
        feed(
            "undated-5-replaced-roundup",
            article("roundup", "Evening roundup", FLOOD + "\n\n" + MUSEUM, null)),
        false);
    scan(
        data,
        feed(
            "undated-6-copy-after-replacement",
            article("museum-copy", "Carrow clocks tick again", MUSEUM, null)),
        true);
  }
}
