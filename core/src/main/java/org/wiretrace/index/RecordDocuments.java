package org.wiretrace.index;

import static org.wiretrace.index.IndexFormat.*;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;

/**
 * A {@link StoreRecord} as a Lucene document of {@link ArticleIndex} and back, and the digest by
 * which {@link ArticleIndex#replaceRecords} tells an unchanged record. Stateless and thread-safe.
 */
final class RecordDocuments {
  private RecordDocuments() {}

  /** The unique key of a record: its kind, NUL, its key. */
  static String rkey(String kind, String key) {
    return kind + '\0' + key;
  }

  /**
   * The document of record {@code r}, with its {@code figures} and {@code digest} as binary doc
   * values when given (each may be null).
   */
  static Document of(StoreRecord r, byte[] figures, byte[] digest) {
    Document d = new Document();
    if (digest != null) {
      d.add(new BinaryDocValuesField(F_DIGEST, new BytesRef(digest)));
    }
    if (figures != null) {
      d.add(new BinaryDocValuesField(F_FIGURES, new BytesRef(figures)));
    }
    d.add(new StringField(F_KIND, r.kind(), Field.Store.YES));
    d.add(new StringField(F_RKEY, rkey(r.kind(), r.key()), Field.Store.YES));
    for (String ref : r.refs()) {
      d.add(new StringField(F_REF, ref, Field.Store.YES));
    }
    d.add(new StoredField(F_JSON, r.json()));
    for (String tag : r.tags()) {
      d.add(new StringField(F_TAG, tag, Field.Store.YES));
    }
    return d;
  }

  /** Bytes of SHA-256 at the head of a record digest. */
  static final int DIGEST_BYTES = 16;

  /** 16 bytes of SHA-256 over the record, then {@code rkey} in UTF-8. */
  static byte[] digest(String rkey, StoreRecord r) {
    MessageDigest sha = ArticleIndex.sha256();
    byte[] key = rkey.getBytes(StandardCharsets.UTF_8);
    sha.update(key);
    for (List<String> part : List.of(r.refs(), List.of(r.json()), r.tags())) {
      sha.update((byte) 1); // a part starts
      for (String v : part) {
        sha.update(v.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
    }
    byte[] out = Arrays.copyOf(sha.digest(), DIGEST_BYTES + key.length);
    System.arraycopy(key, 0, out, DIGEST_BYTES, key.length);
    return out;
  }

  /** The record of a document written by {@link #of}. */
  static StoreRecord record(Document d) {
    String rkey = d.get(F_RKEY);
    String kind = d.get(F_KIND);
    return new StoreRecord(
        kind,
        rkey.substring(kind.length() + 1),
        List.of(d.getValues(F_REF)),
        d.get(F_JSON),
        List.of(d.getValues(F_TAG)));
  }
}
