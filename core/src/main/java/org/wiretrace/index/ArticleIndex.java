package org.wiretrace.index;

import static org.wiretrace.index.IndexFormat.*;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.wiretrace.fingerprint.Fingerprint;
import org.wiretrace.fingerprint.Fingerprinter;
import org.wiretrace.fingerprint.SortedSets;
import org.wiretrace.ingest.Article;
import org.wiretrace.text.Tokens;

/**
 * The embedded store: articles with their metadata, text and fingerprints, and the pipeline's
 * records (relations, families, stories), in one Lucene index on disk ({@link IndexFormat}).
 *
 * <p><b>Incremental.</b> {@link #put} skips an article whose id and content hash are already
 * indexed and atomically replaces one whose content changed. <b>Crash-safe.</b> Changes become
 * durable and visible to other processes only at {@link #commit()}, a Lucene commit point; a crash
 * (even SIGKILL) leaves the previous commit intact. <b>Readers.</b> A read-write index searches its
 * own uncommitted changes after {@link #refresh()} (near-real-time); a {@link #openReadOnly
 * read-only} one sees committed state only and moves to the newest commit on {@link #refresh()}.
 * <b>Bounded memory.</b> Nothing here grows with the corpus besides Lucene's own structures.
 *
 * <p><b>Candidates.</b> {@link #candidates} finds indexed articles sharing text with a query
 * article by a disjunction over its LSH band keys, sampled shingles and spin-robust features, each
 * family of terms weighted to contribute at most 1, then re-ranks the best hits on their stored
 * fingerprints.
 *
 * <p>Thread-safe: any number of threads may put, remove, search and commit concurrently.
 */
public final class ArticleIndex implements Closeable {
  /** The default data folder. */
  public static final Path DEFAULT_DIR = Path.of("wiretrace-data");

  /** Default number of candidates returned by {@link #candidates(Fingerprint, String, int)}. */
  public static final int DEFAULT_CANDIDATES = 20;

  /** Spin evidence counts this much against shingle evidence in the ranking score. */
  public static final double SPIN_WEIGHT = 0.95;

  /** Terms per family (sampled shingles, immutable n-grams) used in a candidate query. */
  public static final int QUERY_TERMS = 32;

  /** Spin and name terms found in more than this share of articles are not used in queries. */
  public static final double MAX_TERM_SHARE = 0.002;

  /** Segments per tier of the merge policy (Lucene's default is 10). */
  static final int SEGMENTS_PER_TIER = 4;

  /** Topic terms found in more than this share of articles are not used in queries. */
  public static final double MAX_TOPIC_SHARE = 0.02;

  /** Spin and name terms found in fewer articles than this are always used. */
  public static final int MIN_PRUNE_DF = 500;

  /** Searchers without the query cache: candidate queries are all different. */
  private static final SearcherFactory NO_CACHE =
      new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
          IndexSearcher s = new IndexSearcher(reader);
          s.setQueryCache(null);
          return s;
        }
      };

  private final Path path;
  private final Directory dir;
  private final IndexWriter writer;

  /**
   * Whether the writer may hold changes made since the last {@link #commit()} (set whenever it is
   * handed out for writing, cleared by a commit): {@link #close()} then discards them.
   */
  private volatile boolean uncommitted;

  private final SearcherManager searchers;
  private final Fingerprinter fingerprinter;
  private final AtomicLong seq;

  private ArticleIndex(
      Path path, Directory dir, IndexWriter writer, SearcherManager searchers, long seq) {
    this.path = path;
    this.dir = dir;
    this.writer = writer;
    this.searchers = searchers;
    this.fingerprinter = new Fingerprinter();
    this.seq = new AtomicLong(seq);
  }

  /**
   * Opens the index in {@code path} for reading and writing, creating it (and the folder) when the
   * folder is empty or absent.
   *
   * @throws IndexOpenException when the folder holds a newer, corrupt or foreign index, or another
   *     process writes to it; nothing is modified then
   */
  public static ArticleIndex open(Path path) throws IOException {
    Files.createDirectories(path);
    Directory dir = FSDirectory.open(path);
    try {
      Map<String, String> data = StoreCheck.committedData(dir, path);
      IndexWriterConfig cfg = new IndexWriterConfig();
      cfg.setOpenMode(
          data == null ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND);
      cfg.setRAMBufferSizeMB(64);
      cfg.setCodec(IndexCodec.CODEC); // Bloom filters on the hashed lookup fields
      // fewer segments: every candidate query seeks each segment's term dictionary once per term
      org.apache.lucene.index.TieredMergePolicy merges =
          new org.apache.lucene.index.TieredMergePolicy();
      merges.setSegmentsPerTier(SEGMENTS_PER_TIER);
      cfg.setMergePolicy(merges);
      // close() commits only merges, never changes: see close()
      cfg.setCommitOnClose(true);
      IndexWriter w;
      try {
        w = new IndexWriter(dir, cfg);
      } catch (LockObtainFailedException e) {
        throw new IndexOpenException(
            IndexOpenException.Reason.LOCKED,
            path,
            path
                + " is in use by another wiretrace process (write lock held); wait for it to finish",
            e);
      } catch (CorruptIndexException | EOFException | NoSuchFileException e) {
        throw StoreCheck.corrupt(path, e);
      }
      long next = data == null ? 0 : Long.parseLong(data.getOrDefault(KEY_SEQ, "0"));
      ArticleIndex index;
      try {
        // opens every segment: headers, footers and segment infos are verified here
        index = new ArticleIndex(path, dir, w, new SearcherManager(w, NO_CACHE), next);
      } catch (CorruptIndexException | EOFException | NoSuchFileException e) {
        w.rollback(); // nothing was written: the commit stays as it was
        throw StoreCheck.corrupt(path, e);
      } catch (IOException | RuntimeException e) {
        w.rollback();
        throw e;
      }
      if (data == null) {
        index.commit();
      }
      return index;
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  /**
   * Opens the committed state of the index in {@code path} for reading only; {@link #refresh()}
   * moves to newer commits made by a writer in another thread or process.
   */
  public static ArticleIndex openReadOnly(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      throw new IndexOpenException(
          IndexOpenException.Reason.NOT_AN_INDEX,
          path,
          "no index at " + path + " (no such folder)",
          null);
    }
    Directory dir = FSDirectory.open(path);
    try {
      Map<String, String> data = StoreCheck.committedData(dir, path);
      if (data == null) {
        throw new IndexOpenException(
            IndexOpenException.Reason.NOT_AN_INDEX,
            path,
            "no index at " + path + " (empty folder)",
            null);
      }
      SearcherManager sm;
      try {
        sm = new SearcherManager(dir, NO_CACHE);
      } catch (CorruptIndexException | EOFException | NoSuchFileException e) {
        throw StoreCheck.corrupt(path, e);
      }
      return new ArticleIndex(path, dir, null, sm, Long.parseLong(data.getOrDefault(KEY_SEQ, "0")));
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  public Path path() {
    return path;
  }

  public Fingerprinter fingerprinter() {
    return fingerprinter;
  }

  /** The sequence number the next new article gets: articles put before now have smaller ones. */
  public long nextSeq() {
    return seq.get();
  }

  public boolean readOnly() {
    return writer == null;
  }

  private IndexWriter writer() {
    if (writer == null) {
      throw new IllegalStateException("index at " + path + " was opened read-only");
    }
    uncommitted = true;
    return writer;
  }

  /** The content hash deciding whether a re-scanned article changed: SHA-256 of title and text. */
  public static String contentHash(Article a) {
    MessageDigest sha = sha256();
    sha.update(a.title().getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
    sha.update(a.text().getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(sha.digest(), 0, 16);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Adds, replaces or skips {@code article}; see {@link PutResult}. */
  public PutResult put(Article article) throws IOException {
    return put(article, Tokens.of(article.text()));
  }

  /** Adds, replaces or skips {@code article} whose tokens are already at hand. */
  public PutResult put(Article article, Tokens tokens) throws IOException {
    return put(article, fingerprinter.of(tokens));
  }

  /**
   * Adds, replaces or skips {@code article} whose fingerprint (by this index's {@link
   * #fingerprinter()}) is already at hand.
   */
  public PutResult put(Article article, Fingerprint fp) throws IOException {
    return put(article, fp, TopicVector.EMPTY, null);
  }

  /**
   * Adds, replaces or skips {@code article} with its fingerprint, its topic vector (for {@link
   * #topicNeighbours}) and the caller's {@code payload} (kept as stored bytes, may be null; read
   * back by {@link #forEachArticle(BiConsumer)}).
   */
  public PutResult put(Article article, Fingerprint fp, TopicVector topic, byte[] payload)
      throws IOException {
    java.util.Objects.requireNonNull(topic, "topic");
    String hash = contentHash(article);
    IndexSearcher s = searchers.acquire();
    PutResult result;
    try {
      if (s.count(new TermQuery(new Term(F_ID_HASH, article.id() + "|" + hash))) > 0) {
        return PutResult.UNCHANGED;
      }
      result =
          s.count(new TermQuery(new Term(F_ID, article.id()))) > 0
              ? PutResult.REPLACED
              : PutResult.ADDED;
    } finally {
      searchers.release(s);
    }
    writer()
        .updateDocument(
            new Term(F_ID, article.id()),
            ArticleDocuments.of(article, hash, fp, topic, payload, seq.getAndIncrement()));
    return result;
  }

  /**
   * One article for {@link #putAll}: what {@link #put(Article, Fingerprint, TopicVector, byte[])}
   * takes.
   */
  public record Put(Article article, Fingerprint fingerprint, TopicVector topic, byte[] payload) {
    public Put {
      java.util.Objects.requireNonNull(article, "article");
      java.util.Objects.requireNonNull(fingerprint, "fingerprint");
      java.util.Objects.requireNonNull(topic, "topic");
    }
  }

  /**
   * Adds, replaces or skips each of {@code puts} (distinct ids) as {@link #put(Article,
   * Fingerprint, TopicVector, byte[])} does, on the common fork-join pool: the content checks and
   * the indexing of the documents (Lucene's writer indexes in parallel) run concurrently, while the
   * sequence numbers follow the list order. Returns the results in list order.
   */
  public List<PutResult> putAll(List<Put> puts) throws IOException {
    int n = puts.size();
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (Put p : puts) {
      if (!ids.add(p.article().id())) {
        throw new IllegalArgumentException("id put twice: " + p.article().id());
      }
    }
    IndexWriter w = writer();
    String[] hashes = new String[n];
    PutResult[] results = new PutResult[n];
    IndexSearcher s = searchers.acquire();
    try {
      java.util.stream.IntStream.range(0, n)
          .parallel()
          .forEach(
              i -> {
                Article a = puts.get(i).article();
                hashes[i] = contentHash(a);
                try {
                  if (s.count(new TermQuery(new Term(F_ID_HASH, a.id() + "|" + hashes[i]))) > 0) {
                    results[i] = PutResult.UNCHANGED;
                  } else {
                    results[i] =
                        s.count(new TermQuery(new Term(F_ID, a.id()))) > 0
                            ? PutResult.REPLACED
                            : PutResult.ADDED;
                  }
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      searchers.release(s);
    }
    long[] seqs = new long[n];
    for (int i = 0; i < n; i++) {
      seqs[i] = results[i] == PutResult.UNCHANGED ? -1 : seq.getAndIncrement();
    }
    try {
      java.util.stream.IntStream.range(0, n)
          .parallel()
          .filter(i -> seqs[i] >= 0)
          .forEach(
              i -> {
                Put p = puts.get(i);
                try {
                  w.updateDocument(
                      new Term(F_ID, p.article().id()),
                      ArticleDocuments.of(
                          p.article(),
                          hashes[i],
                          p.fingerprint(),
                          p.topic(),
                          p.payload(),
                          seqs[i]));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return List.of(results);
  }

  /** Heaviest topic terms indexed per article (and used per query). */
  public static final int TOPIC_TERMS = 16;

  public boolean remove(String id) throws IOException {
    boolean known;
    IndexSearcher s = searchers.acquire();
    try {
      known = s.count(new TermQuery(new Term(F_ID, id))) > 0;
    } finally {
      searchers.release(s);
    }
    writer().deleteDocuments(new Term(F_ID, id), new Term(F_REF, id));
    return known;
  }

  /**
   * Removes every record that references article {@code id} (its relations, before the article is
   * judged again), keeping the article.
   */
  public void removeRecordsReferencing(String id) throws IOException {
    writer().deleteDocuments(new Term(F_REF, id));
  }

  /** The visible articles read from {@code origin} (a path, or a path and record locator). */
  public List<StoredArticle> atOrigin(String origin) throws IOException {
    List<StoredArticle> out = new ArrayList<>();
    BooleanQuery q =
        new BooleanQuery.Builder()
            .add(
                new TermQuery(new Term(F_ORIGIN, ArticleDocuments.originTerm(origin))),
                BooleanClause.Occur.FILTER)
            .add(new TermQuery(new Term(F_KIND, KIND_ARTICLE)), BooleanClause.Occur.FILTER)
            .build();
    forEach(
        q,
        d -> {
          StoredArticle a = ArticleDocuments.article(d);
          if (a.article().origin().equals(origin)) { // a digest's match is checked
            out.add(a);
          }
        });
    return out;
  }

  /** Adds or replaces a record (relation, family, story). */
  public void putRecord(StoreRecord r) throws IOException {
    putRecord(r, null);
  }

  /**
   * Keeps {@code r} with {@code figures} (null: none), a compact form of its payload kept as binary
   * doc values, which {@link #forEachRecordFigures} reads without decompressing any stored payload.
   */
  public void putRecord(StoreRecord r, byte[] figures) throws IOException {
    putRecord(r, figures, null);
  }

  private void putRecord(StoreRecord r, byte[] figures, byte[] digest) throws IOException {
    writer()
        .updateDocument(
            new Term(F_RKEY, RecordDocuments.rkey(r.kind(), r.key())),
            RecordDocuments.of(r, figures, digest));
  }

  /**
   * Keeps {@code bytes} as the state named {@code key} (replacing the one before): a pipeline
   * stage's state between scans, written in the same commit as what it describes.
   */
  public void putState(String key, byte[] bytes) throws IOException {
    java.util.Objects.requireNonNull(bytes, "bytes");
    Document d = new Document();
    d.add(new StringField(F_KIND, KIND_STATE, Field.Store.YES));
    d.add(new StringField(F_RKEY, RecordDocuments.rkey(KIND_STATE, key), Field.Store.YES));
    d.add(new StoredField(F_STATE, bytes));
    writer().updateDocument(new Term(F_RKEY, RecordDocuments.rkey(KIND_STATE, key)), d);
  }

  /** Removes the state named {@code key}, if one was kept. */
  public void removeState(String key) throws IOException {
    writer().deleteDocuments(new Term(F_RKEY, RecordDocuments.rkey(KIND_STATE, key)));
  }

  /** The visible state named {@code key}, if one was kept ({@link #putState}). */
  public Optional<byte[]> state(String key) throws IOException {
    return storedBytes(new Term(F_RKEY, RecordDocuments.rkey(KIND_STATE, key)), F_STATE);
  }

  /** Removes the record {@code (kind, key)} if present. */
  public void removeRecord(String kind, String key) throws IOException {
    writer().deleteDocuments(new Term(F_RKEY, RecordDocuments.rkey(kind, key)));
  }

  /** What {@link #replaceRecords} did. */
  public record Replaced(int kept, int written, int removed) {}

  /**
   * Makes the visible records of {@code kind} exactly {@code records}, writing only those new or
   * changed and removing only those gone, so that replacing the stories of a large store after a
   * few articles were added rewrites a few records, not all (nor merges them all again). Each
   * record written here carries a digest of its key, references, payload and tags ({@value
   * #F_DIGEST} binary doc values: 16 bytes of SHA-256, then {@code kind NUL key}), read back by the
   * next replacement; when a record of {@code kind} carries none (written otherwise, or before
   * format 4) all of them are removed and {@code records} written.
   *
   * @throws IllegalArgumentException when a record is of another kind, or two share a key
   */
  public Replaced replaceRecords(String kind, Collection<StoreRecord> records) throws IOException {
    writer(); // read-write only
    // what is kept must be read as it stands now, this writer's uncommitted changes included: a
    // record deleted since the last refresh and unchanged in the new set must be written again
    searchers.maybeRefreshBlocking();
    Map<String, String> kept = new HashMap<>(); // digest (hex) -> kind NUL key, of visible records
    boolean[] undigested = {false};
    forEachLive(
        new TermQuery(new Term(F_KIND, kind)),
        leaf -> {
          BinaryDocValues digests = leaf.getBinaryDocValues(F_DIGEST);
          return doc -> {
            if (digests != null && digests.advanceExact(doc)) {
              BytesRef b = digests.binaryValue();
              kept.put(
                  HexFormat.of().formatHex(b.bytes, b.offset, RecordDocuments.DIGEST_BYTES),
                  new String(
                      b.bytes,
                      b.offset + RecordDocuments.DIGEST_BYTES,
                      b.length - RecordDocuments.DIGEST_BYTES,
                      StandardCharsets.UTF_8));
            } else {
              undigested[0] = true;
            }
          };
        });
    int removed = 0;
    if (undigested[0]) {
      removed = countRecords(kind);
      removeRecords(kind);
      kept.clear();
    }
    Set<String> keys = new HashSet<>();
    int unchanged = 0;
    int written = 0;
    for (StoreRecord r : records) {
      if (!r.kind().equals(kind)) {
        throw new IllegalArgumentException(
            "a record of kind '" + r.kind() + "' among those of kind '" + kind + "'");
      }
      String rkey = RecordDocuments.rkey(kind, r.key());
      if (!keys.add(rkey)) {
        throw new IllegalArgumentException(
            "two records of kind '" + kind + "' with key " + r.key());
      }
      byte[] digest = RecordDocuments.digest(rkey, r);
      if (kept.remove(HexFormat.of().formatHex(digest, 0, RecordDocuments.DIGEST_BYTES)) != null) {
        unchanged++;
      } else {
        putRecord(r, null, digest); // replaces the record of the same key, if any
        written++;
      }
    }
    for (String gone : kept.values()) {
      if (!keys.contains(gone)) {
        writer().deleteDocuments(new Term(F_RKEY, gone));
        removed++;
      }
    }
    return new Replaced(unchanged, written, removed);
  }

  /**
   * Makes the visible records of {@code kind} keyed by one of {@code keys} or by one of {@code
   * records} exactly {@code records}, as {@link #replaceRecords(String, Collection)} does for all
   * records of the kind: those new or changed (by digest) are written, with their digest, and those
   * of {@code keys} not among them removed; records of other keys are left as they are. The story
   * step of a scan that touched a few stories replaces just those.
   *
   * @throws IllegalArgumentException when a record is of another kind, or two share a key
   */
  public Replaced replaceRecords(
      String kind, Collection<String> keys, Collection<StoreRecord> records) throws IOException {
    writer(); // read-write only
    searchers.maybeRefreshBlocking(); // this writer's uncommitted changes included
    Set<String> rkeys = new HashSet<>();
    for (String k : keys) {
      rkeys.add(RecordDocuments.rkey(kind, k));
    }
    Set<String> written = new HashSet<>();
    for (StoreRecord r : records) {
      if (!r.kind().equals(kind)) {
        throw new IllegalArgumentException(
            "a record of kind '" + r.kind() + "' among those of kind '" + kind + "'");
      }
      String rkey = RecordDocuments.rkey(kind, r.key());
      if (!written.add(rkey)) {
        throw new IllegalArgumentException(
            "two records of kind '" + kind + "' with key " + r.key());
      }
      rkeys.add(rkey);
    }
    Set<String> kept = new HashSet<>(); // digests (hex) of the visible records of those keys
    Set<String> present = new HashSet<>(); // their kind NUL key
    if (!rkeys.isEmpty()) {
      forEachLive(
          termsIn(F_RKEY, rkeys),
          leaf -> {
            BinaryDocValues digests = leaf.getBinaryDocValues(F_DIGEST);
            StoredFields storedFields = leaf.storedFields();
            return doc -> {
              present.add(storedFields.document(doc, Set.of(F_RKEY)).get(F_RKEY));
              if (digests != null && digests.advanceExact(doc)) {
                BytesRef b = digests.binaryValue();
                kept.add(HexFormat.of().formatHex(b.bytes, b.offset, RecordDocuments.DIGEST_BYTES));
              }
            };
          });
    }
    int unchanged = 0;
    int put = 0;
    for (StoreRecord r : records) {
      String rkey = RecordDocuments.rkey(kind, r.key());
      byte[] digest = RecordDocuments.digest(rkey, r);
      if (kept.contains(HexFormat.of().formatHex(digest, 0, RecordDocuments.DIGEST_BYTES))) {
        unchanged++;
      } else {
        putRecord(r, null, digest); // replaces the record of the same key, if any
        put++;
      }
    }
    int removed = 0;
    for (String gone : present) {
      if (!written.contains(gone)) {
        writer().deleteDocuments(new Term(F_RKEY, gone));
        removed++;
      }
    }
    return new Replaced(unchanged, put, removed);
  }

  /** Removes all records of {@code kind}. */
  public void removeRecords(String kind) throws IOException {
    if (kind.equals(KIND_ARTICLE)) {
      throw new IllegalArgumentException("use remove(id) for articles");
    }
    writer().deleteDocuments(new Term(F_KIND, kind));
  }

  /** Makes all changes durable and visible to other readers, atomically. */
  public void commit() throws IOException {
    IndexWriter w = writer();
    synchronized (this) {
      Map<String, String> data = new HashMap<>();
      data.put(KEY_FORMAT, Integer.toString(VERSION));
      data.put(KEY_SEQ, Long.toString(seq.get()));
      w.setLiveCommitData(data.entrySet());
      uncommitted = false; // before: a change made during the commit sets it again
      w.commit();
    }
    searchers.maybeRefresh();
  }

  /**
   * Makes searches see the latest changes (read-write) or the latest commit (read-only). A writer's
   * in-memory segments (one per thread that indexed) are first written out on the common pool, in
   * parallel, so that the reopen, which would write them one after the other in this thread, finds
   * nothing left to write.
   */
  public void refresh() throws IOException {
    if (writer != null) {
      try {
        java.util.stream.IntStream.range(
                0, java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 1)
            .parallel()
            .forEach(
                i -> {
                  try {
                    writer.flushNextBuffer();
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
    searchers.maybeRefreshBlocking();
  }

  /** The article count of one searcher's reader, remembered for the next searches. */
  private record ArticleCount(IndexReader reader, int count) {}

  private volatile ArticleCount lastCount = new ArticleCount(null, 0);

  /**
   * The articles visible to {@code s}: the base of the document-frequency cut-offs, which are
   * shares of the stored articles (not of all documents, which include relation, family and story
   * records). Counted once per reader.
   */
  private int articles(IndexSearcher s) throws IOException {
    ArticleCount c = lastCount;
    if (c.reader() != s.getIndexReader()) {
      c =
          new ArticleCount(
              s.getIndexReader(), s.count(new TermQuery(new Term(F_KIND, KIND_ARTICLE))));
      lastCount = c;
    }
    return c.count();
  }

  /** Number of articles visible to searches. */
  public int articleCount() throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      return s.count(new TermQuery(new Term(F_KIND, KIND_ARTICLE)));
    } finally {
      searchers.release(s);
    }
  }

  /** The article {@code id}, if indexed and visible. */
  public Optional<StoredArticle> get(String id) throws IOException {
    return byId(id, (s, doc) -> ArticleDocuments.article(s.storedFields().document(doc)));
  }

  /** The fingerprint stored for article {@code id}, if indexed and visible. */
  public Optional<Fingerprint> fingerprint(String id) throws IOException {
    return byId(id, (s, doc) -> fingerprint(s.getIndexReader(), doc));
  }

  /** Reads one value of a visible document. */
  @FunctionalInterface
  private interface DocReader<T> {
    T read(IndexSearcher s, int doc) throws IOException;
  }

  /**
   * {@code reader}'s value for the visible document of article {@code id}, if there is one (and the
   * reader gives one: it may return null).
   */
  private <T> Optional<T> byId(String id, DocReader<T> reader) throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      TopDocs td = s.search(new TermQuery(new Term(F_ID, id)), 1);
      return td.scoreDocs.length == 0
          ? Optional.empty()
          : Optional.ofNullable(reader.read(s, td.scoreDocs[0].doc));
    } finally {
      searchers.release(s);
    }
  }

  private static Fingerprint fingerprint(IndexReader reader, int doc) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    BinaryDocValues dv = leaf.reader().getBinaryDocValues(F_FP);
    if (dv == null || !dv.advanceExact(doc - leaf.docBase)) {
      throw new CorruptIndexException("article without fingerprint", "doc " + doc);
    }
    BytesRef b = dv.binaryValue();
    return Fingerprint.decode(b.bytes, b.offset, b.length);
  }

  /** Calls {@code action} for every visible article, in index order. */
  public void forEachArticle(Consumer<StoredArticle> action) throws IOException {
    forEach(
        new TermQuery(new Term(F_KIND, KIND_ARTICLE)),
        d -> action.accept(ArticleDocuments.article(d)));
  }

  /**
   * Calls {@code action} for every visible article with the payload it was put with (null when
   * none), in index order.
   */
  public void forEachArticle(BiConsumer<StoredArticle, byte[]> action) throws IOException {
    forEachArticle(null, action);
  }

  /**
   * Calls {@code action} for every visible article with the payload it was put with (null when
   * none), in index order, <em>without its text</em>: the article handed over has an empty {@link
   * Article#text()} (every other field as stored). Lucene skips the text when it decodes the stored
   * fields, so a pass over a large store holds no article's text; {@link #get} reads a whole one.
   */
  public void forEachArticleWithoutText(BiConsumer<StoredArticle, byte[]> action)
      throws IOException {
    forEachArticle(WITHOUT_TEXT, action);
  }

  /**
   * Calls {@code action} for each visible article among {@code ids} with its payload (null when
   * none), without its text, as {@link #forEachArticleWithoutText(BiConsumer)} does for all: what
   * the story step after a scan reads of the few articles the new ones touch. Ids not stored are
   * skipped.
   */
  public void forEachArticleWithoutText(
      Collection<String> ids, BiConsumer<StoredArticle, byte[]> action) throws IOException {
    if (!ids.isEmpty()) {
      forEachArticle(
          new BooleanQuery.Builder()
              .add(new TermQuery(new Term(F_KIND, KIND_ARTICLE)), BooleanClause.Occur.FILTER)
              .add(termsIn(F_ID, ids), BooleanClause.Occur.FILTER)
              .build(),
          WITHOUT_TEXT,
          action);
    }
  }

  /** The documents holding one of {@code values} in {@code field}. */
  private static Query termsIn(String field, Collection<String> values) {
    return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
  }

  /**
   * Every visible article with its payload, reading only {@code fields} (null: all). Documents
   * written since format 4 keep the payload and every field but the text in {@link #F_META} doc
   * values, so a pass {@link #WITHOUT_TEXT} reads no stored field of theirs; older ones are read
   * from their stored fields.
   */
  private void forEachArticle(Set<String> fields, BiConsumer<StoredArticle, byte[]> action)
      throws IOException {
    forEachArticle(new TermQuery(new Term(F_KIND, KIND_ARTICLE)), fields, action);
  }

  /** {@link #forEachArticle(Set, BiConsumer)} over the articles matching {@code articles}. */
  private void forEachArticle(
      Query articles, Set<String> fields, BiConsumer<StoredArticle, byte[]> action)
      throws IOException {
    forEachLive(
        articles,
        leaf -> {
          StoredFields storedFields = leaf.storedFields();
          BinaryDocValues meta = leaf.getBinaryDocValues(F_META);
          return doc -> {
            if (meta != null && meta.advanceExact(doc)) {
              BytesRef b = meta.binaryValue();
              ArticleMeta.Decoded m = ArticleMeta.decode(b.bytes, b.offset, b.length, "doc " + doc);
              // with the text: the stored fields, all of them
              action.accept(
                  fields == null
                      ? ArticleDocuments.article(storedFields.document(doc))
                      : m.article(),
                  m.payload());
            } else {
              Document d =
                  fields == null ? storedFields.document(doc) : storedFields.document(doc, fields);
              BytesRef p = d.getBinaryValue(F_PAYLOAD);
              action.accept(
                  ArticleDocuments.article(d),
                  p == null
                      ? null
                      : java.util.Arrays.copyOfRange(p.bytes, p.offset, p.offset + p.length));
            }
          };
        });
  }

  /** The stored fields of an article but its text. */
  private static final Set<String> WITHOUT_TEXT =
      Set.of(
          F_ID,
          F_ORIGIN,
          F_TITLE,
          F_URL,
          F_SITE,
          F_BYLINE,
          F_PUBLISHED,
          F_LANGUAGE,
          F_REPAIRS,
          F_HASH,
          F_SEQ,
          F_PAYLOAD);

  /** The payload article {@code id} was put with, if indexed, visible and put with one. */
  public Optional<byte[]> payload(String id) throws IOException {
    Optional<ArticleMeta.Decoded> fromMeta =
        byId(
            id,
            (s, doc) -> {
              List<LeafReaderContext> leaves = s.getIndexReader().leaves();
              LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
              BinaryDocValues meta = leaf.reader().getBinaryDocValues(F_META);
              if (meta == null || !meta.advanceExact(doc - leaf.docBase)) {
                return null; // written before format 4
              }
              BytesRef b = meta.binaryValue();
              return ArticleMeta.decode(b.bytes, b.offset, b.length, "article " + id);
            });
    if (fromMeta.isPresent()) {
      return Optional.ofNullable(fromMeta.get().payload());
    }
    return storedBytes(new Term(F_ID, id), F_PAYLOAD);
  }

  /** The stored bytes of {@code field} in the first visible document holding {@code term}. */
  private Optional<byte[]> storedBytes(Term term, String field) throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      TopDocs td = s.search(new TermQuery(term), 1);
      if (td.scoreDocs.length == 0) {
        return Optional.empty();
      }
      BytesRef b =
          s.storedFields()
              .document(td.scoreDocs[0].doc, java.util.Set.of(field))
              .getBinaryValue(field);
      return b == null
          ? Optional.empty()
          : Optional.of(java.util.Arrays.copyOfRange(b.bytes, b.offset, b.offset + b.length));
    } finally {
      searchers.release(s);
    }
  }

  /** Calls {@code action} for every visible record of {@code kind}. */
  public void forEachRecord(String kind, Consumer<StoreRecord> action) throws IOException {
    forEach(new TermQuery(new Term(F_KIND, kind)), d -> action.accept(RecordDocuments.record(d)));
  }

  /**
   * Calls {@code action} for every visible record of {@code kind} whose key is one of {@code keys}.
   */
  public void forEachRecordWithKey(
      String kind, Collection<String> keys, Consumer<StoreRecord> action) throws IOException {
    if (!keys.isEmpty()) {
      forEach(
          termsIn(F_RKEY, keys.stream().map(k -> RecordDocuments.rkey(kind, k)).toList()),
          d -> action.accept(RecordDocuments.record(d)));
    }
  }

  /**
   * Calls {@code action} for every visible record of {@code kind} that references one of the
   * articles {@code ids} (once per record, whatever the number of them it references).
   */
  public void forEachRecordReferencing(
      String kind, Collection<String> ids, Consumer<StoreRecord> action) throws IOException {
    if (!ids.isEmpty()) {
      forEach(
          new BooleanQuery.Builder()
              .add(new TermQuery(new Term(F_KIND, kind)), BooleanClause.Occur.FILTER)
              .add(termsIn(F_REF, ids), BooleanClause.Occur.FILTER)
              .build(),
          d -> action.accept(RecordDocuments.record(d)));
    }
  }

  /**
   * The figures ({@link #putRecord(StoreRecord, byte[])}) of the visible records of {@code kind}
   * carrying one of {@code tags}, read from doc values; records kept without figures are read whole
   * and given to {@code withoutFigures}.
   */
  public void forEachRecordFigures(
      String kind,
      Collection<String> tags,
      Consumer<byte[]> action,
      Consumer<StoreRecord> withoutFigures)
      throws IOException {
    forEachRecordFigures(tagged(kind, tags), action, withoutFigures);
  }

  /**
   * {@link #forEachRecordFigures(String, Collection, Consumer, Consumer)} of the records that
   * reference one of the articles {@code ids} (once per record).
   */
  public void forEachRecordFiguresReferencing(
      String kind,
      Collection<String> tags,
      Collection<String> ids,
      Consumer<byte[]> action,
      Consumer<StoreRecord> withoutFigures)
      throws IOException {
    if (!ids.isEmpty()) {
      forEachRecordFigures(
          new BooleanQuery.Builder()
              .add(tagged(kind, tags), BooleanClause.Occur.FILTER)
              .add(termsIn(F_REF, ids), BooleanClause.Occur.FILTER)
              .build(),
          action,
          withoutFigures);
    }
  }

  private void forEachRecordFigures(
      Query records, Consumer<byte[]> action, Consumer<StoreRecord> withoutFigures)
      throws IOException {
    forEachLive(
        records,
        leaf -> {
          BinaryDocValues figures = leaf.getBinaryDocValues(F_FIGURES);
          StoredFields storedFields = leaf.storedFields();
          return doc -> {
            if (figures != null && figures.advanceExact(doc)) {
              BytesRef b = figures.binaryValue();
              action.accept(java.util.Arrays.copyOfRange(b.bytes, b.offset, b.offset + b.length));
            } else {
              withoutFigures.accept(RecordDocuments.record(storedFields.document(doc)));
            }
          };
        });
  }

  /** Number of visible records of {@code kind} (none of their payloads is read). */
  public int countRecords(String kind) throws IOException {
    return count(new TermQuery(new Term(F_KIND, kind)));
  }

  /** Number of visible records of {@code kind} carrying {@code tag} (no payload is read). */
  public int countRecords(String kind, String tag) throws IOException {
    return count(tagged(kind, List.of(tag)));
  }

  private static Query tagged(String kind, Collection<String> tags) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String t : tags) {
      any.add(new TermQuery(new Term(F_TAG, t)), BooleanClause.Occur.SHOULD);
    }
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term(F_KIND, kind)), BooleanClause.Occur.FILTER)
        .add(any.build(), BooleanClause.Occur.FILTER)
        .build();
  }

  private int count(Query q) throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      return s.count(q);
    } finally {
      searchers.release(s);
    }
  }

  /** The visible records that reference article {@code id}. */
  public List<StoreRecord> recordsReferencing(String id) throws IOException {
    List<StoreRecord> out = new ArrayList<>();
    forEach(new TermQuery(new Term(F_REF, id)), d -> out.add(RecordDocuments.record(d)));
    return out;
  }

  private void forEach(Query q, Consumer<Document> action) throws IOException {
    forEach(q, null, action);
  }

  /** Visits the visible documents matching {@code q}, reading only {@code fields} (null: all). */
  private void forEach(Query q, Set<String> only, Consumer<Document> action) throws IOException {
    forEachLive(
        q,
        leaf -> {
          StoredFields storedFields = leaf.storedFields();
          return doc ->
              action.accept(
                  only == null ? storedFields.document(doc) : storedFields.document(doc, only));
        });
  }

  /** What to do with each live matching document of one segment. */
  @FunctionalInterface
  private interface LeafVisitor {
    DocVisitor enter(org.apache.lucene.index.LeafReader leaf) throws IOException;
  }

  @FunctionalInterface
  private interface DocVisitor {
    void visit(int doc) throws IOException;
  }

  /** Visits the live documents matching {@code q}, segment by segment, in doc id order. */
  private void forEachLive(Query q, LeafVisitor visitor) throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      Weight w = s.createWeight(s.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1);
      for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
        var scorer = w.scorer(leaf);
        if (scorer == null) {
          continue;
        }
        DocVisitor docs = visitor.enter(leaf.reader());
        var live = leaf.reader().getLiveDocs();
        DocIdSetIterator it = scorer.iterator();
        for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
          if (live == null || live.get(doc)) {
            docs.visit(doc);
          }
        }
      }
    } finally {
      searchers.release(s);
    }
  }

  /** Candidates for {@code article} (not added), best first; the article's own id is excluded. */
  public List<Candidate> candidates(Article article, Tokens tokens, int limit) throws IOException {
    return candidates(fingerprinter.of(tokens), article.id(), limit);
  }

  /**
   * The indexed articles most likely to share text with a text of fingerprint {@code fp}, best
   * first (score, then id), at most {@code limit}; {@code excludeId} (may be null) is left out.
   * First stage: a {@link TermDisjunction} over the text's LSH band keys, short-text shingles, up
   * to {@link #QUERY_TERMS} sampled shingles and up to {@link #QUERY_TERMS} immutable n-grams
   * (those in more than {@link #MAX_TERM_SHARE} of the articles left out), each family weighted to
   * add at most 1; second stage: its best {@code 3 * limit} (at least 30) re-ranked on their stored
   * fingerprints ({@link Candidate#of}).
   */
  public List<Candidate> candidates(Fingerprint fp, String excludeId, int limit)
      throws IOException {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, got " + limit);
    }
    IndexSearcher s = searchers.acquire();
    try {
      IndexReader reader = s.getIndexReader();
      int maxDf = Math.max(MIN_PRUNE_DF, (int) (articles(s) * MAX_TERM_SHARE));
      TermDisjunction q = new TermDisjunction(reader);
      addFamily(q, F_LSH, ArticleDocuments.longs(fp.bandKeys()), Integer.MAX_VALUE);
      addFamily(q, F_SHORT, ArticleDocuments.longs(fp.shortShingles()), Integer.MAX_VALUE);
      addFamily(q, F_SAMPLE, ArticleDocuments.longs(fp.sample()), Integer.MAX_VALUE);
      addFamily(q, F_SPIN, ArticleDocuments.ints(fp.indexedSpinGrams()), maxDf);
      if (q.size() == 0) {
        return List.of();
      }
      List<Candidate> out = new ArrayList<>();
      StoredHits hits = new StoredHits(reader, q.best(Math.max(limit * 3, 30), F_ID));
      while (hits.next()) {
        String id = hits.id();
        if (id != null && !id.equals(excludeId)) {
          Fingerprint other = hits.fingerprint();
          if (other != null) {
            out.add(Candidate.of(id, fp, other));
          }
        }
      }
      out.sort(
          Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::id));
      return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    } finally {
      searchers.release(s);
    }
  }

  /**
   * Adds one family of candidate terms to {@code q}: at most {@link #QUERY_TERMS} of them, the
   * smallest hashes (a bottom-k sample that two similar sets share in proportion to their overlap,
   * Broder 1997), leaving out terms no article or more than {@code maxDf} articles hold; each
   * weighs {@code 1 / min(terms, QUERY_TERMS)}, so the family adds at most 1.
   */
  private static void addFamily(TermDisjunction q, String field, BytesRef[] terms, int maxDf)
      throws IOException {
    if (terms.length > 0) {
      float w = 1f / Math.min(terms.length, QUERY_TERMS);
      q.addFirst(field, terms, QUERY_TERMS, w, maxDf);
    }
  }

  /**
   * The indexed articles whose topic vectors are nearest to {@code topic}, best first (similarity,
   * then id), at most {@code limit}, each with a similarity of at least {@code minSimilarity};
   * {@code excludeId} (may be null) is left out. First stage: a {@link TermDisjunction} over the
   * query's {@value #TOPIC_TERMS} heaviest terms, each scoring its weight (terms in more than
   * {@value #MAX_TOPIC_SHARE} of the articles are left out); second stage: the best {@code 3 *
   * limit} (at least 30) hits re-ranked by the dot product of the stored truncated vectors (a lower
   * bound of the full cosine).
   */
  public List<Neighbour> topicNeighbours(
      TopicVector topic, String excludeId, int limit, double minSimilarity) throws IOException {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, got " + limit);
    }
    if (topic.size() == 0) {
      return List.of();
    }
    IndexSearcher s = searchers.acquire();
    try {
      IndexReader reader = s.getIndexReader();
      int maxDf = Math.max(MIN_PRUNE_DF, (int) (articles(s) * MAX_TOPIC_SHARE));
      int[] heaviest = topic.heaviest(TOPIC_TERMS);
      BytesRef[] terms = new BytesRef[heaviest.length];
      double[] weights = new double[heaviest.length];
      for (int k = 0; k < heaviest.length; k++) {
        terms[k] = ArticleDocuments.longTerm(topic.terms()[heaviest[k]]);
        // a float, as a Lucene boost is and as the Spark job ranks them
        weights[k] = (float) topic.weights()[heaviest[k]];
      }
      TermDisjunction q = new TermDisjunction(reader);
      if (q.addAll(F_TOPIC, terms, weights, maxDf) == 0) {
        return List.of();
      }
      List<Neighbour> out = new ArrayList<>();
      StoredHits hits = new StoredHits(reader, q.best(Math.max(limit * 3, 30), F_ID));
      while (hits.next()) {
        String id = hits.id();
        if (id != null && !id.equals(excludeId) && hits.hasTopic()) {
          Neighbour n = hits.neighbour(topic);
          if (n.similarity() >= minSimilarity) {
            out.add(n);
          }
        }
      }
      out.sort(
          Comparator.comparingDouble(Neighbour::similarity)
              .reversed()
              .thenComparing(Neighbour::id));
      return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    } finally {
      searchers.release(s);
    }
  }

  /**
   * Every indexed article sharing at least one LSH band key with {@code fp} (the LSH candidates,
   * not capped) whose MinHash estimate of Jaccard similarity is at least {@code minEstimate};
   * {@code excludeId} (may be null) is left out. With the default bands a pair of similarity 0.8 is
   * found with probability 0.99993.
   */
  public List<Candidate> nearDuplicates(Fingerprint fp, String excludeId, double minEstimate)
      throws IOException {
    if (fp.bandKeys().length == 0) {
      return List.of();
    }
    IndexSearcher s = searchers.acquire();
    try {
      IndexReader reader = s.getIndexReader();
      TermDisjunction q = new TermDisjunction(reader);
      BytesRef[] keys = ArticleDocuments.longs(fp.bandKeys());
      q.addFirst(F_LSH, keys, keys.length, 1, Integer.MAX_VALUE);
      List<Candidate> out = new ArrayList<>();
      StoredHits hits = new StoredHits(reader, q.all());
      while (hits.next()) {
        Fingerprint other = hits.fingerprint();
        if (other == null || fp.jaccard(other) < minEstimate) {
          continue;
        }
        String id = hits.id();
        if (id != null && !id.equals(excludeId)) {
          out.add(Candidate.of(id, fp, other));
        }
      }
      out.sort(
          Comparator.comparingDouble(Candidate::jaccard).reversed().thenComparing(Candidate::id));
      return out;
    } finally {
      searchers.release(s);
    }
  }

  /**
   * The indexed articles naming the same people, places and organisations as a text of fingerprint
   * {@code fp}: candidates for reporting the same story although they share no text. A {@link
   * TermDisjunction} over (at most {@link #QUERY_TERMS} of) the text's name character grams ({@code
   * SpinFeatures.nameGrams}), leaving out grams found in more than {@link #MAX_TERM_SHARE} of the
   * articles (beyond {@link #MIN_PRUNE_DF}); the hits sharing the most grams are re-ranked by the
   * Dice coefficient of the two gram sets, so long texts naming everyone do not crowd out close
   * matches. Best first (Dice, then id), at most {@code limit}; {@code excludeId} (may be null) is
   * left out.
   */
  public List<Candidate> nameNeighbours(Fingerprint fp, String excludeId, int limit)
      throws IOException {
    return byNames(fp, excludeId, limit, (hits, id) -> Candidate.of(id, fp, hits.fingerprint()));
  }

  /**
   * The articles of {@link #nameNeighbours(Fingerprint, String, int)}, in the same order, each with
   * its stored topic vector and its similarity to {@code topic} ({@link TopicVector#dot}: with a
   * query vector holding every term of the text, the cosine of the full query vector with the
   * stored truncated one, a lower bound of the full cosine). An article stored without a topic
   * vector comes with {@link TopicVector#EMPTY} and similarity 0. Reads doc values only, never
   * stored texts.
   */
  public List<Neighbour> nameNeighbours(
      Fingerprint fp, TopicVector topic, String excludeId, int limit) throws IOException {
    java.util.Objects.requireNonNull(topic, "topic");
    return byNames(fp, excludeId, limit, (hits, id) -> hits.neighbour(topic));
  }

  /** Makes the value handed out for a hit, from the walk positioned on it. */
  @FunctionalInterface
  private interface HitReader<T> {
    T read(StoredHits hits, String id) throws IOException;
  }

  /** A name neighbour before it is handed out: its id, Dice coefficient and value. */
  private record NameHit<T>(String id, double dice, T value) {}

  /**
   * The name query of {@link #nameNeighbours(Fingerprint, String, int)}: the values {@code reader}
   * makes of its best hits, best first.
   */
  private <T> List<T> byNames(Fingerprint fp, String excludeId, int limit, HitReader<T> reader)
      throws IOException {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, got " + limit);
    }
    if (fp.nameGrams().length == 0) {
      return new ArrayList<>();
    }
    IndexSearcher s = searchers.acquire();
    try {
      IndexReader r = s.getIndexReader();
      int maxDf = Math.max(MIN_PRUNE_DF, (int) (articles(s) * MAX_TERM_SHARE));
      // the grams are a sorted bottom-k sample of the hashes: the first QUERY_TERMS are a smaller
      // one, shared by two texts in proportion to their overlap
      TermDisjunction q = new TermDisjunction(r);
      BytesRef[] grams = ArticleDocuments.ints(fp.nameGrams());
      int n = Math.min(grams.length, QUERY_TERMS);
      double[] ones = new double[n];
      java.util.Arrays.fill(ones, 1);
      if (q.addAll(F_NAMES, java.util.Arrays.copyOf(grams, n), ones, maxDf) == 0) {
        return new ArrayList<>();
      }
      List<NameHit<T>> ranked = new ArrayList<>();
      StoredHits hits = new StoredHits(r, q.best(Math.max(limit * 4, 40), F_ID));
      while (hits.next()) {
        String id = hits.id();
        int[] names = hits.nameGrams();
        if (id == null || id.equals(excludeId) || names == null) {
          continue;
        }
        int shared = SortedSets.intersection(fp.nameGrams(), names);
        double dice = 2.0 * shared / (fp.nameGrams().length + names.length);
        ranked.add(new NameHit<>(id, dice, reader.read(hits, id)));
      }
      ranked.sort(
          Comparator.comparingDouble((NameHit<T> h) -> h.dice())
              .reversed()
              .thenComparing(NameHit::id));
      List<T> out = new ArrayList<>();
      for (int i = 0; i < ranked.size() && i < limit; i++) {
        out.add(ranked.get(i).value());
      }
      return out;
    } finally {
      searchers.release(s);
    }
  }

  /** Segments of the index as searches see it now (each lookup seeks every one of them). */
  public int segments() throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      return s.getIndexReader().leaves().size();
    } finally {
      searchers.release(s);
    }
  }

  /** Bytes used by the index on disk. */
  public long sizeOnDisk() throws IOException {
    long total = 0;
    try (Stream<Path> files = Files.list(path)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        try {
          total += Files.size(p);
        } catch (NoSuchFileException e) {
          // merged away meanwhile
        }
      }
    }
    return total;
  }

  /**
   * Closes without committing any change: uncommitted changes are discarded, as after a crash. When
   * nothing changed since the last {@link #commit()}, the segment merges under way (started by that
   * commit's writes, e.g. to drop deleted records) are first finished and committed, so that they
   * are not abandoned and begun again by every later run; a kill meanwhile leaves the last commit.
   */
  @Override
  public void close() throws IOException {
    try {
      searchers.close();
      if (writer != null) {
        if (uncommitted) {
          writer.rollback();
        } else {
          writer.close(); // commit on close: waits for the merges and commits only them
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      dir.close();
    }
  }
}
