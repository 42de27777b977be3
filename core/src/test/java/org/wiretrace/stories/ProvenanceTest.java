package org.wiretrace.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wiretrace.relate.Relation;
import org.wiretrace.stories.Provenance.Link;
import org.wiretrace.stories.Provenance.Version;

class ProvenanceTest {

  private static Version v(String id, String when, int words) {
    return new Version(id, Optional.of(Instant.parse(when)), words);
  }

  @Test
  void anEarlierCopyArrivingLaterBecomesTheOriginal() {
    List<Version> versions = new ArrayList<>();
    versions.add(v("site-b", "2024-03-01T10:00:00Z", 500));
    versions.add(v("site-c", "2024-03-01T12:00:00Z", 200));
    List<Link> links = new ArrayList<>();
    links.add(new Link("site-b", "site-c", Relation.EXCERPT, 0.4, 1.0));

    Family before = Provenance.families(versions, links).get(0);
    assertThat(before.originalId()).isEqualTo("site-b");
    assertThat(before.members().get(0).relation()).isEqualTo(Relation.ORIGINAL);

    // the wire's own text, published first, is found later
    versions.add(v("wire", "2024-03-01T08:00:00Z", 510));
    links.add(new Link("wire", "site-b", Relation.DUPLICATE, 0.98, 1.0));
    links.add(new Link("wire", "site-c", Relation.EXCERPT, 0.39, 1.0));
    Family after = Provenance.families(versions, links).get(0);

    assertThat(after.originalId()).isEqualTo("wire");
    assertThat(after.id()).isEqualTo("f-wire");
    assertThat(after.members())
        .extracting(Member::articleId, Member::relation, Member::sourceId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("wire", Relation.ORIGINAL, "wire"),
            org.assertj.core.groups.Tuple.tuple("site-b", Relation.DUPLICATE, "wire"),
            org.assertj.core.groups.Tuple.tuple("site-c", Relation.EXCERPT, "wire"));
    assertThat(after.evidence()).contains("earliest published").contains("2024-03-01T08:00:00Z");
  }

  @Test
  void anEarlierExcerptDoesNotOutrankTheFullText() {
    List<Version> versions =
        List.of(v("excerpt", "2024-03-01T07:00:00Z", 120), v("full", "2024-03-01T09:00:00Z", 600));
    List<Link> links = List.of(new Link("full", "excerpt", Relation.EXCERPT, 0.2, 1.0));
    Family f = Provenance.families(versions, links).get(0);
    assertThat(f.originalId()).isEqualTo("full");
    assertThat(f.evidence()).contains("1 earlier version is partial");
  }

  @Test
  void independentReportsAreFamiliesOfTheirOwn() {
    List<Version> versions =
        List.of(
            v("afp", "2024-03-01T07:00:00Z", 400),
            v("reuters", "2024-03-01T07:30:00Z", 450),
            v("reuters-spun", "2024-03-02T07:30:00Z", 450));
    List<Link> links =
        List.of(
            new Link("afp", "reuters", Relation.SAME_STORY, 0, 0),
            new Link("reuters", "reuters-spun", Relation.SPUN, 0.7, 0.7));
    List<Family> fams = Provenance.families(versions, links);
    assertThat(fams).hasSize(2);
    assertThat(fams.get(0).articleIds()).containsExactly("reuters", "reuters-spun");
    assertThat(fams.get(0).members().get(1).relation()).isEqualTo(Relation.SPUN);
    assertThat(fams.get(1).articleIds()).containsExactly("afp");
  }
}
