package org.wiretrace.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** The postings-level disjunction scores and ranks as the Lucene query it replaces. */
class TermDisjunctionTest {

  /** A document's id and score, as the Lucene query gives it. */
  private record Scored(String id, double score) {}

  @Test
  void scoresAndBestEqualTheLuceneQueryAcrossSegmentsAndDeletions() throws Exception {
    SplittableRandom rnd = new SplittableRandom(7);
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      IndexWriterConfig cfg = new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE);
      try (IndexWriter w = new IndexWriter(dir, cfg)) {
        for (int i = 0; i < 600; i++) {
          Document d = new Document();
          // ids not in document order, so ties broken by id differ from ties broken by doc
          String id = String.format("doc-%04d", (i * 389) % 600);
          d.add(new StringField("id", id, Field.Store.NO));
          d.add(new SortedDocValuesField("id", new BytesRef(id)));
          for (int t = 0; t < 6; t++) {
            d.add(new StringField("a", "a" + rnd.nextInt(40), Field.Store.NO));
            d.add(new StringField("b", "b" + rnd.nextInt(60), Field.Store.NO));
          }
          // too common: left out
          d.add(new StringField("a", "a0", Field.Store.NO));
          d.add(new StringField("b", "b1", Field.Store.NO));
          w.addDocument(d);
          if (i % 97 == 96) {
            w.commit(); // several segments
          }
        }
        w.deleteDocuments(new Term("id", "doc-0005"), new Term("id", "doc-0311"));
        w.commit();
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertThat(reader.leaves().size()).isGreaterThan(3);
        BytesRef[] a = new BytesRef[12];
        double[] aw = new double[a.length];
        for (int i = 0; i < a.length; i++) {
          a[i] = new BytesRef("a" + (i * 3));
          aw[i] = (float) (0.05 + 0.1 * (i % 4)); // few distinct weights: many ties
        }
        BytesRef[] b = new BytesRef[80];
        for (int i = 0; i < b.length; i++) {
          b[i] = new BytesRef("b" + i);
        }
        int maxDf = 120;
        TermDisjunction q = new TermDisjunction(reader);
        int addedA = q.addAll("a", a, aw, maxDf);
        int addedB = q.addFirst("b", b, 8, 0.125f, maxDf);
        assertThat(addedB).isEqualTo(8);

        // the Lucene query of the same clauses
        IndexSearcher s = new IndexSearcher(reader);
        BooleanQuery.Builder lq = new BooleanQuery.Builder();
        int clauses = 0;
        for (int i = 0; i < a.length; i++) {
          int df = s.count(new TermQuery(new Term("a", a[i])));
          if (df > 0 && df <= maxDf) {
            lq.add(boosted("a", a[i], (float) aw[i]), BooleanClause.Occur.SHOULD);
            clauses++;
          }
        }
        assertThat(clauses).isEqualTo(addedA);
        int kept = 0;
        for (int i = 0; i < b.length && kept < 8; i++) {
          int df = s.count(new TermQuery(new Term("b", b[i])));
          if (df > 0 && df <= maxDf) {
            lq.add(boosted("b", b[i], 0.125f), BooleanClause.Occur.SHOULD);
            kept++;
          }
        }
        ScoreDoc[] lucene = s.search(lq.build(), reader.numDocs()).scoreDocs;
        Map<Integer, Double> expected = new HashMap<>();
        List<Scored> ranked = new ArrayList<>();
        for (ScoreDoc sd : lucene) {
          expected.put(sd.doc, (double) sd.score);
          ranked.add(new Scored(id(reader, sd.doc), sd.score));
        }

        TermDisjunction.Hits all = q.all();
        assertThat(all.size()).isEqualTo(expected.size());
        for (int i = 0; i < all.size(); i++) {
          assertThat(expected).containsKey(all.docs()[i]);
          assertThat(all.scores()[i]).isCloseTo(expected.get(all.docs()[i]), within(1e-5));
          if (i > 0) {
            assertThat(all.docs()[i]).isGreaterThan(all.docs()[i - 1]);
          }
        }

        // best n: score descending, then id ascending, in any segment layout
        ranked.sort(Comparator.comparingDouble((Scored x) -> -x.score()).thenComparing(Scored::id));
        for (int n : new int[] {1, 10, 37, 200, ranked.size() + 5}) {
          TermDisjunction.Hits best = q.best(n, "id");
          List<String> got = new ArrayList<>();
          for (int doc : best.docs()) {
            got.add(id(reader, doc));
          }
          List<String> want = new ArrayList<>();
          for (int i = 0; i < Math.min(n, ranked.size()); i++) {
            want.add(ranked.get(i).id());
          }
          assertThat(got).containsExactlyInAnyOrderElementsOf(want);
        }
      }
    }
  }

  /**
   * A term read at lookup in a segment holding it rarely and through its term state in one holding
   * it often ({@link TermDisjunction#EAGER_DOCS}) scores the same documents, deleted ones left out.
   */
  @Test
  void rareAndCommonPostingsInSegmentsScoreAlike() throws Exception {
    int common = TermDisjunction.EAGER_DOCS + 36;
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      IndexWriterConfig cfg = new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE);
      try (IndexWriter w = new IndexWriter(dir, cfg)) {
        for (int seg = 0; seg < 2; seg++) {
          int docs = seg == 0 ? common : 10;
          for (int i = 0; i < docs; i++) {
            String id = "s" + seg + "-" + i;
            Document d = new Document();
            d.add(new StringField("id", id, Field.Store.NO));
            d.add(new SortedDocValuesField("id", new BytesRef(id)));
            d.add(new StringField("t", "x", Field.Store.NO));
            if (i % 3 == 0) {
              d.add(new StringField("t", "y", Field.Store.NO));
            }
            w.addDocument(d);
          }
          w.commit();
        }
        w.deleteDocuments(new Term("id", "s0-3"), new Term("id", "s1-6"));
        w.commit();
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertThat(reader.leaves()).hasSize(2);
        TermDisjunction q = new TermDisjunction(reader);
        BytesRef[] terms = {new BytesRef("x"), new BytesRef("y")};
        assertThat(q.addAll("t", terms, new double[] {0.5, 0.25}, Integer.MAX_VALUE)).isEqualTo(2);
        TermDisjunction.Hits all = q.all();
        assertThat(all.size()).isEqualTo(common + 10 - 2);
        Map<String, Double> byId = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
          byId.put(id(reader, all.docs()[i]), all.scores()[i]);
        }
        assertThat(byId).doesNotContainKeys("s0-3", "s1-6");
        assertThat(byId.get("s0-0")).isEqualTo(0.75);
        assertThat(byId.get("s0-1")).isEqualTo(0.5);
        assertThat(byId.get("s1-9")).isEqualTo(0.75);
        assertThat(byId.get("s1-8")).isEqualTo(0.5);
      }
    }
  }

  @Test
  void nthLargestSelects() {
    SplittableRandom rnd = new SplittableRandom(3);
    for (int round = 0; round < 200; round++) {
      double[] v = new double[1 + rnd.nextInt(50)];
      for (int i = 0; i < v.length; i++) {
        v[i] = rnd.nextInt(8);
      }
      double[] sorted = v.clone();
      java.util.Arrays.sort(sorted);
      int k = 1 + rnd.nextInt(v.length);
      assertThat(TermDisjunction.nthLargest(v.clone(), k)).isEqualTo(sorted[v.length - k]);
    }
  }

  private static String id(DirectoryReader reader, int doc) throws java.io.IOException {
    var ids = org.apache.lucene.index.MultiDocValues.getSortedValues(reader, "id");
    assertThat(ids.advanceExact(doc)).isTrue();
    return ids.lookupOrd(ids.ordValue()).utf8ToString();
  }

  private static org.apache.lucene.search.Query boosted(String field, BytesRef term, float w) {
    return new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(field, term))), w);
  }
}
