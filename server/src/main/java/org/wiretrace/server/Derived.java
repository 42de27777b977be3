package org.wiretrace.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wiretrace.pipeline.ScanResult;
import org.wiretrace.pipeline.StoredJudgements;
import org.wiretrace.relate.PairVerdict;
import org.wiretrace.relate.Relation;
import org.wiretrace.stories.Family;
import org.wiretrace.stories.Member;
import org.wiretrace.stories.Story;

/**
 * What the pipeline derived from one committed state of the store: stories, their text families,
 * and the judged relations between articles, with lookups by id. Relations are kept as {@link Link}
 * figures only (no alignments, no tokens), so this holds a few hundred bytes per article; texts and
 * alignments are read or recomputed per request. Immutable; thread-safe.
 */
final class Derived {

  /** Where an article stands: its story, its family and its membership in that family. */
  record Place(Story story, Family family, Member member) {}

  /**
   * A judged pair: b's relation to a (a is the earlier article), each side's aligned share, and
   * their content-word similarity.
   */
  record Link(
      String aId,
      String bId,
      Relation relation,
      double aCoverage,
      double bCoverage,
      double storySimilarity) {

    static Link of(PairVerdict v) {
      return new Link(
          v.aId(),
          v.bId(),
          v.relation(),
          v.verdict().coverageA(),
          v.verdict().coverageB(),
          v.verdict().storySimilarity());
    }

    /** The other side of the pair. */
    String other(String id) {
      return aId.equals(id) ? bId : aId;
    }

    /** The aligned share of article {@code id}'s text. */
    double coverageOf(String id) {
      return aId.equals(id) ? aCoverage : bCoverage;
    }
  }

  private final List<Story> stories;
  private final int relationCount;
  private final Map<String, Story> storiesById = new HashMap<>();
  private final Map<String, Family> families = new HashMap<>();
  private final Map<String, Story> storyOfFamily = new HashMap<>();
  private final Map<String, Place> places = new HashMap<>();
  private final Map<String, List<Link>> links = new HashMap<>();

  Derived(List<Story> stories, List<Link> relations) {
    this.stories = List.copyOf(stories);
    this.relationCount = relations.size();
    for (Story s : stories) {
      storiesById.put(s.id(), s);
      for (Family f : s.families()) {
        families.put(f.id(), f);
        storyOfFamily.put(f.id(), s);
        for (Member m : f.members()) {
          places.put(m.articleId(), new Place(s, f, m));
        }
      }
    }
    for (Link l : relations) {
      links.computeIfAbsent(l.aId(), k -> new ArrayList<>()).add(l);
      links.computeIfAbsent(l.bId(), k -> new ArrayList<>()).add(l);
    }
  }

  /** The stories and relations of a scan, without its articles and alignments. */
  static Derived of(ScanResult r) {
    return new Derived(r.stories(), r.verdicts().stream().map(Link::of).toList());
  }

  /** The stories and relations read from a store. */
  static Derived of(StoredJudgements j) {
    return new Derived(j.stories(), j.verdicts().stream().map(Link::of).toList());
  }

  /** Nothing derived: an empty store. */
  static Derived empty() {
    return new Derived(List.of(), List.of());
  }

  /** Stories, largest first. */
  List<Story> stories() {
    return stories;
  }

  int relationCount() {
    return relationCount;
  }

  int familyCount() {
    return families.size();
  }

  Optional<Story> story(String id) {
    return Optional.ofNullable(storiesById.get(id));
  }

  Optional<Family> family(String id) {
    return Optional.ofNullable(families.get(id));
  }

  Story storyOf(Family f) {
    return storyOfFamily.get(f.id());
  }

  /** The story, family and membership of an article (every article derived has one). */
  Optional<Place> place(String articleId) {
    return Optional.ofNullable(places.get(articleId));
  }

  /** The relations involving the article, in the scan's order. */
  List<Link> links(String articleId) {
    return links.getOrDefault(articleId, List.of());
  }
}
