package org.wiretrace.pipeline;

import java.util.Collection;
import org.wiretrace.stories.Story;

/**
 * How many stories and text families the store holds: kept with the story state, so that a scan
 * that rewrites a few stories knows the totals without reading every story record. Immutable and
 * thread-safe.
 *
 * @param stories the stories
 * @param families their text families
 */
record StoryTally(int stories, int families) {
  StoryTally {
    if (stories < 0 || families < stories) {
      throw new IllegalArgumentException(
          "bad story tally: " + stories + " stories, " + families + " families");
    }
  }

  /** The tally of {@code stories}. */
  static StoryTally of(Collection<Story> stories) {
    return new StoryTally(stories.size(), families(stories));
  }

  /** This tally once {@code before} were replaced by {@code after}. */
  StoryTally replacing(Collection<Story> before, Collection<Story> after) {
    return new StoryTally(
        stories - before.size() + after.size(), families - families(before) + families(after));
  }

  private static int families(Collection<Story> stories) {
    int n = 0;
    for (Story s : stories) {
      n += s.families().size();
    }
    return n;
  }
}
