package org.wiretrace.pipeline;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.wiretrace.index.ArticleIndex;
import org.wiretrace.relate.Relation;
import org.wiretrace.stories.Story;

/**
 * What the store holds once a scan's story step is done, read only as far as asked: a report needs
 * every article, verdict and story ({@link #loaded}, {@link #stories}), a summary only the totals
 * ({@link #articles}, {@link #tally}, {@link #relations}), which a story step by region ({@link
 * RegionStories}) knows without reading the store. Not thread-safe (one scan's view, read once).
 */
final class ScannedStore {

  private final ArticleIndex index;
  private final boolean passages;
  private StoreContents.Loaded loaded;
  private List<Story> stories;
  private StoryTally tally;
  private final boolean byRegion;

  private ScannedStore(
      ArticleIndex index,
      boolean passages,
      StoreContents.Loaded loaded,
      List<Story> stories,
      StoryTally tally) {
    this.index = Objects.requireNonNull(index, "index");
    this.passages = passages;
    this.loaded = loaded;
    this.stories = stories;
    this.tally = tally;
    this.byRegion = loaded == null;
  }

  /** Whether the story step went by region ({@link RegionStories}). */
  boolean byRegion() {
    return byRegion;
  }

  /**
   * The store after a story step that read {@code loaded} (with the passages when {@code passages})
   * and gave {@code stories}.
   */
  static ScannedStore of(
      ArticleIndex index, boolean passages, StoreContents.Loaded loaded, List<Story> stories) {
    return new ScannedStore(
        index,
        passages,
        Objects.requireNonNull(loaded, "loaded"),
        Objects.requireNonNull(stories, "stories"),
        null);
  }

  /**
   * The store after a story step by region, which read little of it and left {@code tally}; the
   * rest is read from {@code index} when asked (it must be refreshed to the step's writes).
   */
  static ScannedStore byRegion(ArticleIndex index, boolean passages, StoryTally tally) {
    return new ScannedStore(index, passages, null, null, Objects.requireNonNull(tally, "tally"));
  }

  /** Every article and verdict (read from the store when not read yet). */
  StoreContents.Loaded loaded() throws IOException {
    if (loaded == null) {
      loaded = StoreContents.load(index, passages);
    }
    return loaded;
  }

  /** Every story, largest first (read from the story records when not at hand). */
  List<Story> stories() throws IOException {
    if (stories == null) {
      StoreContents.Loaded l = loaded();
      stories =
          StoreContents.storedStories(index, l)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "the story records of "
                              + index.path()
                              + " do not cover its articles after the story step"));
    }
    return stories;
  }

  /** How many stories and families. */
  StoryTally tally() throws IOException {
    if (tally == null) {
      tally = StoryTally.of(stories());
    }
    return tally;
  }

  /** How many articles. */
  int articles() throws IOException {
    return loaded != null ? loaded.articles().size() : index.articleCount();
  }

  /** The relations by kind, counted from their tags when they all carry one. */
  Map<Relation, Integer> relations() throws IOException {
    if (loaded == null) {
      Map<Relation, Integer> counted = StoreContents.countedRelations(index);
      if (counted != null) {
        return java.util.Collections.unmodifiableMap(counted);
      }
    }
    return loaded().relations();
  }
}
