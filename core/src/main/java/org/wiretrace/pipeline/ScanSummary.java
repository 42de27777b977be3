package org.wiretrace.pipeline;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.wiretrace.ingest.Skipped;
import org.wiretrace.relate.Relation;

/**
 * What a scan did and what the store holds afterwards, without the report itself: the accounting of
 * every input record (read and then added, replaced or unchanged; or skipped with its reason) and
 * the store's totals. Its size does not grow with the store (beyond the skipped records of this
 * run), so it is what a scan of a large crawl or a daily feed prints ({@code scan --summary}).
 *
 * @param read articles this run read from its inputs (distinct ids)
 * @param added of those, new to the store
 * @param replaced of those, stored before with a different text, now replaced
 * @param unchanged of those, stored before with the same content (nothing done)
 * @param skipped input records that gave no article, each with where and why
 * @param storedArticles articles the store holds after the run
 * @param stories stories the store holds
 * @param families text families the store holds
 * @param relations stored relations by kind (pairs that share text or a story)
 */
public record ScanSummary(
    int read,
    int added,
    int replaced,
    int unchanged,
    List<Skipped> skipped,
    int storedArticles,
    int stories,
    int families,
    Map<Relation, Integer> relations) {

  public ScanSummary {
    if (read < 0 || added < 0 || replaced < 0 || unchanged < 0) {
      throw new IllegalArgumentException(
          "counts must be >= 0, got read="
              + read
              + " added="
              + added
              + " replaced="
              + replaced
              + " unchanged="
              + unchanged);
    }
    skipped = List.copyOf(skipped);
    Map<Relation, Integer> copy = new EnumMap<>(Relation.class);
    copy.putAll(Objects.requireNonNull(relations, "relations"));
    relations = java.util.Collections.unmodifiableMap(copy);
  }

  /** Stored relations of {@code kind} (0 when none). */
  public int relations(Relation kind) {
    return relations.getOrDefault(kind, 0);
  }
}
