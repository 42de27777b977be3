package org.wiretrace.index;

import java.util.List;
import java.util.Objects;

/**
 * A derived record kept beside the articles: a relation, a text family or a story, written by the
 * pipeline. {@code (kind, key)} identifies it; {@code refs} lists the article ids it depends on
 * (removing one of those articles removes the record); {@code json} is the payload, whose schema
 * belongs to the kind's writer; {@code tags} are terms the record can be selected and counted by
 * without reading its payload ({@link ArticleIndex#forEachRecordFigures}, {@link
 * ArticleIndex#countRecords}), e.g. a relation's name. Immutable and thread-safe.
 *
 * @param kind record kind, e.g. {@code relation}, {@code family}, {@code story}
 * @param key unique key within the kind
 * @param refs ids of the articles the record depends on
 * @param json the payload
 * @param tags terms to select and count records by
 */
public record StoreRecord(
    String kind, String key, List<String> refs, String json, List<String> tags) {
  /** Record kind of article-to-article relations. */
  public static final String RELATION = "relation";

  /** Record kind of text families. */
  public static final String FAMILY = "family";

  /** Record kind of stories (events). */
  public static final String STORY = "story";

  /**
   * Record kind of the story clusterer's closed stories (before joining by shared text): the part
   * of its state that no later article can change, kept apart so the state stays small.
   */
  public static final String CLOSED_STORY = "closedstory";

  public StoreRecord {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(key, "key");
    if (kind.isEmpty()
        || kind.equals(IndexFormat.KIND_ARTICLE)
        || kind.equals(IndexFormat.KIND_STATE)) {
      throw new IllegalArgumentException(
          "record kind must be non-empty and not 'article' or 'state': " + kind);
    }
    refs = refs == null ? List.of() : List.copyOf(refs);
    json = json == null ? "{}" : json;
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /** A record without tags. */
  public StoreRecord(String kind, String key, List<String> refs, String json) {
    this(kind, key, refs, json, List.of());
  }
}
