package org.wiretrace.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.wiretrace.index.StoreRecord;
import org.wiretrace.stories.StoryGroup;

/**
 * The story clusterer's closed stories as store records ({@link StoreRecord#CLOSED_STORY}): id, the
 * ids of the stories merged into it, and its articles in the order they joined. A closed story
 * takes no more articles, so its record is written once, when it closes, and the clusterer's kept
 * state holds only the open stories. No {@code refs}: removing an article re-clusters everything
 * and rewrites these records. Stateless and thread-safe.
 */
final class ClosedStoryRecords {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ClosedStoryRecords() {}

  /** {@code g} (closed) as a record. */
  static StoreRecord of(StoryGroup g) {
    if (g.open()) {
      throw new IllegalArgumentException("story " + g.id() + " is open");
    }
    ObjectNode o = JSON.createObjectNode();
    o.put("id", g.id());
    ArrayNode merged = o.putArray("merged");
    g.mergedIds().forEach(merged::add);
    ArrayNode members = o.putArray("articles");
    g.articleIds().forEach(members::add);
    try {
      return new StoreRecord(
          StoreRecord.CLOSED_STORY, g.id(), List.of(), JSON.writeValueAsString(o));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a closed story record", e);
    }
  }

  /**
   * The closed story in {@code r}.
   *
   * @throws IllegalArgumentException if {@code r} is not a closed story record or is malformed
   */
  static StoryGroup group(StoreRecord r) {
    if (!StoreRecord.CLOSED_STORY.equals(r.kind())) {
      throw new IllegalArgumentException("not a closed story record: " + r.kind() + " " + r.key());
    }
    try {
      JsonNode o = JSON.readTree(r.json());
      if (!o.path("id").isTextual() || !o.path("articles").isArray()) {
        throw new IllegalArgumentException("malformed closed story record " + r.key());
      }
      return new StoryGroup(
          o.get("id").asText(), strings(o.path("merged")), strings(o.get("articles")), false);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("malformed closed story record " + r.key(), e);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>(array.size());
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
