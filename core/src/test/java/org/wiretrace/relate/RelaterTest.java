package org.wiretrace.relate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wiretrace.ingest.Article;
import org.wiretrace.text.Tokens;

class RelaterTest {

  private static final String WIRE =
      "The city council approved the new budget on Tuesday after a long debate about road"
          + " repairs.\n\nMayor Ellen Brooks said the plan would fund twelve bridges and four"
          + " schools by next spring.\n\nOpposition members argued that the harbour project had"
          + " been pushed aside without any vote.\n\nA public hearing on the harbour project is"
          + " planned for the second week of March in Dunmore.";

  private static Relation relation(String a, String b) {
    Article x = Article.builder("a.txt", a).build();
    Article y = Article.builder("b.txt", b).build();
    return Relater.standard().judge(x, Tokens.of(a), y, Tokens.of(b)).relation();
  }

  @Test
  void sameTextIsDuplicate() {
    assertThat(relation(WIRE, WIRE.replace("\n\n", "\n"))).isEqualTo(Relation.DUPLICATE);
  }

  @Test
  void leadParagraphsAreExcerpt() {
    String lead = WIRE.substring(0, WIRE.indexOf("Opposition"));
    assertThat(relation(WIRE, lead)).isEqualTo(Relation.EXCERPT);
  }

  @Test
  void addedSentenceIsEdited() {
    String b =
        WIRE.replace(
            "next spring.",
            "next spring. Local businesses welcomed the news, saying roads had been neglected.");
    assertThat(relation(WIRE, b)).isEqualTo(Relation.EDITED);
  }

  @Test
  void synonymsInOrderAreSpun() {
    String b =
        "The town council endorsed the fresh budget on Tuesday after a lengthy discussion about"
            + " street fixes. Mayor Ellen Brooks stated the scheme would finance twelve bridges"
            + " and four academies by next springtime. Opposition members contended that the"
            + " harbour venture had been shoved aside without any ballot. A public audition on"
            + " the harbour venture is intended for the second week of March in Dunmore.";
    assertThat(relation(WIRE, b)).isEqualTo(Relation.SPUN);
  }

  @Test
  void templatedNoticeWithOtherNamesAndFiguresIsEditedNotSpun() {
    // two notices cut from one template: only names, amounts and dates differ (Reuters-21578
    // carries hundreds of these); a spinner never changes names or numbers
    String a =
        "Nikko Securities Co is issuing a 125 mln dlr eurobond due April 7, 1997 paying eight pct"
            + " and priced at 101-1/4, lead manager Citicorp Investment Bank Ltd said. The"
            + " selling concession is 1-3/8 pct while management and underwriting combined pays"
            + " 5/8 pct. The bonds will be listed in Luxembourg.";
    String b =
        "Berliner Bank AG is issuing a 50 mln dlr eurobond due May 6, 1990 paying seven pct"
            + " and priced at 102-1/8, lead manager Hambros Bank Ltd said. The"
            + " selling concession is one pct while management and underwriting combined pays"
            + " 1/2 pct. The bonds will be listed in London.";
    assertThat(relation(a, b)).isEqualTo(Relation.EDITED);
  }

  @Test
  void aTemplateWithALongRunReplacedByOneWordIsNotSpun() {
    // Reuters-21578 #464 and #470: two funds' dividend notices; "qtr including capital gains of
    // 2.978 dlrs" -> "period" is a cut, not a synonym, and the figures are the template's blanks
    String a =
        "Qtly div from income 5.1 cts vs 3.035 dlrs in prior qtr\nincluding capital gains of"
            + " 2.978 dlrs\n    Payable March 27\n    Record February 27\n Reuter";
    String b =
        "Semi-annual div from income of 7.3 cts vs 1.0 cent in prior\nperiod\n    Payable March"
            + " 27\n    Record February 27\n Reuter";
    assertThat(relation(a, b)).isNotEqualTo(Relation.SPUN);
  }

  @Test
  void companiesNamedAtSentenceStartsAreFactsNotSpin() {
    // two companies' notices from one template: the names open the sentences, where a spinner's
    // ordinary words are capitalised too; names are told apart as words prose never writes in
    // lower case
    String a =
        "Micropolis said it filed for an offering. Micropolis said it will sell convertible"
            + " notes. Micropolis said profits rose in the quarter. Micropolis said costs fell.";
    String b =
        "Audiotronics said it filed for an offering. Audiotronics said it will sell convertible"
            + " notes. Audiotronics said profits rose in the quarter. Audiotronics said costs"
            + " fell.";
    assertThat(relation(a, b)).isEqualTo(Relation.EDITED);
  }

  @Test
  void twoWordSynonymsStillCountAsSpin() {
    String b =
        "The town council endorsed the fresh budget on Tuesday after a long-winded discussion"
            + " about street fixes. Mayor Ellen Brooks stated the scheme would finance twelve"
            + " bridges and four academies by next springtime. Opposition members contended that"
            + " the harbour venture had been shoved aside without any ballot. A public audition on"
            + " the harbour venture is intended for the second week of March in Dunmore.";
    assertThat(relation(WIRE, b)).isEqualTo(Relation.SPUN);
  }

  @Test
  void spunCapitalisedCommonWordsStillCountAsSpin() {
    // "Cold War" -> "Chilly Battle": capitalised, but ordinary words a thesaurus offers
    String a =
        "Analysts at the institute said the vote marked a sharp break with the long tradition of"
            + " neutrality, which dates back to the end of the Cold War and the first peace"
            + " treaty. The government also announced a separate humanitarian aid programme for"
            + " displaced families in the east.";
    String b =
        "Analysts at the institute stated the vote marked a pointy break with the lengthy custom of"
            + " neutrality, which dates again to the tip of the Chilly Battle and the first peace"
            + " treaty. The federal government additionally introduced a separate humanitarian assist"
            + " programme for displaced households in the east.";
    assertThat(relation(a, b)).isEqualTo(Relation.SPUN);
  }

  @Test
  void aLightButPureSpinIsSpunAndALightSpinAmongEditsIsNot() {
    // 12 of 100 words substituted: below the main share, nothing else changed: a spinner's
    assertThat(Relater.isLightSpin(88, 12, 0, 0)).isTrue();
    assertThat(Relater.isLightSpin(86, 14, 2, 0)).isTrue();
    // the same substitutions with cuts, additions or changed figures beside them: an editor's
    assertThat(Relater.isLightSpin(88, 12, 0, 3)).isFalse();
    assertThat(Relater.isLightSpin(86, 14, 3, 0)).isFalse();
    // below the lighter share
    assertThat(Relater.isLightSpin(92, 8, 0, 0)).isFalse();
  }

  @Test
  void mojibakeCopyIsMisEncoded() {
    String a = WIRE.replace("Mayor Ellen Brooks said", "Mayor Ellen Brooks said the city’s");
    String b = a.replace("’", "â€™");
    assertThat(relation(a, b)).isEqualTo(Relation.MIS_ENCODED);
  }

  @Test
  void noSharedTextIsSameStoryOrUnrelated() {
    String story =
        "Dunmore council budget: Mayor Ellen Brooks defended the harbour project and the bridges"
            + " plan in March, as council members and opposition members clashed.";
    assertThat(relation(WIRE, story)).isEqualTo(Relation.SAME_STORY);
    String other =
        "Heavy snow closed mountain passes in the Alps, and skiers were told to stay indoors"
            + " until the avalanche warning is lifted later this week.";
    assertThat(relation(WIRE, other)).isEqualTo(Relation.UNRELATED);
  }
}
