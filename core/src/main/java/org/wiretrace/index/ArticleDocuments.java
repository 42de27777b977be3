package org.wiretrace.index;

import static org.wiretrace.index.IndexFormat.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.wiretrace.fingerprint.Fingerprint;
import org.wiretrace.ingest.Article;
import org.wiretrace.ingest.Repair;

/**
 * An article as a Lucene document of {@link ArticleIndex} and back: its lookup terms (hashes as
 * fixed-width byte terms), stored fields and doc values, in the layout of docs/index.md ("On-disk
 * format"). Stateless and thread-safe.
 */
final class ArticleDocuments {
  private ArticleDocuments() {}

  private static final FieldType TERM = new FieldType();

  static {
    TERM.setIndexOptions(IndexOptions.DOCS);
    TERM.setOmitNorms(true);
    TERM.setTokenized(false);
    TERM.freeze();
  }

  /**
   * Origins longer than this are indexed by a digest ({@link #originTerm}; Lucene's term length
   * limit) and stored whole.
   */
  static final int MAX_ORIGIN_TERM = 4000;

  /**
   * The term {@code origin} is indexed by: itself, or when longer than {@link #MAX_ORIGIN_TERM} a
   * NUL, {@code sha256:} and the hex SHA-256 of its UTF-8 bytes (no path or URL starts with NUL).
   */
  static String originTerm(String origin) {
    if (origin.length() <= MAX_ORIGIN_TERM) {
      return origin;
    }
    return "\0sha256:"
        + HexFormat.of()
            .formatHex(ArticleIndex.sha256().digest(origin.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * The Lucene document of article {@code a} with content hash {@code hash}, fingerprint {@code
   * fp}, topic vector {@code topic}, payload {@code payload} (story features; may be null) and
   * sequence number {@code seq}: the lookup terms, the stored fields and the doc values described
   * in docs/index.md.
   */
  static Document of(
      Article a, String hash, Fingerprint fp, TopicVector topic, byte[] payload, long seq) {
    Document d = new Document();
    d.add(new StringField(F_KIND, KIND_ARTICLE, Field.Store.NO));
    d.add(new StringField(F_ID, a.id(), Field.Store.YES));
    d.add(new SortedDocValuesField(F_ID, new BytesRef(a.id())));
    d.add(new BinaryDocValuesField(F_ID_VALUE, new BytesRef(a.id())));
    d.add(new StringField(F_ID_HASH, a.id() + "|" + hash, Field.Store.NO));
    d.add(new StoredField(F_HASH, hash));
    d.add(new StoredField(F_SEQ, seq));
    d.add(new NumericDocValuesField(F_SEQ, seq));
    if (a.origin().length() <= MAX_ORIGIN_TERM) {
      d.add(new StringField(F_ORIGIN, a.origin(), Field.Store.YES));
    } else { // indexed by its digest (every document indexes the field: Lucene's schema rule)
      d.add(new StringField(F_ORIGIN, originTerm(a.origin()), Field.Store.NO));
      d.add(new StoredField(F_ORIGIN, a.origin()));
    }
    d.add(new StoredField(F_TITLE, a.title()));
    d.add(new StoredField(F_TEXT, a.text()));
    a.url().ifPresent(v -> d.add(new StoredField(F_URL, v)));
    a.site().ifPresent(v -> d.add(new StoredField(F_SITE, v)));
    a.byline().ifPresent(v -> d.add(new StoredField(F_BYLINE, v)));
    a.published().ifPresent(v -> d.add(new StoredField(F_PUBLISHED, v.toString())));
    a.language().ifPresent(v -> d.add(new StoredField(F_LANGUAGE, v)));
    d.add(new StoredField(F_REPAIRS, repairsJson(a.repairs())));
    d.add(new BinaryDocValuesField(F_FP, new BytesRef(fp.encode())));
    for (long k : fp.bandKeys()) {
      d.add(new Field(F_LSH, longTerm(k), TERM));
    }
    for (long k : fp.sample()) {
      d.add(new Field(F_SAMPLE, longTerm(k), TERM));
    }
    for (long k : fp.shortShingles()) {
      d.add(new Field(F_SHORT, longTerm(k), TERM));
    }
    for (int k : fp.indexedSpinGrams()) {
      d.add(new Field(F_SPIN, intTerm(k), TERM));
    }
    for (int k : fp.nameGrams()) {
      d.add(new Field(F_NAMES, intTerm(k), TERM));
    }
    if (topic.size() > 0) {
      for (int i : topic.heaviest(ArticleIndex.TOPIC_TERMS)) {
        d.add(new Field(F_TOPIC, longTerm(topic.terms()[i]), TERM));
      }
      d.add(new BinaryDocValuesField(F_TOPIC_VECTOR, new BytesRef(topic.encode())));
    }
    // everything but the text, for passes over the whole store (the payload is kept only here)
    d.add(
        new BinaryDocValuesField(F_META, new BytesRef(ArticleMeta.encode(a, hash, seq, payload))));
    a.published()
        .ifPresent(p -> d.add(new NumericDocValuesField(F_PUBLISHED_MS, p.toEpochMilli())));
    d.add(new NumericDocValuesField(F_CHARS, a.chars()));
    return d;
  }

  /** The term of a 64-bit hash: its eight bytes, big-endian (sorts as unsigned). */
  static BytesRef longTerm(long v) {
    byte[] b = new byte[8];
    for (int i = 7; i >= 0; i--) {
      b[i] = (byte) v;
      v >>>= 8;
    }
    return new BytesRef(b);
  }

  /** The term of a 32-bit hash: its four bytes, big-endian. */
  static BytesRef intTerm(int v) {
    return new BytesRef(
        new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
  }

  /** {@link #longTerm} of each of {@code a}. */
  static BytesRef[] longs(long[] a) {
    BytesRef[] out = new BytesRef[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = longTerm(a[i]);
    }
    return out;
  }

  /** {@link #intTerm} of each of {@code a}. */
  static BytesRef[] ints(int[] a) {
    BytesRef[] out = new BytesRef[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = intTerm(a[i]);
    }
    return out;
  }

  /** The article of a document written by {@link #of} (its text empty when read without it). */
  static StoredArticle article(Document d) {
    Article a =
        new Article(
            d.get(F_ID),
            d.get(F_ORIGIN),
            d.get(F_TITLE),
            Objects.requireNonNullElse(d.get(F_TEXT), ""), // read without it: see WITHOUT_TEXT
            Optional.ofNullable(d.get(F_URL)),
            Optional.ofNullable(d.get(F_SITE)),
            Optional.ofNullable(d.get(F_BYLINE)),
            StoredArticle.instant(d.get(F_PUBLISHED)),
            Optional.ofNullable(d.get(F_LANGUAGE)),
            repairs(d.get(F_REPAIRS)));
    return new StoredArticle(a, d.get(F_HASH), d.getField(F_SEQ).numericValue().longValue());
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private static String repairsJson(List<Repair> repairs) {
    ArrayNode a = JSON.createArrayNode();
    for (Repair r : repairs) {
      a.addObject()
          .put("kind", r.kind())
          .put("start", r.start())
          .put("end", r.end())
          .put("before", r.before())
          .put("after", r.after());
    }
    return a.toString();
  }

  private static List<Repair> repairs(String json) {
    if (json == null || json.equals("[]")) {
      return List.of();
    }
    try {
      List<Repair> out = new ArrayList<>();
      for (JsonNode r : JSON.readTree(json)) {
        out.add(
            new Repair(
                r.path("kind").asText(),
                r.path("start").asInt(),
                r.path("end").asInt(),
                r.path("before").asText(),
                r.path("after").asText()));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(
          new CorruptIndexException("bad repairs field: " + e.getMessage(), "repairs"));
    }
  }
}
