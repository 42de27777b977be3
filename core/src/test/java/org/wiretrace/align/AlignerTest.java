package org.wiretrace.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.wiretrace.text.Tokens;

class AlignerTest {

  private static final String S1 =
      "The city council approved the new budget on Tuesday after a long debate about road repairs.";
  private static final String S2 =
      "Mayor Ellen Brooks said the plan would fund twelve bridges and four schools by next spring.";
  private static final String S3 =
      "Opposition members argued that the harbour project had been pushed aside without any vote.";
  private static final String S4 =
      "A public hearing on the harbour project is planned for the second week of March in Dunmore.";

  private static Alignment align(String a, String b) {
    return Aligner.standard().align(Tokens.of(a), Tokens.of(b));
  }

  /** The script as compact text: KEEP(n), SUB(a->b), INS(+b), DEL(-a). */
  private static String script(Passage p) {
    return p.edits().stream()
        .map(
            e ->
                switch (e.op()) {
                  case KEEP -> "KEEP(" + e.aWords() + ")";
                  case SUBSTITUTE -> "SUB(" + e.aText() + "->" + e.bText() + ")";
                  case INSERT -> "INS(+" + e.bText() + ")";
                  case DELETE -> "DEL(-" + e.aText() + ")";
                })
        .collect(Collectors.joining(" "));
  }

  @Test
  void substitutionIsPinned() {
    String a = S1 + " " + S2;
    String b = S1.replace("approved", "passed") + " " + S2;
    Alignment al = align(a, b);
    assertThat(al.passages()).hasSize(1);
    Passage p = al.passages().get(0);
    assertThat(script(p)).isEqualTo("KEEP(3) SUB(approved->passed) KEEP(28)");
    assertThat(p.aStart()).isZero();
    assertThat(p.aEnd()).isEqualTo(a.length());
    assertThat(p.bEnd()).isEqualTo(b.length());
  }

  @Test
  void oneForTwoSubstitutionIsOneEdit() {
    String a = S1 + " " + S2;
    String b = S1.replace("long debate", "lengthy heated debate") + " " + S2;
    Passage p = align(a, b).passages().get(0);
    assertThat(script(p)).isEqualTo("KEEP(11) SUB(long->lengthy heated) KEEP(20)");
    Edit sub = p.edits().get(1);
    assertThat(sub.aWords()).isEqualTo(1);
    assertThat(sub.bWords()).isEqualTo(2);
  }

  @Test
  void insertionIsPinned() {
    String a = S1 + " " + S2;
    String b = S1 + " " + S2.replace("twelve bridges", "twelve old bridges");
    Passage p = align(a, b).passages().get(0);
    assertThat(script(p)).isEqualTo("KEEP(25) INS(+old) KEEP(7)");
    assertThat(p.kind()).isEqualTo(PassageKind.EDITED);
  }

  @Test
  void deletionIsPinned() {
    String a = S1 + " " + S2;
    String b = S1.replace(" after a long debate about road repairs", "") + " " + S2;
    Passage p = align(a, b).passages().get(0);
    assertThat(script(p))
        .isEqualTo("KEEP(9) DEL(-after a long debate about road repairs) KEEP(16)");
    Edit del = p.edits().get(1);
    assertThat(del.aText()).isEqualTo(a.substring(del.aStart(), del.aEnd()));
    assertThat(del.bStart()).isEqualTo(del.bEnd());
  }

  @Test
  void movedSentenceIsItsOwnPassage() {
    String a = String.join(" ", S1, S2, S3, S4);
    String b = String.join(" ", S1, S2, S4, S3);
    Alignment al = align(a, b);
    assertThat(al.passages()).hasSize(3);
    // in b order: S1+S2, S4, S3 -- each verbatim, spans exact on both sides
    Passage s4 = al.passages().get(1);
    assertThat(b.substring(s4.bStart(), s4.bEnd())).isEqualTo(S4);
    assertThat(a.substring(s4.aStart(), s4.aEnd())).isEqualTo(S4);
    Passage s3 = al.passages().get(2);
    assertThat(a.substring(s3.aStart(), s3.aEnd())).isEqualTo(S3);
    assertThat(al.passages()).allMatch(p -> p.kind() == PassageKind.VERBATIM);
    assertThat(script(al.passages().get(0))).isEqualTo("KEEP(32)");
  }

  @Test
  void spunPassageIsFoundAndMarkedSpun() {
    String a = String.join(" ", S1, S2, S3);
    String b =
        "The town council endorsed the fresh budget on Tuesday after a lengthy discussion about"
            + " street fixes. Mayor Ellen Brooks stated the scheme would finance twelve bridges and"
            + " four academies by next springtime. Opposition members contended that the harbour"
            + " venture had been shoved aside without any ballot.";
    Alignment al = align(a, b);
    assertThat(al.passages()).hasSize(1);
    Passage p = al.passages().get(0);
    assertThat(p.kind()).isEqualTo(PassageKind.SPUN);
    assertThat(p.edits())
        .anyMatch(
            e ->
                e.op() == EditOp.SUBSTITUTE
                    && e.aText().equals("approved")
                    && e.bText().equals("endorsed"));
    assertThat(p.bStart()).isZero();
    assertThat(p.bEnd()).isEqualTo(b.length());
  }

  @Test
  void unrelatedTextsOnOneTopicGiveNothing() {
    String a = String.join(" ", S1, S2, S3);
    String b =
        "The council met again on Tuesday. Members of the opposition said the mayor had ignored"
            + " the harbour, and residents asked about the budget for the schools and bridges in"
            + " the spring.";
    assertThat(align(a, b).isEmpty()).isTrue();
  }

  @Test
  void emptyAndOneWordDocumentsWork() {
    assertThat(align("", "").isEmpty()).isTrue();
    assertThat(align("", S1).isEmpty()).isTrue();
    assertThat(align(S1, "  ").isEmpty()).isTrue();
    assertThat(align("word", S1).isEmpty()).isTrue();
    Alignment one = align("Harbour", "harbour");
    assertThat(one.passages()).hasSize(1);
    assertThat(one.coverageA()).isEqualTo(1.0);
  }

  @Test
  void identicalDocumentsAreOneVerbatimPassage() {
    String t = String.join("\n\n", S1, S2, S3, S4);
    Alignment al = align(t, t);
    assertThat(al.passages()).hasSize(1);
    assertThat(al.passages().get(0).kind()).isEqualTo(PassageKind.VERBATIM);
    assertThat(al.coverageA()).isEqualTo(1.0);
    assertThat(al.coverageB()).isEqualTo(1.0);
  }

  @Test
  void oneMegabyteDocumentsWork() {
    Random r = new Random(7);
    String[] vocab = new String[3000];
    for (int k = 0; k < vocab.length; k++) {
      vocab[k] = "w" + Integer.toString(k, 36) + (char) ('a' + r.nextInt(26));
    }
    StringBuilder sb = new StringBuilder();
    while (sb.length() < 1_000_000) {
      int words = 8 + r.nextInt(15);
      for (int w = 0; w < words; w++) {
        sb.append(w == 0 ? "The" : vocab[r.nextInt(vocab.length)]).append(' ');
      }
      sb.setLength(sb.length() - 1);
      sb.append(". ");
    }
    String a = sb.toString();
    String b = "Preface of the copy. " + a.substring(1000, 900_000);
    Alignment same = align(a, a);
    assertThat(same.coverageA()).isGreaterThan(0.9999);
    Alignment part = align(a, b);
    assertThat(part.coverageB()).isGreaterThan(0.95);
    assertThat(part.passages()).hasSize(1);
  }

  @Test
  void passagesHaveConsistentEdits() {
    String a = String.join(" ", S1, S2, S3, S4);
    String b = String.join(" ", S2.replace("four", "five"), "Filler words here.", S4, S1);
    for (Passage p : align(a, b).passages()) {
      for (Edit e : p.edits()) {
        assertThat(a.substring(e.aStart(), e.aEnd())).isEqualTo(e.aText());
        assertThat(b.substring(e.bStart(), e.bEnd())).isEqualTo(e.bText());
        assertThat(e.aStart()).isBetween(p.aStart(), p.aEnd());
        assertThat(e.bStart()).isBetween(p.bStart(), p.bEnd());
      }
      assertThat(p.edits().get(0).op()).isEqualTo(EditOp.KEEP);
      assertThat(p.edits().get(p.edits().size() - 1).op()).isEqualTo(EditOp.KEEP);
    }
  }

  @Test
  void swappedAlignmentMirrors() {
    String a = S1 + " " + S2;
    String b = S1 + " " + S2.replace("twelve bridges", "twelve old bridges");
    Alignment ab = align(a, b);
    Alignment ba = align(b, a);
    assertThat(ab.swapped().passages().get(0).aStart()).isEqualTo(ba.passages().get(0).aStart());
    assertThat(ba.passages().get(0).edits().get(1).op()).isEqualTo(EditOp.DELETE);
  }

  @Test
  void optionsRejectBadValues() {
    assertThatThrownBy(() -> new Aligner.Options(1, 12, 8, 20, 48, 4, 12, 0.4, 0.15))
        .hasMessageContaining("gramWords");
    assertThatThrownBy(() -> new Aligner.Options(4, 12, 8, 20, 10, 4, 12, 0.4, 0.15))
        .hasMessageContaining("mergeGap");
    assertThatThrownBy(() -> new Aligner(null)).hasMessageContaining("options");
    assertThat(List.of(Aligner.standard().options())).containsExactly(Aligner.DEFAULTS);
  }
}
