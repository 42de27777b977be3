package org.wiretrace.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wiretrace.ingest.Article;
import org.wiretrace.relate.Relation;
import org.wiretrace.stories.Family;
import org.wiretrace.stories.Member;
import org.wiretrace.stories.Story;
import org.wiretrace.stories.StoryClusterer;

/**
 * The story state's layout 3 ({@link StoryState}): the clustering mark and the story tally beside
 * the clusterer, what the mark admits, and states of other layouts left unread.
 */
class StoryStateLayoutTest {

  private static final Instant NOON = Instant.parse("2026-03-02T12:00:00Z");

  private static Article at(String id, Instant when) {
    return new Article(
        id,
        id + ".txt",
        "title",
        "text",
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.ofNullable(when),
        Optional.empty(),
        List.of());
  }

  private static Story story(String id, int families) {
    List<Family> fs = new java.util.ArrayList<>();
    for (int i = 0; i < families; i++) {
      String a = id + "-" + i;
      fs.add(new Family("f-" + a, a, List.of(new Member(a, Relation.ORIGINAL, 1, a))));
    }
    return new Story(id, "t", fs);
  }

  @Test
  void theMarkAdmitsArticlesAtOrAfterTheLastClusteredOne() {
    ClusteringMark dated =
        ClusteringMark.of(List.of(at("a", NOON.minusSeconds(60)), at("b", NOON)));
    assertThat(dated.articles()).isEqualTo(2);
    assertThat(dated.admits(Optional.of(NOON))).isTrue(); // a tie: stored later, so after
    assertThat(dated.admits(Optional.of(NOON.plusNanos(1)))).isTrue();
    assertThat(dated.admits(Optional.empty())).isTrue(); // undated come last
    assertThat(dated.admits(Optional.of(NOON.minusNanos(1)))).isFalse();
    ClusteringMark undated = dated.then(List.of(at("c", null)));
    assertThat(undated.articles()).isEqualTo(3);
    assertThat(undated.admits(Optional.empty())).isTrue();
    assertThat(undated.admits(Optional.of(NOON.plusSeconds(3600)))).isFalse();
    assertThat(ClusteringMark.of(List.of()).admits(Optional.of(Instant.EPOCH))).isTrue();
    assertThatThrownBy(() -> new ClusteringMark(-1, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theTallyFollowsReplacedStories() {
    StoryTally t = StoryTally.of(List.of(story("s-a", 2), story("s-b", 1)));
    assertThat(t).isEqualTo(new StoryTally(2, 3));
    assertThat(t.replacing(List.of(story("s-b", 1)), List.of(story("s-b", 2), story("s-c", 1))))
        .isEqualTo(new StoryTally(3, 5));
    assertThatThrownBy(() -> new StoryTally(2, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StoryTally(-1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aStateRoundTripsWithItsMarkAndTallyAndOtherLayoutsAreNotRead() throws Exception {
    StoryClusterer c = new StoryClusterer();
    ClusteringMark mark = new ClusteringMark(7, Optional.of(NOON.plusNanos(123)));
    StoryState.Kept kept = new StoryState.Kept(c, mark, new StoryTally(3, 4));
    StoryState.Kept back = StoryState.decode(StoryState.encode(kept)).orElseThrow();
    assertThat(back.mark()).isEqualTo(mark);
    assertThat(back.tally()).isEqualTo(new StoryTally(3, 4));
    assertThat(back.clusterer().clustered()).isZero();

    ByteArrayOutputStream layout2 = new ByteArrayOutputStream();
    new DataOutputStream(layout2).writeInt(2);
    assertThat(StoryState.decode(layout2.toByteArray())).isEmpty();
  }
}
