package org.wiretrace.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wiretrace.index.StoreRecord;
import org.wiretrace.relate.Relation;
import org.wiretrace.stories.Family;
import org.wiretrace.stories.Member;
import org.wiretrace.stories.Story;

/**
 * Stories with their text families as store records ({@link StoreRecord#STORY}): id, title, merged
 * ids, and per family its id, original, evidence and members (relation, coverage, source,
 * publication time). {@code refs} are the story's articles, so removing one removes the record
 * until the stories are rebuilt. Stateless and thread-safe.
 */
final class StoryRecords {

  private static final ObjectMapper JSON = new ObjectMapper();

  private StoryRecords() {}

  /** {@code s} as a record. */
  static StoreRecord of(Story s) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", s.id());
    o.put("title", s.title());
    ArrayNode merged = o.putArray("merged");
    s.mergedIds().forEach(merged::add);
    ArrayNode fs = o.putArray("families");
    for (Family f : s.families()) {
      ObjectNode fo = fs.addObject();
      fo.put("id", f.id());
      fo.put("original", f.originalId());
      fo.put("evidence", f.evidence());
      ArrayNode ms = fo.putArray("members");
      for (Member m : f.members()) {
        ObjectNode mo = ms.addObject();
        mo.put("id", m.articleId());
        mo.put("relation", m.relation().name());
        mo.put("coverage", m.coverage());
        mo.put("source", m.sourceId());
        m.published().ifPresent(p -> mo.put("published", p.toString()));
      }
    }
    try {
      return new StoreRecord(StoreRecord.STORY, s.id(), s.articleIds(), JSON.writeValueAsString(o));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a story record", e);
    }
  }

  /**
   * The story a record holds.
   *
   * @throws IllegalArgumentException when the payload is not a story record's
   */
  static Story story(StoreRecord r) {
    try {
      JsonNode o = JSON.readTree(r.json());
      List<String> merged = new ArrayList<>();
      o.path("merged").forEach(m -> merged.add(m.asText()));
      List<Family> families = new ArrayList<>();
      for (JsonNode f : o.path("families")) {
        List<Member> members = new ArrayList<>();
        for (JsonNode m : f.path("members")) {
          members.add(
              new Member(
                  m.get("id").asText(),
                  Relation.valueOf(m.get("relation").asText()),
                  m.get("coverage").asDouble(),
                  m.get("source").asText(),
                  m.has("published")
                      ? Optional.of(Instant.parse(m.get("published").asText()))
                      : Optional.empty()));
        }
        families.add(
            new Family(
                f.get("id").asText(),
                f.get("original").asText(),
                members,
                f.path("evidence").asText()));
      }
      return new Story(o.get("id").asText(), o.path("title").asText(), families, merged);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalArgumentException(
          "bad story record '" + r.key() + "' in the store: " + e.getMessage(), e);
    }
  }
}
