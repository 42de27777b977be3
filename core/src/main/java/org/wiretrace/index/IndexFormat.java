package org.wiretrace.index;

/**
 * The on-disk format of a Wiretrace index, version {@value #VERSION}: one Lucene 9.12 index whose
 * documents carry a {@value #F_KIND} field.
 *
 * <p>Article documents ({@code kind=article}): {@value #F_ID} (id, indexed and stored, plus sorted
 * doc values), {@value #F_ID_VALUE} (the id again as binary doc values, read for each lookup hit
 * without decompressing a block of the sorted values' dictionary; documents written before it was
 * added lack it and their id is read from {@value #F_ID}), {@value #F_ID_HASH} ({@code
 * id|contentHash}, indexed), {@value #F_HASH}, {@value #F_SEQ} (stored and numeric doc values),
 * {@value #F_ORIGIN} (stored, and indexed: itself, or for origins over 4,000 characters a NUL,
 * {@code sha256:} and the hex digest), {@value #F_TITLE}, {@value #F_TEXT}, {@value #F_URL},
 * {@value #F_SITE}, {@value #F_BYLINE}, {@value #F_PUBLISHED} (ISO-8601), {@value #F_LANGUAGE},
 * {@value #F_REPAIRS} (stored); the fingerprint as binary doc values {@value #F_FP} ({@code
 * Fingerprint.encode()}); candidate terms as 8-byte big-endian binary terms: {@value #F_LSH} (LSH
 * band keys), {@value #F_SAMPLE} (sampled shingles), {@value #F_SHORT} (all shingles of short
 * texts); and 4-byte terms {@value #F_SPIN} (immutable n-grams: all of a text with fewer than 256,
 * else those in the lowest quarter of the hash order, {@code SpinFeatures.indexedGrams}; earlier
 * documents may hold all) and {@value #F_NAMES} (name character grams); the heaviest content terms
 * as 8-byte terms {@value #F_TOPIC} (the 16 heaviest) and binary doc values {@value
 * #F_TOPIC_VECTOR} ({@link TopicVector#encode()}, for same-story candidates); numeric doc values
 * {@value #F_PUBLISHED_MS} (publication time in epoch milliseconds, absent when undated) and
 * {@value #F_CHARS} (text length); everything but the text as binary doc values {@value #F_META}
 * ({@code ArticleMeta}: id, origin, title, metadata, repairs, content hash, sequence number and the
 * pipeline's per-article payload, story features and word count), so that a pass over every article
 * reads no stored-field block (since version 4; version 3 kept the payload as stored bytes {@value
 * #F_PAYLOAD}, still read from such documents).
 *
 * <p>Record documents ({@code kind=relation|family|story|...}): {@value #F_RKEY} ({@code kind NUL
 * key}), {@value #F_REF} (referenced article ids, indexed), {@value #F_JSON} (stored), and for
 * records replaced as a set ({@code ArticleIndex.replaceRecords}, the stories) {@value #F_DIGEST}
 * (binary doc values: a digest of the record, then its {@code kind NUL key}). Kinds written by the
 * pipeline: {@code relation} (one judged pair that shares text or a story, with its alignment) and
 * {@code story} (one story with its families, members and provenance).
 *
 * <p>State documents ({@code kind=state}, since this version's second revision; readers that do not
 * know them skip them): {@value #F_RKEY} ({@code state NUL key}) and the bytes {@value #F_STATE}
 * (stored), whose layout belongs to the writer of the key. The pipeline keeps one, {@code stories}:
 * the story clusterer's state after the last scan, resumed by the next scan when it only adds later
 * articles.
 *
 * <p>Every commit's user data holds {@value #KEY_FORMAT} (this version) and {@value #KEY_SEQ} (the
 * next sequence number). Opening an index whose format is newer, or older than {@value
 * #OLDEST_READABLE}, fails with a message; commits are Lucene commit points, so a crash leaves the
 * last commit intact.
 */
public final class IndexFormat {
  /**
   * The format version this code writes and the newest it reads. Version 3 is version 2 written
   * with {@link IndexCodec} (Bloom-filtered postings for the hashed lookup fields): its segments
   * need {@code lucene-codecs} to be read, so writers of version 2 must refuse it; this code reads
   * both, and a version-2 store it writes to becomes version 3 at its next commit. Version 4 keeps
   * each article's payload in {@value #F_META} doc values and no longer as stored bytes: writers of
   * version 3 would miss it, so they must refuse it; this code reads documents of both kinds, and a
   * version-2 or -3 store it writes to becomes version 4 at its next commit.
   */
  public static final int VERSION = 4;

  /** The oldest format this code reads: older stores lack what scans now keep, and are refused. */
  public static final int OLDEST_READABLE = 2;

  public static final String KEY_FORMAT = "wiretrace.format";
  public static final String KEY_SEQ = "wiretrace.seq";

  public static final String KIND_ARTICLE = "article";
  public static final String KIND_STATE = "state";

  public static final String F_KIND = "kind";
  public static final String F_ID = "id";
  public static final String F_ID_VALUE = "idv";
  public static final String F_ID_HASH = "idhash";
  public static final String F_HASH = "hash";
  public static final String F_SEQ = "seq";
  public static final String F_ORIGIN = "origin";
  public static final String F_TITLE = "title";
  public static final String F_TEXT = "text";
  public static final String F_URL = "url";
  public static final String F_SITE = "site";
  public static final String F_BYLINE = "byline";
  public static final String F_PUBLISHED = "published";
  public static final String F_LANGUAGE = "language";
  public static final String F_REPAIRS = "repairs";
  public static final String F_FP = "fp";
  public static final String F_LSH = "lsh";
  public static final String F_SAMPLE = "sh";
  public static final String F_SHORT = "shs";
  public static final String F_SPIN = "spin";
  public static final String F_NAMES = "names";
  public static final String F_TOPIC = "topic";
  public static final String F_TOPIC_VECTOR = "tv";
  public static final String F_PAYLOAD = "payload";
  public static final String F_PUBLISHED_MS = "pubms";
  public static final String F_CHARS = "chars";
  public static final String F_RKEY = "rkey";
  public static final String F_REF = "ref";
  public static final String F_JSON = "json";
  public static final String F_TAG = "tag";
  public static final String F_FIGURES = "figures";
  public static final String F_STATE = "statebytes";
  public static final String F_META = "meta";
  public static final String F_DIGEST = "digest";

  private IndexFormat() {}
}
