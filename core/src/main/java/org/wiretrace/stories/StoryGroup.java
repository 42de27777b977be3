package org.wiretrace.stories;

import java.util.List;
import java.util.Objects;

/**
 * A story as the clusterer sees it: its stable id, the ids of the stories merged into it, and its
 * articles in arrival order.
 *
 * @param id the stable story id: {@code "s-"} plus the id of its first article
 * @param mergedIds ids of stories merged into this one (they resolve to {@code id})
 * @param articleIds the articles, in arrival order
 * @param open false once the story has left the time window and takes no more articles
 */
public record StoryGroup(String id, List<String> mergedIds, List<String> articleIds, boolean open) {
  public StoryGroup {
    Objects.requireNonNull(id, "id");
    mergedIds = List.copyOf(mergedIds);
    articleIds = List.copyOf(articleIds);
  }

  /** The story id an article opening a story gets. */
  public static String idFor(String firstArticleId) {
    return "s-" + firstArticleId;
  }
}
