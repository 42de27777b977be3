package org.wiretrace.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiretrace.fingerprint.FingerprintTest;
import org.wiretrace.ingest.Article;
import org.wiretrace.text.Tokens;

class ArticleIndexTest {
  @TempDir Path dir;

  static Article article(String id, String text) {
    return Article.builder("test:" + id, text).id(id).title("t " + id).build();
  }

  /** Unrelated filler texts made of pseudo-words. */
  static List<Article> filler(int n) {
    List<Article> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      StringBuilder sb = new StringBuilder();
      for (int w = 0; w < 120; w++) {
        sb.append(SyntheticCorpus.pseudo("w" + (i * 131 + w * 7919) % 5000, i))
            .append(w % 12 == 11 ? ". " : " ");
      }
      out.add(article("filler-" + i, sb.toString()));
    }
    return out;
  }

  @Test
  void putAllAddsReplacesAndSkipsAsPutDoesWithSequenceNumbersInListOrder() throws Exception {
    try (ArticleIndex index = ArticleIndex.open(dir)) {
      List<Article> first = filler(40);
      List<ArticleIndex.Put> puts = new ArrayList<>();
      for (Article a : first) {
        puts.add(
            new ArticleIndex.Put(
                a, index.fingerprinter().of(Tokens.of(a.text())), TopicVector.EMPTY, null));
      }
      assertThat(index.putAll(puts)).containsOnly(PutResult.ADDED).hasSize(40);
      index.refresh();
      List<ArticleIndex.Put> again = new ArrayList<>();
      again.add(puts.get(3));
      Article changed = article(first.get(7).id(), first.get(7).text() + " More words here.");
      again.add(
          new ArticleIndex.Put(
              changed,
              index.fingerprinter().of(Tokens.of(changed.text())),
              TopicVector.EMPTY,
              null));
      assertThat(index.putAll(again)).containsExactly(PutResult.UNCHANGED, PutResult.REPLACED);
      index.commit();
      assertThat(index.articleCount()).isEqualTo(40);
      for (int i = 0; i < 40; i++) {
        long seq = index.get(first.get(i).id()).orElseThrow().seq();
        assertThat(seq).isEqualTo(i == 7 ? 40 : i);
      }
    }
  }

  @Test
  void aPassWithoutTextReadsEveryOtherFieldAndThePayload() throws Exception {
    try (ArticleIndex index = ArticleIndex.open(dir)) {
      Article a =
          Article.builder("test:a", "Alpha beta gamma delta epsilon.")
              .id("a")
              .title("The a story")
              .url("https://example.org/a")
              .site("example.org")
              .published(java.time.Instant.parse("2024-05-01T10:00:00Z"))
              .build();
      index.put(
          a,
          index.fingerprinter().of(Tokens.of(a.text())),
          TopicVector.EMPTY,
          new byte[] {1, 2, 3, 4, 5});
      index.put(article("b", "zeta eta theta iota kappa"));
      index.commit();
      Map<String, Article> heads = new java.util.TreeMap<>();
      Map<String, byte[]> payloads = new java.util.TreeMap<>();
      index.forEachArticleWithoutText(
          (s, p) -> {
            heads.put(s.article().id(), s.article());
            payloads.put(s.article().id(), p);
          });
      assertThat(heads).containsOnlyKeys("a", "b");
      Article head = heads.get("a");
      assertThat(head.text()).isEmpty();
      assertThat(head.title()).isEqualTo("The a story");
      assertThat(head.url()).contains("https://example.org/a");
      assertThat(head.site()).contains("example.org");
      assertThat(head.published()).isEqualTo(a.published());
      assertThat(payloads.get("a")).containsExactly(1, 2, 3, 4, 5);
      assertThat(payloads.get("b")).isNull();
      assertThat(index.get("a").orElseThrow().article()).isEqualTo(a); // a whole read has the text
    }
  }

  @Test
  void aFirstCommitCutShortLeavesAFolderThatOpens() throws Exception {
    // SIGKILL while a new index makes its first commit: only Lucene's pending commit file is left
    Files.createDirectories(dir);
    Files.write(dir.resolve("pending_segments_1"), new byte[] {1, 2, 3});
    try (ArticleIndex index = ArticleIndex.open(dir)) {
      assertThat(index.articleCount()).isZero();
    }
    try (ArticleIndex index = ArticleIndex.open(dir)) {
      assertThat(index.articleCount()).isZero();
    }
  }

  @Test
  void putIsIncrementalAndReplacesChangedArticles() throws Exception {
    try (ArticleIndex index = ArticleIndex.open(dir)) {
      assertThat(index.put(article("a", "one two three four five six"))).isEqualTo(PutResult.ADDED);
      index.refresh();
      assertThat(index.put(article("a", "one two three four five six")))
          .isEqualTo(PutResult.UNCHANGED);
      assertThat(index.put(article("a", "one two three four five seven")))
          .isEqualTo(PutResult.REPLACED);
      index.commit();
      assertThat(index.articleCount()).isEqualTo(1);
      assertThat(index.get("a").orElseThrow().article().text()).endsWith("seven");
    }
    try (ArticleIndex index = ArticleIndex.open(dir)) {
      assertThat(index.put(article("a", "one two three four five seven")))
          .isEqualTo(PutResult.UNCHANGED);
      assertThat(index.articleCount()).isEqualTo(1);
    }
  }

  @Test
  void uncommittedChangesAreLostOnCloseAndInvisibleToReaders() throws Exception {
    try (ArticleIndex index = ArticleIndex.open(dir)) {
      index.put(article("a", "alpha beta gamma delta epsilon"));
      index.commit();
      try (ArticleIndex reader = ArticleIndex.openReadOnly(dir)) {
        index.put(article("b", "zeta eta theta iota kappa"));
        index.refresh();
        assertThat(index.articleCount()).isEqualTo(2);
        reader.refresh();
        assertThat(reader.articleCount()).isEqualTo(1);
        index.commit();
        reader.refresh();
        assertThat(reader.articleCount()).isEqualTo(2);
      }
      index.put(article("c", "lambda mu nu xi omicron"));
    }
    try (ArticleIndex index = ArticleIndex.openReadOnly(dir)) {
      assertThat(index.articleCount()).isEqualTo(2);
      assertThat(index.get("c")).isEmpty();
    }
  }

  @Test
  void removeDropsTheArticleAndRecordsReferencingIt() throws Exception {
    try (ArticleIndex index = ArticleIndex.open(dir)) {
      index.put(article("a", "alpha beta gamma delta epsilon"));
      index.put(article("b", "zeta eta theta iota kappa"));
      index.putRecord(new StoreRecord(StoreRecord.RELATION, "a>b", List.of("a", "b"), "{\"r\":1}"));
      index.putRecord(new StoreRecord(StoreRecord.STORY, "s1", List.of("b"), "{}"));
      index.commit();
      assertThat(index.recordsReferencing("a")).hasSize(1);
      assertThat(index.remove("a")).isTrue();
      assertThat(index.remove("nope")).isFalse();
      index.commit();
      assertThat(index.get("a")).isEmpty();
      assertThat(index.recordsReferencing("a")).isEmpty();
      List<StoreRecord> stories = new ArrayList<>();
      index.forEachRecord(StoreRecord.STORY, stories::add);
      assertThat(stories).extracting(StoreRecord::key).containsExactly("s1");
      assertThat(index.articleCount()).isEqualTo(1);
    }
  }

  @Test
  void findsDuplicatesExcerptsAndSpunCopies() throws Exception {
    try (ArticleIndex index = ArticleIndex.open(dir)) {
      for (Article a : filler(300)) {
        index.put(a);
      }
      index.put(article("story", FingerprintTest.STORY));
      index.commit();
      Article dup = article("dup", FingerprintTest.STORY.replace("Tuesday", "Wednesday"));
      assertThat(index.candidates(dup, Tokens.of(dup.text()), 5).get(0).id()).isEqualTo("story");
      Article excerpt =
          article(
              "ex", FingerprintTest.STORY.substring(0, FingerprintTest.STORY.indexOf("Officials")));
      Candidate e = index.candidates(excerpt, Tokens.of(excerpt.text()), 5).get(0);
      assertThat(e.id()).isEqualTo("story");
      assertThat(e.containment()).isGreaterThan(0.8);
      Article spun = article("spun", FingerprintTest.SPUN);
      Candidate s = index.candidates(spun, Tokens.of(spun.text()), 5).get(0);
      assertThat(s.id()).isEqualTo("story");
      assertThat(s.spin()).isGreaterThan(0.4);
      assertThat(s.jaccard()).isLessThan(0.2);
    }
  }

  @Test
  void nameNeighboursFindAReportOfTheSameEventWithoutSharedText() throws Exception {
    String report =
        "Ferry passengers in Sallen can cross to Norrvik and Castell Island at night from May,"
            + " after Ilse Marant and the Sallen harbour board backed the plan.";
    String story =
        "The harbour board of Sallen approved night crossings to Norrvik and Castell Island on"
            + " Tuesday. Board chair Ilse Marant said the trial would last six months.";
    String longer =
        story
            + " Separately, officials in Vardenfell, Oskarby, Lindqvist Harbour, Malmstrom and"
            + " Tornevik announced road works, and Kestrel Bay opened a museum.";
    try (ArticleIndex index = ArticleIndex.open(dir)) {
      for (Article a : filler(200)) {
        index.put(a);
      }
      index.put(article("report", report));
      index.put(article("longer", longer));
      index.commit();
      Article q = article("q", story);
      List<Candidate> got =
          index.nameNeighbours(index.fingerprinter().of(Tokens.of(q.text())), "q", 5);
      // both name everyone in the query; the one naming little else ranks first (Dice)
      assertThat(got).extracting(Candidate::id).startsWith("report", "longer");
      assertThat(got).extracting(Candidate::id).noneMatch(id -> id.startsWith("filler"));
      // the same neighbours in the same order with their topic vectors (none stored here)
      assertThat(
              index.nameNeighbours(
                  index.fingerprinter().of(Tokens.of(q.text())), TopicVector.EMPTY, "q", 5))
          .extracting(Neighbour::id)
          .isEqualTo(got.stream().map(Candidate::id).toList());
      assertThat(index.nameNeighbours(index.fingerprinter().of(Tokens.of(q.text())), "report", 5))
          .extracting(Candidate::id)
          .doesNotContain("report");
      assertThat(
              index.nameNeighbours(index.fingerprinter().of(Tokens.of("no names here")), null, 5))
          .isEmpty();
    }
  }

  @Test
  void refusesNewerFormatsWithAClearMessage() throws Exception {
    try (ArticleIndex index = ArticleIndex.open(dir)) {
      index.put(article("a", "alpha beta gamma delta epsilon"));
      index.commit();
    }
    try (var d = FSDirectory.open(dir);
        var w =
            new IndexWriter(
                d, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      w.setLiveCommitData(Map.of(IndexFormat.KEY_FORMAT, "99").entrySet());
      w.commit();
    }
    assertThatThrownBy(() -> ArticleIndex.open(dir))
        .isInstanceOf(IndexOpenException.class)
        .hasMessageContaining("format 99")
        .hasMessageContaining("newer wiretrace");
    assertThatThrownBy(() -> ArticleIndex.openReadOnly(dir)).isInstanceOf(IndexOpenException.class);
  }

  @Test
  void readsFormatTwoStoresAndMarksThemWithTheCurrentFormatAtTheNextCommit() throws Exception {
    try (ArticleIndex index = ArticleIndex.open(dir)) {
      index.put(article("a", "alpha beta gamma delta epsilon zeta eta theta iota kappa"));
      index.commit();
    }
    try (var d = FSDirectory.open(dir);
        var w = appending(d, new org.apache.lucene.codecs.lucene912.Lucene912Codec())) {
      // a format-2 segment: written with Lucene's plain codec, no Bloom filters
      w.addDocument(new org.apache.lucene.document.Document());
      w.setLiveCommitData(Map.of(IndexFormat.KEY_FORMAT, "2").entrySet());
      w.commit();
    }
    try (ArticleIndex index = ArticleIndex.open(dir)) {
      assertThat(index.get("a")).isPresent();
      index.put(article("b", "alpha beta gamma delta epsilon zeta eta theta iota lambda"));
      index.commit();
      Article b = index.get("b").orElseThrow().article();
      assertThat(index.candidates(b, Tokens.of(b.text()), 5))
          .extracting(Candidate::id)
          .contains("a");
    }
    try (var r = org.apache.lucene.index.DirectoryReader.open(FSDirectory.open(dir))) {
      assertThat(r.getIndexCommit().getUserData())
          .containsEntry(IndexFormat.KEY_FORMAT, String.valueOf(IndexFormat.VERSION));
    }
    assertThat(IndexFormat.VERSION).isEqualTo(4);
  }

  @Test
  void articlesWrittenBeforeFormatFourAreReadFromTheirStoredFieldsBesideNewerOnes()
      throws Exception {
    try (ArticleIndex index = ArticleIndex.open(dir)) {
      Article b = article("b", "zeta eta theta iota kappa");
      index.put(
          b, index.fingerprinter().of(Tokens.of(b.text())), TopicVector.EMPTY, new byte[] {9});
      index.commit();
    }
    try (var d = FSDirectory.open(dir);
        var w = appending(d, IndexCodec.CODEC)) {
      // an article document as format 3 wrote it: the payload stored, no metadata doc values
      var doc = new org.apache.lucene.document.Document();
      doc.add(
          new org.apache.lucene.document.StringField(
              IndexFormat.F_KIND,
              IndexFormat.KIND_ARTICLE,
              org.apache.lucene.document.Field.Store.NO));
      doc.add(
          new org.apache.lucene.document.StringField(
              IndexFormat.F_ID, "a", org.apache.lucene.document.Field.Store.YES));
      doc.add(
          new org.apache.lucene.document.SortedDocValuesField(
              IndexFormat.F_ID, new org.apache.lucene.util.BytesRef("a")));
      doc.add(new org.apache.lucene.document.StoredField(IndexFormat.F_HASH, "h"));
      doc.add(new org.apache.lucene.document.StoredField(IndexFormat.F_SEQ, 7L));
      doc.add(new org.apache.lucene.document.NumericDocValuesField(IndexFormat.F_SEQ, 7L));
      doc.add(
          new org.apache.lucene.document.StringField(
              IndexFormat.F_ORIGIN, "test:a", org.apache.lucene.document.Field.Store.YES));
      doc.add(new org.apache.lucene.document.StoredField(IndexFormat.F_TITLE, "The a story"));
      doc.add(new org.apache.lucene.document.StoredField(IndexFormat.F_TEXT, "alpha beta"));
      doc.add(new org.apache.lucene.document.StoredField(IndexFormat.F_REPAIRS, "[]"));
      doc.add(
          new org.apache.lucene.document.StoredField(IndexFormat.F_PAYLOAD, new byte[] {1, 2, 3}));
      w.addDocument(doc);
      w.setLiveCommitData(Map.of(IndexFormat.KEY_FORMAT, "3").entrySet());
      w.commit();
    }
    try (ArticleIndex index = ArticleIndex.open(dir)) {
      Map<String, String> titles = new java.util.TreeMap<>();
      Map<String, byte[]> payloads = new java.util.TreeMap<>();
      index.forEachArticleWithoutText(
          (s, p) -> {
            assertThat(s.article().text()).isEmpty();
            titles.put(s.id(), s.article().title());
            payloads.put(s.id(), p);
          });
      assertThat(titles).containsEntry("a", "The a story").containsEntry("b", "t b");
      assertThat(payloads.get("a")).containsExactly(1, 2, 3);
      assertThat(payloads.get("b")).containsExactly(9);
      assertThat(index.payload("a"))
          .hasValueSatisfying(p -> assertThat(p).containsExactly(1, 2, 3));
      assertThat(index.payload("b")).hasValueSatisfying(p -> assertThat(p).containsExactly(9));
      assertThat(index.payload("c")).isEmpty();
      List<String> texts = new ArrayList<>();
      index.forEachArticle((s, p) -> texts.add(s.article().text()));
      assertThat(texts).containsExactlyInAnyOrder("alpha beta", "zeta eta theta iota kappa");
    }
  }

  @Test
  void keepsAnArticleWhoseOriginIsTooLongToIndexBesideOrdinaryOnes() throws Exception {
    String longOrigin =
        "https://example.org/?q=" + "x".repeat(ArticleDocuments.MAX_ORIGIN_TERM + 10);
    try (ArticleIndex index = ArticleIndex.open(dir)) {
      index.put(article("a", "alpha beta gamma delta epsilon"));
      index.put(Article.builder(longOrigin, "zeta eta theta iota kappa").id("b").build());
      index.commit();
      assertThat(index.get("b").orElseThrow().article().origin()).isEqualTo(longOrigin);
      assertThat(index.atOrigin("test:a")).extracting(StoredArticle::id).containsExactly("a");
      assertThat(index.atOrigin(longOrigin)).extracting(StoredArticle::id).containsExactly("b");
      assertThat(index.atOrigin(longOrigin + "y")).isEmpty();
    }
  }

  @Test
  void replacingRecordsWritesOnlyThoseNewOrChangedAndRemovesThoseGone() throws Exception {
    try (ArticleIndex index = ArticleIndex.open(dir)) {
      // written before digests: the first replacement rewrites every record of the kind
      index.putRecord(new StoreRecord(StoreRecord.STORY, "old", List.of("x"), "{}"));
      index.putRecord(new StoreRecord(StoreRecord.RELATION, "r", List.of("x"), "{}"));
      List<StoreRecord> first =
          List.of(
              new StoreRecord(StoreRecord.STORY, "s1", List.of("a", "b"), "{\"n\":1}"),
              new StoreRecord(StoreRecord.STORY, "s2", List.of("c"), "{\"n\":2}"),
              new StoreRecord(StoreRecord.STORY, "s3", List.of("d"), "{\"n\":3}"));
      assertThat(index.replaceRecords(StoreRecord.STORY, first))
          .isEqualTo(new ArticleIndex.Replaced(0, 3, 1));
      index.commit();
      List<StoreRecord> second =
          List.of(
              first.get(0), // unchanged
              new StoreRecord(StoreRecord.STORY, "s2", List.of("c", "e"), "{\"n\":2}"), // refs
              new StoreRecord(StoreRecord.STORY, "s4", List.of("f"), "{}")); // new; s3 gone
      assertThat(index.replaceRecords(StoreRecord.STORY, second))
          .isEqualTo(new ArticleIndex.Replaced(1, 2, 1));
      assertThat(index.replaceRecords(StoreRecord.STORY, second))
          .isEqualTo(new ArticleIndex.Replaced(3, 0, 0)); // sees its own uncommitted changes
      index.commit();
      assertThat(index.replaceRecords(StoreRecord.STORY, second))
          .isEqualTo(new ArticleIndex.Replaced(3, 0, 0));
      index.commit();
      List<StoreRecord> stories = new ArrayList<>();
      index.forEachRecord(StoreRecord.STORY, stories::add);
      assertThat(stories).containsExactlyInAnyOrderElementsOf(second);
      assertThat(index.countRecords(StoreRecord.RELATION)).isEqualTo(1); // other kinds untouched
      assertThatThrownBy(
              () ->
                  index.replaceRecords(
                      StoreRecord.STORY,
                      List.of(new StoreRecord(StoreRecord.RELATION, "r", List.of(), "{}"))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("kind 'relation'");
      assertThatThrownBy(
              () -> index.replaceRecords(StoreRecord.STORY, List.of(first.get(0), first.get(0))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("key s1");
    }
  }

  /** A plain Lucene writer appending to the index in {@code d} with {@code codec}. */
  private static IndexWriter appending(
      org.apache.lucene.store.Directory d, org.apache.lucene.codecs.Codec codec)
      throws java.io.IOException {
    return new IndexWriter(
        d, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND).setCodec(codec));
  }

  @Test
  void refusesFormatOneStoresWithAClearMessage() throws Exception {
    try (ArticleIndex index = ArticleIndex.open(dir)) {
      index.put(article("a", "alpha beta gamma delta epsilon"));
      index.commit();
    }
    try (var d = FSDirectory.open(dir);
        var w =
            new IndexWriter(
                d, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      w.setLiveCommitData(Map.of(IndexFormat.KEY_FORMAT, "1").entrySet());
      w.commit();
    }
    assertThatThrownBy(() -> ArticleIndex.open(dir))
        .isInstanceOf(IndexOpenException.class)
        .hasMessageContaining("format 1")
        .hasMessageContaining("older wiretrace")
        .hasMessageContaining("new --data folder");
    assertThatThrownBy(() -> ArticleIndex.openReadOnly(dir)).hasMessageContaining("format 1");
  }

  @Test
  void topicNeighboursFindArticlesSharingTheirHeaviestTerms() throws Exception {
    try (ArticleIndex index = ArticleIndex.open(dir)) {
      TopicVector tanks =
          new TopicVector(new long[] {1, 2, 3, 4}, new float[] {.6f, .5f, .4f, .3f});
      TopicVector close = new TopicVector(new long[] {1, 2, 9}, new float[] {.7f, .5f, .3f});
      TopicVector far = new TopicVector(new long[] {7, 8, 9}, new float[] {.6f, .6f, .5f});
      index.put(
          article("a", "alpha beta gamma"),
          index.fingerprinter().of(Tokens.of("alpha beta gamma")),
          close,
          null);
      index.put(
          article("b", "delta epsilon zeta"),
          index.fingerprinter().of(Tokens.of("delta epsilon zeta")),
          far,
          null);
      index.refresh();
      List<Neighbour> near = index.topicNeighbours(tanks, null, 5, 0.1);
      assertThat(near).extracting(Neighbour::id).containsExactly("a");
      assertThat(near.get(0).similarity()).isCloseTo(0.6 * 0.7 + 0.5 * 0.5, within(1e-6));
      assertThat(TopicVector.decode(tanks.encode(), 0, tanks.encode().length)).isEqualTo(tanks);
    }
  }

  /** Creates the index in {@code dir} with {@code n} filler articles, committed and closed. */
  private void commitFiller(int n) throws IOException {
    try (ArticleIndex index = ArticleIndex.open(dir)) {
      for (Article a : filler(n)) {
        index.put(a);
      }
      index.commit();
    }
  }

  @Test
  void reportsCorruptionAndNeverRebuildsOverIt() throws Exception {
    commitFiller(50);
    List<Path> files;
    try (var s = Files.list(dir)) {
      files = s.filter(p -> !p.getFileName().toString().equals("write.lock")).toList();
    }
    Path segments =
        files.stream()
            .filter(p -> p.getFileName().toString().startsWith("segments_"))
            .findFirst()
            .orElseThrow();
    byte[] bytes = Files.readAllBytes(segments);
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(segments, bytes);
    assertThatThrownBy(() -> ArticleIndex.open(dir))
        .isInstanceOf(IndexOpenException.class)
        .hasMessageContaining("corrupt")
        .hasMessageContaining("not modified");
    // every file is still there
    for (Path p : files) {
      assertThat(p).exists();
    }
    Files.delete(segments);
    assertThatThrownBy(() -> ArticleIndex.open(dir))
        .isInstanceOf(IndexOpenException.class)
        .hasMessageContaining("refusing to write over it");
  }

  @Test
  void aCorruptSegmentIsReportedByBothOpensAndNothingIsModified() throws Exception {
    commitFiller(50);
    Path cfs;
    try (var s = Files.list(dir)) {
      cfs = s.filter(p -> p.getFileName().toString().endsWith(".cfs")).findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(cfs);
    bytes[bytes.length - 16] ^= 0x5a; // the footer's magic number
    Files.write(cfs, bytes);
    java.util.Map<Path, byte[]> before = new java.util.TreeMap<>();
    try (var s = Files.list(dir)) {
      for (Path p : s.filter(p -> !p.getFileName().toString().equals("write.lock")).toList()) {
        before.put(p, Files.readAllBytes(p));
      }
    }
    assertThatThrownBy(() -> ArticleIndex.open(dir))
        .isInstanceOf(IndexOpenException.class)
        .hasMessageContaining("corrupt")
        .hasMessageContaining("not modified");
    assertThatThrownBy(() -> ArticleIndex.openReadOnly(dir))
        .isInstanceOf(IndexOpenException.class)
        .hasMessageContaining("corrupt");
    for (var e : before.entrySet()) {
      assertThat(Files.readAllBytes(e.getKey())).as("%s", e.getKey()).isEqualTo(e.getValue());
    }
  }

  @Test
  void refusesAFolderOfOtherFiles() throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "mine");
    assertThatThrownBy(() -> ArticleIndex.open(dir)).isInstanceOf(IndexOpenException.class);
    assertThat(dir.resolve("notes.txt")).hasContent("mine");
  }
}
