package org.wiretrace.spin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceRestorerTest {

  private static final String SOURCE =
      "The harbour authority said on Tuesday that the old lighthouse at the end of the north pier"
          + " will be repaired before the winter storms reach the coast. The work will cost two"
          + " million crowns and will be paid by the town council, the authority said in a"
          + " statement. Fishermen have asked for the repair since the light failed in March.";

  private static final String SPUN =
      "The harbour authority stated on Tuesday that the old lighthouse at the end of the north"
          + " pier will be fixed before the winter storms reach the coast. The work will value two"
          + " million crowns and will be paid by the town council, the authority said in a"
          + " assertion. Fishermen have requested for the repair since the light failed in March.";

  @Test
  void restoresTheExactWordsOfTheSource() {
    Restoration r = SourceRestorer.standard().restore(SPUN, SOURCE);
    assertThat(r.phrases())
        .extracting(SpunPhrase::text, SpunPhrase::suggestion)
        .contains(
            org.assertj.core.groups.Tuple.tuple("stated", "said"),
            org.assertj.core.groups.Tuple.tuple("fixed", "repaired"),
            org.assertj.core.groups.Tuple.tuple("value", "cost"),
            org.assertj.core.groups.Tuple.tuple("requested", "asked"));
    for (SpunPhrase p : r.phrases()) {
      assertThat(SPUN.substring(p.start(), p.end())).isEqualTo(p.text());
      assertThat(p.confidence()).isEqualTo(1.0);
    }
    assertThat(r.restoredText()).contains("authority said on Tuesday", "will be repaired before");
    assertThat(r.spinScore()).isBetween(0.05, 0.3);
  }

  @Test
  void findsNothingToRestoreInAnUnchangedCopy() {
    Restoration r = SourceRestorer.standard().restore(SOURCE, SOURCE);
    assertThat(r.phrases()).isEmpty();
    assertThat(r.restoredText()).isEqualTo(SOURCE);
    assertThat(r.spinScore()).isZero();
  }
}
