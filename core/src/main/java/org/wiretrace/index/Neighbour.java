package org.wiretrace.index;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An indexed article found near a query article by topic ({@link ArticleIndex#topicNeighbours}):
 * its id, the similarity of the two topic vectors (0..1), its publication time and length, and its
 * stored topic vector, so that a caller can order and score the pair without reading the text.
 * Immutable.
 *
 * @param id the indexed article's id
 * @param similarity dot product of the truncated topic vectors (a lower bound of their cosine)
 * @param published the indexed article's publication time, if known
 * @param chars the indexed article's length in characters
 * @param topic its stored topic vector
 */
public record Neighbour(
    String id, double similarity, Optional<Instant> published, int chars, TopicVector topic) {
  public Neighbour {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(topic, "topic");
  }
}
