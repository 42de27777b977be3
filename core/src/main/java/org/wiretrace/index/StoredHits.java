package org.wiretrace.index;

import static org.wiretrace.index.IndexFormat.F_CHARS;
import static org.wiretrace.index.IndexFormat.F_FP;
import static org.wiretrace.index.IndexFormat.F_ID;
import static org.wiretrace.index.IndexFormat.F_ID_VALUE;
import static org.wiretrace.index.IndexFormat.F_PUBLISHED_MS;
import static org.wiretrace.index.IndexFormat.F_TOPIC_VECTOR;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.util.BytesRef;
import org.wiretrace.fingerprint.Fingerprint;

/**
 * A forward walk over the hits of a {@link TermDisjunction} (in document order) reading the hit's
 * doc values, each opened once per segment when first needed. Not thread-safe: one per query.
 */
final class StoredHits {
  private final List<LeafReaderContext> leaves;
  private final TermDisjunction.Hits hits;
  private int i = -1;
  private int leafIndex = -1;
  private LeafReaderContext leaf;
  private int local;
  private SortedDocValues ids;
  private BinaryDocValues idValues;
  private BinaryDocValues fps;
  private BinaryDocValues vectors;
  private NumericDocValues published;
  private NumericDocValues chars;
  private boolean fpsOpen;
  private boolean vectorsOpen;
  private boolean publishedOpen;
  private boolean charsOpen;
  private String id;
  private boolean idRead;
  private BytesRef fp;
  private boolean fpRead;
  private BytesRef vector;
  private boolean vectorRead;

  StoredHits(IndexReader reader, TermDisjunction.Hits hits) {
    this.leaves = reader.leaves();
    this.hits = hits;
  }

  /** Moves to the next hit; false after the last. */
  boolean next() throws IOException {
    if (++i >= hits.size()) {
      return false;
    }
    int doc = hits.docs()[i];
    if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
      leafIndex = ReaderUtil.subIndex(doc, leaves);
      leaf = leaves.get(leafIndex);
      idValues = leaf.reader().getBinaryDocValues(F_ID_VALUE);
      ids = null; // opened only for a document written before idValues
      fpsOpen = vectorsOpen = publishedOpen = charsOpen = false;
    }
    local = doc - leaf.docBase;
    idRead = fpRead = vectorRead = false;
    return true;
  }

  /**
   * The hit's article id, or null for a document without one: from the plain binary doc values, or
   * for documents written before them from the sorted ones (whose lookup decompresses a block of
   * their dictionary).
   */
  String id() throws IOException {
    if (!idRead) {
      if (idValues != null && idValues.advanceExact(local)) {
        id = idValues.binaryValue().utf8ToString();
      } else {
        if (ids == null) {
          ids = leaf.reader().getSortedDocValues(F_ID);
        }
        id =
            ids != null && ids.advanceExact(local)
                ? ids.lookupOrd(ids.ordValue()).utf8ToString()
                : null;
      }
      idRead = true;
    }
    return id;
  }

  private BytesRef fpBytes() throws IOException {
    if (!fpsOpen) {
      fps = leaf.reader().getBinaryDocValues(F_FP);
      fpsOpen = true;
    }
    if (!fpRead) {
      fp = fps != null && fps.advanceExact(local) ? fps.binaryValue() : null;
      fpRead = true;
    }
    return fp;
  }

  /** The hit's stored fingerprint, or null. */
  Fingerprint fingerprint() throws IOException {
    BytesRef b = fpBytes();
    return b == null ? null : Fingerprint.decode(b.bytes, b.offset, b.length);
  }

  /** The name grams of the hit's stored fingerprint, or null. */
  int[] nameGrams() throws IOException {
    BytesRef b = fpBytes();
    return b == null ? null : Fingerprint.decodeNameGrams(b.bytes, b.offset, b.length);
  }

  /** Whether the hit has a stored topic vector. */
  boolean hasTopic() throws IOException {
    return vectorBytes() != null;
  }

  private BytesRef vectorBytes() throws IOException {
    if (!vectorsOpen) {
      vectors = leaf.reader().getBinaryDocValues(F_TOPIC_VECTOR);
      vectorsOpen = true;
    }
    if (!vectorRead) {
      vector = vectors != null && vectors.advanceExact(local) ? vectors.binaryValue() : null;
      vectorRead = true;
    }
    return vector;
  }

  /**
   * The hit as a neighbour of a text of topic vector {@code topic}: its stored vector ({@link
   * TopicVector#EMPTY} when none) and their dot product, publication time and length.
   */
  Neighbour neighbour(TopicVector topic) throws IOException {
    BytesRef b = vectorBytes();
    TopicVector other =
        b == null ? TopicVector.EMPTY : TopicVector.decode(b.bytes, b.offset, b.length);
    if (!publishedOpen) {
      published = leaf.reader().getNumericDocValues(F_PUBLISHED_MS);
      publishedOpen = true;
    }
    if (!charsOpen) {
      chars = leaf.reader().getNumericDocValues(F_CHARS);
      charsOpen = true;
    }
    Optional<java.time.Instant> when =
        published != null && published.advanceExact(local)
            ? Optional.of(java.time.Instant.ofEpochMilli(published.longValue()))
            : Optional.empty();
    int n = chars != null && chars.advanceExact(local) ? (int) chars.longValue() : 0;
    return new Neighbour(id(), topic.dot(other), when, n, other);
  }
}
