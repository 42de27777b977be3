package org.wiretrace.stories;

import java.util.List;
import java.util.Objects;

/**
 * Where the clusterer put one arriving article.
 *
 * @param articleId the article
 * @param storyId the story it now belongs to (after any merge this arrival caused)
 * @param opened true when the article opened a new story
 * @param probability the model's probability for the story it joined (0 when it opened one)
 * @param merged ids of stories that this arrival showed to be the same event and that were merged
 *     into {@code storyId} (empty in the common case)
 */
public record Assignment(
    String articleId, String storyId, boolean opened, double probability, List<String> merged) {
  public Assignment {
    Objects.requireNonNull(articleId, "articleId");
    Objects.requireNonNull(storyId, "storyId");
    merged = List.copyOf(merged);
  }
}
