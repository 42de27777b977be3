package org.wiretrace.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wiretrace.text.Tokens;

class StoryClustererTest {

  private static final Instant T0 = Instant.parse("2024-03-01T08:00:00Z");
  private static final StoryAnalyzer ANALYZER = new StoryAnalyzer();

  private static final String FLOOD =
      "Floods swept through Marvento on Monday after the Tarisa river burst its banks, forcing"
          + " 12,000 residents from their homes. Governor Elena Vostrak declared an emergency in"
          + " the Marvento valley and asked for army help. Rescue teams used boats to reach"
          + " villages cut off by the water.";
  private static final String FLOOD_LATER =
      "Governor Elena Vostrak said on Tuesday that the Tarisa river had begun to fall, but"
          + " 12,000 people remained out of their homes in the Marvento valley. Army boats"
          + " reached villages cut off by the floods.";
  private static final String FLOOD_LATE_COPY =
      "Marvento floods: the Tarisa river burst its banks, Governor Elena Vostrak declared an"
          + " emergency in the Marvento valley and 12,000 residents fled the floods.";
  private static final String CHESS =
      "Grandmaster Oskar Lindqvel won the Kessan chess open on Sunday, beating the defending"
          + " champion in a 61-move final game that lasted almost seven hours at the Kessan"
          + " civic hall.";
  private static final String BUDGET =
      "The Belloran parliament approved a budget of 48 billion crowns on Wednesday, raising"
          + " spending on railways and schools; finance minister Tomas Heyrud called it"
          + " prudent.";

  private static StoryFeatures features(String id, String title, String text, Instant when) {
    return ANALYZER.analyze(id, title, Tokens.of(text), Optional.of(when));
  }

  private static StoryFeatures undated(String id, String title, String text) {
    return ANALYZER.analyze(id, title, Tokens.of(text), Optional.empty());
  }

  @Test
  void beyondItsCapacityTheLeastRecentlyJoinedStoryCloses() {
    StoryClusterer c = new StoryClusterer(StoryModel.DEFAULT, 2);
    c.add(undated("flood-1", "Floods in Marvento", FLOOD));
    c.add(undated("chess", "Lindqvel wins Kessan open", CHESS));
    assertThat(c.add(undated("flood-2", "Tarisa river falls", FLOOD_LATER)).storyId())
        .isEqualTo("s-flood-1");
    // a third story: the chess story, joined least recently, closes (undated articles never
    // move the clock, so without the capacity nothing would ever close)
    c.add(undated("budget", "Belloran budget passes", BUDGET));
    assertThat(c.openStories()).isEqualTo(2);
    assertThat(c.drainClosed()).extracting(StoryGroup::id).containsExactly("s-chess");
    Assignment again = c.add(undated("chess-2", "Lindqvel wins Kessan open", CHESS));
    assertThat(again.opened()).isTrue();
    assertThat(c.openStories()).isEqualTo(2);
  }

  @Test
  void aCapacityBelowOneIsRefused() {
    assertThatThrownBy(() -> new StoryClusterer(StoryModel.DEFAULT, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxOpen");
  }

  @Test
  void aResumedClustererKeepsItsCapacityAndClosingOrder() throws Exception {
    StoryClusterer straight = new StoryClusterer(StoryModel.DEFAULT, 2);
    StoryClusterer first = new StoryClusterer(StoryModel.DEFAULT, 2);
    StoryFeatures[] stream = {
      undated("flood-1", "Floods in Marvento", FLOOD),
      undated("chess", "Lindqvel wins Kessan open", CHESS),
      undated("flood-2", "Tarisa river falls", FLOOD_LATER),
      undated("budget", "Belloran budget passes", BUDGET),
      undated("flood-3", "Marvento floods", FLOOD_LATE_COPY),
      undated("chess-2", "Lindqvel wins Kessan open", CHESS)
    };
    for (StoryFeatures f : stream) {
      straight.add(f);
    }
    for (int i = 0; i < 3; i++) {
      first.add(stream[i]);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    first.writeState(out);
    StoryClusterer resumed =
        StoryClusterer.readState(new ByteArrayInputStream(out.toByteArray()), StoryModel.DEFAULT);
    assertThat(resumed.maxOpen()).isEqualTo(2);
    for (int i = 3; i < stream.length; i++) {
      resumed.add(stream[i]);
    }
    assertThat(resumed.stories()).isEqualTo(straight.stories());
  }

  @Test
  void aLateArticleJoinsItsOldStory() {
    StoryClusterer c = new StoryClusterer();
    Assignment first = c.add(features("flood-1", "Floods in Marvento", FLOOD, T0));
    c.add(features("flood-2", "Tarisa river falls", FLOOD_LATER, T0.plus(1, ChronoUnit.DAYS)));
    c.add(features("chess", "Lindqvel wins Kessan open", CHESS, T0.plus(3, ChronoUnit.DAYS)));
    c.add(features("budget", "Belloran budget passes", BUDGET, T0.plus(4, ChronoUnit.DAYS)));
    // published on day 0, arriving after later stories
    Assignment late =
        c.add(
            features(
                "flood-late", "Marvento floods", FLOOD_LATE_COPY, T0.plus(2, ChronoUnit.HOURS)));

    assertThat(first.opened()).isTrue();
    assertThat(first.storyId()).isEqualTo("s-flood-1");
    assertThat(late.opened()).isFalse();
    assertThat(late.storyId()).isEqualTo("s-flood-1");
    assertThat(c.storyOf("chess")).contains("s-chess");
    assertThat(c.storyOf("budget")).contains("s-budget");
  }

  @Test
  void storiesThatTurnOutToBeOneMergeKeepingTheOlderId() {
    StoryModel eager = StoryModel.DEFAULT.withThresholds(0.5, 0.05);
    StoryClusterer c = new StoryClusterer(eager);
    // two halves of one event, with nothing in common but the governor's name ...
    c.add(
        features(
            "a",
            "Marvento valley evacuated",
            "The Marvento valley was evacuated as the Tarisa river rose; boats reached cut-off"
                + " villages.",
            T0));
    c.add(
        features(
            "b",
            "Vostrak declares emergency",
            "Governor Elena Vostrak declared an emergency and asked for army help after 12,000"
                + " residents fled.",
            T0.plus(1, ChronoUnit.HOURS)));
    assertThat(c.storyOf("a")).contains("s-a");
    assertThat(c.storyOf("b")).contains("s-b");
    // ... until a report covering both arrives
    Assignment bridge =
        c.add(features("c", "Floods in Marvento", FLOOD, T0.plus(2, ChronoUnit.HOURS)));

    assertThat(bridge.merged()).containsExactly("s-b");
    assertThat(bridge.storyId()).isEqualTo("s-a");
    assertThat(c.storyOf("a")).contains("s-a");
    assertThat(c.storyOf("b")).contains("s-a");
    assertThat(c.stories())
        .singleElement()
        .satisfies(g -> assertThat(g.mergedIds()).containsExactly("s-b"));
  }

  @Test
  void storiesCloseOutsideTheWindowAndStateResumes() throws Exception {
    StoryClusterer c = new StoryClusterer(StoryModel.DEFAULT.withWindowDays(2));
    c.add(features("flood-1", "Floods in Marvento", FLOOD, T0));
    c.add(features("chess", "Lindqvel wins Kessan open", CHESS, T0.plus(10, ChronoUnit.DAYS)));
    assertThat(c.openStories()).isEqualTo(1);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    c.writeState(out);
    StoryClusterer resumed =
        StoryClusterer.readState(new ByteArrayInputStream(out.toByteArray()), c.model());
    Assignment next =
        resumed.add(
            features(
                "chess-2",
                "Lindqvel's long final",
                CHESS,
                T0.plus(10, ChronoUnit.HOURS).plus(10, ChronoUnit.DAYS)));
    assertThat(next.storyId()).isEqualTo("s-chess");
    assertThat(resumed.storyOf("flood-1")).contains("s-flood-1");
    assertThat(resumed.stories()).hasSize(2);
  }
}
