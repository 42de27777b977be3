package org.wiretrace.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiretrace.index.ArticleIndex;
import org.wiretrace.index.TopicVector;
import org.wiretrace.ingest.Article;

class CheckSearchTest {

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
  static final String HARBOUR_REPORT =
      "Ferry passengers in Sallen will be able to cross to Norrvik and Castell Island at night from"
          + " May, after Ilse Marant's board backed the plan. Fishermen in Norrvik welcomed the"
          + " change; shop owners on Castell Island expect more summer visitors.";
  static final String VISIT =
      "Ilse Marant visited Norrvik on Friday to open a school library. Pupils sang songs, teachers"
          + " showed paintings and poems, parents baked bread and cakes, and the mayor read a story"
          + " about whales, owls, foxes and wolves to the youngest children in the garden.";
  static final String OTHER =
      "Snow closed the high mountain passes overnight, and the weather office in Kestrel Bay said"
          + " on Tuesday that more snow would fall in the north before the weekend.";

  @TempDir static Path dir;
  @TempDir static Path plainDir;
  static ArticleIndex index;

  /** The same articles stored without topic vectors: every name neighbour is read (as before). */
  static ArticleIndex plain;

  static final Map<String, Prepared> STORED = new HashMap<>();

  static Prepared a(String id, String text) {
    return Prepared.of(Article.builder(id, text).id(id).build());
  }

  /** What the scan stores: the fingerprint and the truncated topic vector. */
  static TopicVector topic(Prepared x) {
    return TopicVector.of(x.vector().terms(), x.vector().weights(), TopicVector.DEFAULT_TERMS);
  }

  @BeforeAll
  static void build() throws Exception {
    index = ArticleIndex.open(dir);
    for (Prepared x :
        List.of(
            a("harbour", HARBOUR),
            a("spun", HARBOUR_SPUN),
            a("report", HARBOUR_REPORT),
            a("visit", VISIT),
            a("other", OTHER))) {
      index.put(x.article(), index.fingerprinter().of(x.analyzed().tokens()), topic(x), null);
      STORED.put(x.id(), x);
    }
    index.commit();
    plain = ArticleIndex.open(plainDir);
    for (Prepared x : STORED.values()) {
      plain.put(x.article(), x.analyzed().tokens());
    }
    plain.commit();
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
    plain.close();
  }

  static CheckSearch.Candidates check(String text) throws Exception {
    return check(index, text);
  }

  static CheckSearch.Candidates check(ArticleIndex in, String text) throws Exception {
    return new CheckSearch(in)
        .candidates(
            a("submitted", text), id -> Optional.ofNullable(STORED.get(id)), STORED::containsKey);
  }

  static List<String> ids(List<Prepared> as) {
    return as.stream().map(Prepared::id).toList();
  }

  @Test
  void aCopyAndASpunVersionAreJudgedFromTheIndexCandidates() throws Exception {
    CheckSearch.Candidates c = check(HARBOUR);
    assertThat(ids(c.judge())).contains("harbour", "spun").doesNotContain("other");
  }

  @Test
  void anExcerptFindsItsSource() throws Exception {
    assertThat(ids(check(HARBOUR_COPY).judge())).startsWith("harbour");
  }

  @Test
  void reportsNamingTheSamePeopleAndPlacesAreJudgedOrReportedAsTheSameStory() throws Exception {
    CheckSearch.Candidates c = check(HARBOUR);
    // close in content words: aligned and judged although it shares no sentence
    assertThat(ids(c.judge())).contains("report");
    // the same people and places on another occasion: the same story from the cosine alone
    assertThat(c.storyOnly()).containsExactly("visit");
    assertThat(c.storySimilarity()[0]).isBetween(0.2, 0.5);
  }

  @Test
  void anUnrelatedTextHasNoCandidates() throws Exception {
    String text =
        "The chess club of Varnholm elected a new treasurer at its annual meeting, and members"
            + " voted to buy twelve new clocks for the winter tournament season.";
    assertThat(check(text).size()).isZero();
  }

  @Test
  void storedArticlesThatAreGoneAreSkipped() throws Exception {
    CheckSearch.Candidates c =
        new CheckSearch(index)
            .candidates(a("submitted", HARBOUR), id -> Optional.empty(), id -> false);
    assertThat(c.size()).isZero();
  }

  @Test
  void storedTopicVectorsGiveTheAnswersOfTheStoredTexts() throws Exception {
    // short texts keep every content word in their topic vector, so the truncated similarity is
    // the full cosine: the candidates and similarities equal those computed from the stored texts
    for (String text : List.of(HARBOUR, HARBOUR_COPY, HARBOUR_SPUN, HARBOUR_REPORT, VISIT, OTHER)) {
      CheckSearch.Candidates fromVectors = check(index, text);
      CheckSearch.Candidates fromTexts = check(plain, text);
      assertThat(ids(fromVectors.judge())).isEqualTo(ids(fromTexts.judge()));
      assertThat(fromVectors.storyOnly()).isEqualTo(fromTexts.storyOnly());
      assertThat(fromVectors.storySimilarity())
          .containsExactly(fromTexts.storySimilarity(), org.assertj.core.data.Offset.offset(1e-6));
    }
  }

  @Test
  void theSubmittedVectorAsAQueryGivesItsCosineWithAStoredVector() {
    Prepared x = a("x", HARBOUR);
    Prepared y = a("y", HARBOUR_REPORT);
    double full = x.vector().cosine(y.vector());
    assertThat(CheckSearch.query(x.vector()).dot(topic(y))).isCloseTo(full, within(1e-6));
    // a truncated stored vector gives a lower bound
    TopicVector three = TopicVector.of(y.vector().terms(), y.vector().weights(), 3);
    assertThat(CheckSearch.query(x.vector()).dot(three)).isLessThanOrEqualTo(full + 1e-6);
  }
}
