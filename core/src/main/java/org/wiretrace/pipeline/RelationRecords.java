package org.wiretrace.pipeline;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.wiretrace.align.Alignment;
import org.wiretrace.align.Edit;
import org.wiretrace.align.EditOp;
import org.wiretrace.align.Passage;
import org.wiretrace.align.PassageKind;
import org.wiretrace.index.ArticleIndex;
import org.wiretrace.index.StoreRecord;
import org.wiretrace.relate.PairVerdict;
import org.wiretrace.relate.Relation;
import org.wiretrace.relate.Verdict;

/**
 * Judged pairs as store records ({@link StoreRecord#RELATION}), so that a report reads verdicts
 * instead of aligning again. The payload keeps the verdict exactly: relation, both coverages and
 * the story similarity as written by the relater, both text lengths, and the alignment's passages
 * with their word-level edit scripts (spans, word counts and words), compactly as arrays. The key
 * is the two ids in string order, so a pair has one record whatever its orientation; {@code refs}
 * are both ids, so removing either article removes the record. Stateless and thread-safe.
 */
final class RelationRecords {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final EditOp[] OPS = EditOp.values();
  private static final PassageKind[] KINDS = PassageKind.values();

  private RelationRecords() {}

  /** Version of the {@link #figures} layout. */
  static final int FIGURES_VERSION = 1;

  private static final Relation[] RELATIONS = Relation.values();

  /**
   * The verdict {@code v} without its passages, compactly (kept as the record's doc values: {@link
   * ArticleIndex#putRecord(StoreRecord, byte[])}): a version byte, both ids, the relation, both
   * coverages and the story similarity exactly as doubles, both text lengths. {@link
   * #verdictFromFigures} reads it back as {@link #verdictWithoutPassages} reads the record.
   */
  static byte[] figures(PairVerdict v) {
    Verdict d = v.verdict();
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(160);
    try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
      out.writeByte(FIGURES_VERSION);
      out.writeUTF(v.aId());
      out.writeUTF(v.bId());
      out.writeByte(d.relation().ordinal());
      out.writeDouble(d.coverageA());
      out.writeDouble(d.coverageB());
      out.writeDouble(d.storySimilarity());
      out.writeInt(d.alignment().aChars());
      out.writeInt(d.alignment().bChars());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * The verdict, without passages, in {@code figures} ({@link #figures}).
   *
   * @throws IllegalArgumentException when they are not in that layout
   */
  static PairVerdict verdictFromFigures(byte[] figures) {
    try (java.io.DataInputStream in =
        new java.io.DataInputStream(new java.io.ByteArrayInputStream(figures))) {
      int version = in.readUnsignedByte();
      if (version != FIGURES_VERSION) {
        throw new IllegalArgumentException("relation figures of layout " + version);
      }
      String a = in.readUTF();
      String b = in.readUTF();
      int r = in.readUnsignedByte();
      if (r >= RELATIONS.length) {
        throw new IllegalArgumentException("relation " + r + " in the figures of " + a + " " + b);
      }
      double covA = in.readDouble();
      double covB = in.readDouble();
      double story = in.readDouble();
      int aChars = in.readInt();
      int bChars = in.readInt();
      return new PairVerdict(
          a,
          b,
          new Verdict(RELATIONS[r], covA, covB, story, new Alignment(aChars, bChars, List.of())));
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated relation figures", e);
    }
  }

  /** The record key of the pair {@code (x, y)} in either order. */
  static String key(String x, String y) {
    return x.compareTo(y) <= 0 ? x + " " + y : y + " " + x;
  }

  /** {@code v} as a record. */
  static StoreRecord of(PairVerdict v) {
    Verdict d = v.verdict();
    ObjectNode o = JSON.createObjectNode();
    o.put("a", v.aId());
    o.put("b", v.bId());
    o.put("relation", d.relation().name());
    o.put("a_coverage", d.coverageA());
    o.put("b_coverage", d.coverageB());
    o.put("story_similarity", d.storySimilarity());
    o.put("a_chars", d.alignment().aChars());
    o.put("b_chars", d.alignment().bChars());
    ArrayNode ps = o.putArray("passages");
    for (Passage p : d.alignment().passages()) {
      ArrayNode pa = ps.addArray();
      pa.add(p.aStart()).add(p.aEnd()).add(p.bStart()).add(p.bEnd()).add(p.kind().ordinal());
      ArrayNode es = pa.addArray();
      for (Edit e : p.edits()) {
        es.addArray()
            .add(e.op().ordinal())
            .add(e.aStart())
            .add(e.aEnd())
            .add(e.bStart())
            .add(e.bEnd())
            .add(e.aWords())
            .add(e.bWords())
            .add(e.aText())
            .add(e.bText());
      }
    }
    try {
      return new StoreRecord(
          StoreRecord.RELATION,
          key(v.aId(), v.bId()),
          List.of(v.aId(), v.bId()),
          JSON.writeValueAsString(o),
          List.of(v.relation().name()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a relation record", e);
    }
  }

  /**
   * The verdict a record holds without its passages: relation, coverages, story similarity and the
   * two text lengths, read by a streaming parse that skips the edit scripts (most of a text-sharing
   * record). For what needs no alignment (families, stories, totals): the store's end-of-scan step
   * over every record of a large store.
   *
   * @throws IllegalArgumentException when the payload is not a relation record's
   */
  static PairVerdict verdictWithoutPassages(StoreRecord r) {
    try (JsonParser p = JSON.getFactory().createParser(r.json())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not an object");
      }
      String a = null;
      String b = null;
      Relation relation = null;
      double covA = Double.NaN;
      double covB = Double.NaN;
      double story = Double.NaN;
      int aChars = -1;
      int bChars = -1;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "a" -> a = p.getText();
          case "b" -> b = p.getText();
          case "relation" -> relation = Relation.valueOf(p.getText());
          case "a_coverage" -> covA = p.getDoubleValue();
          case "b_coverage" -> covB = p.getDoubleValue();
          case "story_similarity" -> story = p.getDoubleValue();
          case "a_chars" -> aChars = p.getIntValue();
          case "b_chars" -> bChars = p.getIntValue();
          default -> p.skipChildren();
        }
      }
      if (a == null
          || b == null
          || relation == null
          || Double.isNaN(covA)
          || Double.isNaN(covB)
          || Double.isNaN(story)
          || aChars < 0
          || bChars < 0) {
        throw new IllegalArgumentException("a field is missing");
      }
      return new PairVerdict(
          a, b, new Verdict(relation, covA, covB, story, new Alignment(aChars, bChars, List.of())));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "bad relation record '" + r.key() + "' in the store: " + e.getMessage(), e);
    }
  }

  /**
   * The verdict a record holds.
   *
   * @throws IllegalArgumentException when the payload is not a relation record's
   */
  static PairVerdict verdict(StoreRecord r) {
    try {
      JsonNode o = JSON.readTree(r.json());
      List<Passage> passages = new ArrayList<>();
      for (JsonNode p : o.path("passages")) {
        List<Edit> edits = new ArrayList<>();
        for (JsonNode e : p.get(5)) {
          edits.add(
              new Edit(
                  OPS[e.get(0).asInt()],
                  e.get(1).asInt(),
                  e.get(2).asInt(),
                  e.get(3).asInt(),
                  e.get(4).asInt(),
                  e.get(5).asInt(),
                  e.get(6).asInt(),
                  e.get(7).asText(),
                  e.get(8).asText()));
        }
        passages.add(
            new Passage(
                p.get(0).asInt(),
                p.get(1).asInt(),
                p.get(2).asInt(),
                p.get(3).asInt(),
                KINDS[p.get(4).asInt()],
                edits));
      }
      Alignment al = new Alignment(o.get("a_chars").asInt(), o.get("b_chars").asInt(), passages);
      Verdict v =
          new Verdict(
              Relation.valueOf(o.get("relation").asText()),
              o.get("a_coverage").asDouble(),
              o.get("b_coverage").asDouble(),
              o.get("story_similarity").asDouble(),
              al);
      return new PairVerdict(o.get("a").asText(), o.get("b").asText(), v);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalArgumentException(
          "bad relation record '" + r.key() + "' in the store: " + e.getMessage(), e);
    }
  }
}
