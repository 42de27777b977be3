package org.wiretrace.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wiretrace.ingest.Article;
import org.wiretrace.text.AnalyzedArticle;
import org.wiretrace.text.Tokens;

class CheckIndexTest {

  static final String HARBOUR =
      "The harbour board of Sallen approved a new ferry timetable on Tuesday, adding night crossings"
          + " to Norrvik and Castell Island from the first of May. Board chair Ilse Marant said the"
          + " night service would run for a trial season of six months and cost about 4 million"
          + " crowns, paid from port fees rather than taxes.";
  static final String HARBOUR_COPY =
      "Sallen news: The harbour board of Sallen approved a new ferry timetable on Tuesday, adding"
          + " night crossings to Norrvik and Castell Island from the first of May.";
  static final String HARBOUR_SPUN =
      "The port council of Sallen endorsed a fresh boat schedule on Tuesday, including evening"
          + " voyages to Norrvik and Castell Island from the initial of May. Council head Ilse"
          + " Marant stated the evening service would operate for a test period of six months and"
          + " price roughly 4 million crowns, funded from port charges instead of taxes.";
  static final String OTHER =
      "Snow closed the high mountain passes overnight, and the weather office said on Tuesday that"
          + " more snow would fall in the north before the weekend, from the first of May onwards.";

  static AnalyzedArticle a(String id, String text) {
    return AnalyzedArticle.of(Article.builder(id, text).id(id).build());
  }

  static final CheckIndex INDEX =
      new CheckIndex(List.of(a("harbour", HARBOUR), a("other", OTHER), a("spun", HARBOUR_SPUN)));

  /** {@code n} distinct made-up words starting with {@code prefix}. */
  static String words(String prefix, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(prefix).append(Integer.toString(i, 26).replace('0', 'z')).append(' ');
    }
    return sb.toString();
  }

  @Test
  void reusedTextIsACandidateButAStockPhraseIsNot() {
    String stock = "according to the latest figures from the ministry ";
    String wire = words("qa", 200) + stock + words("qb", 200);
    String unrelated = words("xa", 200) + stock + words("xb", 200);
    CheckIndex index = new CheckIndex(List.of(a("wire", wire), a("unrelated", unrelated)));
    String copy = words("qa", 120);
    assertThat(index.candidates(Tokens.of(copy)).judge()).containsExactly(0);
    // six trigrams of a stock phrase, out of 400: not reuse
    String other = words("ya", 200) + stock + words("yb", 200);
    assertThat(index.candidates(Tokens.of(other)).judge()).isEmpty();
    assertThat(index.candidates(Tokens.of(HARBOUR_COPY)).judge()).isEmpty();
  }

  @Test
  void aShortCopyOfAShortArticleIsACandidate() {
    assertThat(INDEX.candidates(Tokens.of(HARBOUR_COPY)).judge()).startsWith(0);
  }

  @Test
  void aSpunCopyWithBrokenTrigramsIsStillJudged() {
    CheckIndex.Candidates c = INDEX.candidates(Tokens.of(HARBOUR));
    assertThat(c.judge()).contains(0, 2);
  }

  @Test
  void trigramsAreDistinctAndSorted() {
    long[] g = CheckIndex.trigrams(Tokens.of("a b c a b c a b c"));
    assertThat(g).isSorted().doesNotHaveDuplicates().hasSize(3);
    assertThat(CheckIndex.trigrams(Tokens.of("two words"))).isEmpty();
  }
}
