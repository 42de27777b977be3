package org.wiretrace.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wiretrace.index.StoreRecord;
import org.wiretrace.ingest.Article;
import org.wiretrace.relate.PairVerdict;
import org.wiretrace.relate.Verdict;

class RelationRecordsTest {

  private static final String ORIGINAL =
      "The harbour board said on Monday that quarry workers would resume loading grain barges"
          + " after a long dispute over wages and shifts at the river terminal. The union said the"
          + " agreement would hold for three years and covered every worker at the terminal.";
  private static final String SPUN =
      "The harbour board said on Monday that quarry labourers would restart loading grain barges"
          + " after a lengthy quarrel over pay and shifts at the river terminal. The union said the"
          + " accord would hold for three years and covered every worker at the terminal.";

  private static PairVerdict judged() {
    Article a = Article.builder("a.txt", ORIGINAL).id("a").build();
    Article b = Article.builder("b.txt", SPUN).id("b").build();
    return new PairVerdict("a", "b", Wiretrace.compare(a, b));
  }

  @Test
  void aRecordReadsBackTheWholeVerdict() {
    PairVerdict v = judged();
    assertFalse(v.verdict().alignment().passages().isEmpty());
    assertEquals(v, RelationRecords.verdict(RelationRecords.of(v)));
  }

  @Test
  void theLightReadKeepsEverythingButThePassages() {
    PairVerdict v = judged();
    PairVerdict light = RelationRecords.verdictWithoutPassages(RelationRecords.of(v));
    Verdict d = v.verdict();
    Verdict l = light.verdict();
    assertEquals(v.aId(), light.aId());
    assertEquals(v.bId(), light.bId());
    assertEquals(d.relation(), l.relation());
    assertEquals(d.coverageA(), l.coverageA());
    assertEquals(d.coverageB(), l.coverageB());
    assertEquals(d.storySimilarity(), l.storySimilarity());
    assertEquals(d.alignment().aChars(), l.alignment().aChars());
    assertEquals(d.alignment().bChars(), l.alignment().bChars());
    assertTrue(l.alignment().passages().isEmpty());
  }

  @Test
  void theFiguresReadBackAsTheLightRead() {
    PairVerdict v = judged();
    PairVerdict light = RelationRecords.verdictWithoutPassages(RelationRecords.of(v));
    assertEquals(light, RelationRecords.verdictFromFigures(RelationRecords.figures(v)));
    byte[] f = RelationRecords.figures(v);
    assertThrows(
        IllegalArgumentException.class,
        () -> RelationRecords.verdictFromFigures(java.util.Arrays.copyOf(f, f.length - 3)));
    f[0] = 9; // a layout this version does not know
    assertThrows(IllegalArgumentException.class, () -> RelationRecords.verdictFromFigures(f));
  }

  @Test
  void aDamagedRecordIsRefusedWithItsKey() {
    StoreRecord bad =
        new StoreRecord(StoreRecord.RELATION, "a b", List.of("a", "b"), "{\"a\":\"a\",\"b\":");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> RelationRecords.verdictWithoutPassages(bad));
    assertTrue(e.getMessage().contains("'a b'"), e.getMessage());
    StoreRecord partial =
        new StoreRecord(
            StoreRecord.RELATION, "a b", List.of("a", "b"), "{\"a\":\"a\",\"b\":\"b\"}");
    assertThrows(
        IllegalArgumentException.class, () -> RelationRecords.verdictWithoutPassages(partial));
  }
}
