package org.wiretrace.index;

import java.util.Objects;

/**
 * An indexed article found near a query article by topic ({@link ArticleIndex#topicNeighbours}):
 * its id and the similarity of the two topic vectors, 0..1. Immutable.
 *
 * @param id the indexed article's id
 * @param similarity dot product of the truncated topic vectors (a lower bound of their cosine)
 */
public record Neighbour(String id, double similarity) {
  public Neighbour {
    Objects.requireNonNull(id, "id");
  }
}
