package org.wiretrace.stories;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.wiretrace.relate.Relation;

/**
 * One article of a text family and how it came to be: its relation to {@code sourceId} (the
 * family's original gets {@link Relation#ORIGINAL}, coverage 1 and its own id), the share of its
 * text aligned to that source, and its publication time for the family's timeline. Immutable.
 *
 * @param articleId the article
 * @param relation its relation to its source
 * @param coverage share of the article's text aligned to its source, 0..1
 * @param sourceId the family member it was most likely taken from
 * @param published when it was published, if known
 */
public record Member(
    String articleId,
    Relation relation,
    double coverage,
    String sourceId,
    Optional<Instant> published) {

  public Member {
    Objects.requireNonNull(articleId, "articleId");
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(sourceId, "sourceId");
    if (!(coverage >= 0 && coverage <= 1)) {
      throw new IllegalArgumentException("coverage must be in [0, 1]: " + coverage);
    }
    published = Objects.requireNonNullElse(published, Optional.empty());
  }

  /** A member without a publication time. */
  public Member(String articleId, Relation relation, double coverage, String sourceId) {
    this(articleId, relation, coverage, sourceId, Optional.empty());
  }

  /** True for the family's original. */
  public boolean isOriginal() {
    return relation == Relation.ORIGINAL;
  }
}
