package org.wiretrace.stories;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wiretrace.ingest.Article;
import org.wiretrace.relate.PairVerdict;
import org.wiretrace.relate.Relation;
import org.wiretrace.text.AnalyzedArticle;

/**
 * Groups articles into stories and text families from the pair verdicts. Families are the connected
 * components of text-sharing verdicts; stories join families linked by a {@link
 * Relation#SAME_STORY} verdict. A family's original is the earliest-published of its most complete
 * members (at least {@link #COMPLETE_SHARE} of the longest member's length); ids are derived from
 * article ids, never from run order. Stateless and thread-safe.
 */
public final class StoryBuilder {

  /** A member this share as long as the family's longest counts as a complete version. */
  public static final double COMPLETE_SHARE = 0.8;

  private StoryBuilder() {}

  /** Stories of {@code articles}, largest first, from the verdicts between them. */
  public static List<Story> build(List<AnalyzedArticle> articles, List<PairVerdict> verdicts) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < articles.size(); i++) {
      index.put(articles.get(i).id(), i);
    }
    UnionFind families = new UnionFind(articles.size());
    UnionFind stories = new UnionFind(articles.size());
    for (PairVerdict v : verdicts) {
      Integer a = index.get(v.aId());
      Integer b = index.get(v.bId());
      if (a == null || b == null) {
        continue;
      }
      if (v.relation().sharesText()) {
        families.union(a, b);
        stories.union(a, b);
      } else if (v.relation() == Relation.SAME_STORY) {
        stories.union(a, b);
      }
    }
    Map<Integer, List<Integer>> familyMembers = new LinkedHashMap<>();
    for (int i = 0; i < articles.size(); i++) {
      familyMembers.computeIfAbsent(families.find(i), k -> new ArrayList<>()).add(i);
    }
    Map<Integer, List<Family>> storyFamilies = new LinkedHashMap<>();
    for (List<Integer> members : familyMembers.values()) {
      Family f = family(articles, members, verdicts);
      int story = stories.find(members.get(0));
      storyFamilies.computeIfAbsent(story, k -> new ArrayList<>()).add(f);
    }
    List<Story> out = new ArrayList<>();
    for (List<Family> fams : storyFamilies.values()) {
      fams.sort(
          Comparator.comparingInt((Family f) -> -f.members().size()).thenComparing(Family::id));
      Family lead = fams.get(0);
      String earliest =
          fams.stream()
              .flatMap(f -> f.articleIds().stream())
              .map(id -> articles.get(index.get(id)).article())
              .min(chronological())
              .map(Article::id)
              .orElseThrow();
      out.add(new Story("s-" + earliest, title(articles, index, lead), fams));
    }
    out.sort(Comparator.comparingInt((Story s) -> -s.articleIds().size()).thenComparing(Story::id));
    return out;
  }

  private static String title(
      List<AnalyzedArticle> articles, Map<String, Integer> index, Family f) {
    return articles.get(index.get(f.originalId())).article().title();
  }

  /** Earliest publication first (undated last), then id. */
  public static Comparator<Article> chronological() {
    return Comparator.comparing(
            (Article a) -> a.published().orElse(Instant.MAX), Comparator.naturalOrder())
        .thenComparing(Article::id);
  }

  private static Family family(
      List<AnalyzedArticle> articles, List<Integer> members, List<PairVerdict> verdicts) {
    int longest = 0;
    for (int m : members) {
      longest = Math.max(longest, articles.get(m).article().chars());
    }
    final int threshold = (int) (COMPLETE_SHARE * longest);
    Article original =
        members.stream()
            .map(m -> articles.get(m).article())
            .filter(a -> a.chars() >= threshold)
            .min(chronological())
            .orElseThrow();
    String oid = original.id();
    List<Member> out = new ArrayList<>();
    out.add(new Member(oid, Relation.ORIGINAL, 1.0, oid));
    List<Article> rest =
        members.stream()
            .map(m -> articles.get(m).article())
            .filter(a -> !a.id().equals(oid))
            .sorted(chronological())
            .toList();
    for (Article a : rest) {
      out.add(member(a.id(), oid, verdicts));
    }
    return new Family("f-" + oid, oid, out);
  }

  /** The member's relation to the original, or else to the family member it is best aligned to. */
  private static Member member(String id, String originalId, List<PairVerdict> verdicts) {
    PairVerdict best = null;
    for (PairVerdict v : verdicts) {
      if (!v.involves(id) || !v.relation().sharesText()) {
        continue;
      }
      if (v.involves(originalId)) {
        best = v;
        break;
      }
      if (best == null || v.coverageOf(id) > best.coverageOf(id)) {
        best = v;
      }
    }
    if (best == null) {
      return new Member(id, Relation.EDITED, 0, originalId);
    }
    return new Member(id, best.relation(), best.coverageOf(id), best.other(id));
  }
}
