package org.wiretrace.stories;

import org.wiretrace.relate.Relation;

/**
 * One article of a text family: its relation to {@code sourceId} (the family's original gets {@link
 * Relation#ORIGINAL} and its own id) and the share of its text aligned to that source.
 */
public record Member(String articleId, Relation relation, double coverage, String sourceId) {}
