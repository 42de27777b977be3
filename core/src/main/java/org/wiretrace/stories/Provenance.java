package org.wiretrace.stories;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.wiretrace.relate.Relation;

/**
 * Text families and their provenance from reuse relations.
 *
 * <p>A family is a connected component of the text-sharing relations ({@link
 * Relation#sharesText()}: duplicates, excerpts, edits, spins, mis-encodings); an article sharing
 * text with nobody is a family of its own (independent reporting). The likely original is the
 * earliest-published among the family's most complete versions (at least {@link #COMPLETE_SHARE} of
 * the longest version's words), so an earlier excerpt does not outrank the full text it was cut
 * from, and an earlier complete copy arriving later becomes the original. Each other member's
 * source is found by growing a tree from the original: a member related to the original directly
 * takes it as source, others the already-placed member whose relation covers most of their text.
 *
 * <p>Stateless and thread-safe.
 */
public final class Provenance {

  /** A version at least this share of the longest version's words counts as complete. */
  public static final double COMPLETE_SHARE = 0.8;

  private Provenance() {}

  /** What provenance needs of one article. */
  public record Version(String id, Optional<Instant> published, int words) {
    public Version {
      Objects.requireNonNull(id, "id");
      published = Objects.requireNonNullElse(published, Optional.empty());
      if (words < 0) {
        throw new IllegalArgumentException("words must not be negative: " + words);
      }
    }
  }

  /**
   * A reuse relation between two articles: {@code relation} is b's relation to a; the coverages are
   * each side's share of text inside aligned passages.
   */
  public record Link(
      String aId, String bId, Relation relation, double coverageA, double coverageB) {
    public Link {
      Objects.requireNonNull(aId, "aId");
      Objects.requireNonNull(bId, "bId");
      Objects.requireNonNull(relation, "relation");
    }

    boolean involves(String id) {
      return aId.equals(id) || bId.equals(id);
    }

    String other(String id) {
      return aId.equals(id) ? bId : aId;
    }

    double coverageOf(String id) {
      return Math.max(0, Math.min(1, aId.equals(id) ? coverageA : coverageB));
    }

    /** The relation of {@code id} to the other side. */
    Relation relationOf(String id) {
      if (bId.equals(id) || relation != Relation.EXCERPT) {
        return relation;
      }
      return Relation.EDITED; // a holds all of its excerpt b and more
    }
  }

  /** Publication order, undated last, then id. */
  public static final Comparator<Version> CHRONOLOGICAL =
      Comparator.comparing((Version v) -> v.published().orElse(Instant.MAX))
          .thenComparing(Version::id);

  /** The families of {@code versions} (one story's articles), largest first. */
  public static List<Family> families(List<Version> versions, List<Link> links) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < versions.size(); i++) {
      index.put(versions.get(i).id(), i);
    }
    UnionFind uf = new UnionFind(versions.size());
    List<Link> sharing = new ArrayList<>();
    for (Link l : links) {
      Integer a = index.get(l.aId());
      Integer b = index.get(l.bId());
      if (a != null && b != null && l.relation().sharesText() && !a.equals(b)) {
        uf.union(a, b);
        sharing.add(l);
      }
    }
    Map<Integer, List<Version>> groups = new LinkedHashMap<>();
    for (int i = 0; i < versions.size(); i++) {
      groups.computeIfAbsent(uf.find(i), k -> new ArrayList<>()).add(versions.get(i));
    }
    Map<Integer, List<Link>> groupLinks = new HashMap<>();
    for (Link l : sharing) {
      groupLinks.computeIfAbsent(uf.find(index.get(l.aId())), k -> new ArrayList<>()).add(l);
    }
    List<Family> out = new ArrayList<>();
    for (Map.Entry<Integer, List<Version>> g : groups.entrySet()) {
      out.add(family(g.getValue(), groupLinks.getOrDefault(g.getKey(), List.of())));
    }
    out.sort(Comparator.comparingInt((Family f) -> -f.members().size()).thenComparing(Family::id));
    return out;
  }

  /** One family from its versions and the relations among them. */
  public static Family family(List<Version> versions, List<Link> links) {
    if (versions.isEmpty()) {
      throw new IllegalArgumentException("a family needs at least one version");
    }
    int longest = versions.stream().mapToInt(Version::words).max().orElse(0);
    int needed = (int) Math.ceil(COMPLETE_SHARE * longest);
    List<Version> complete = versions.stream().filter(v -> v.words() >= needed).toList();
    Version original =
        complete.stream()
            .min(
                Comparator.comparing((Version v) -> v.published().orElse(Instant.MAX))
                    .thenComparing(v -> -v.words())
                    .thenComparing(Version::id))
            .orElseThrow();
    Map<String, Version> byId = new HashMap<>();
    versions.forEach(v -> byId.put(v.id(), v));
    Map<String, Member> placed = new LinkedHashMap<>();
    placed.put(
        original.id(),
        new Member(original.id(), Relation.ORIGINAL, 1.0, original.id(), original.published()));
    growTree(original.id(), versions, links, byId, placed);
    List<Member> members = new ArrayList<>();
    members.add(placed.get(original.id()));
    versions.stream()
        .sorted(CHRONOLOGICAL)
        .filter(v -> !v.id().equals(original.id()))
        .forEach(v -> members.add(placed.get(v.id())));
    return new Family(
        "f-" + original.id(),
        original.id(),
        members,
        evidence(original, versions, complete, longest));
  }

  private static void growTree(
      String originalId,
      List<Version> versions,
      List<Link> links,
      Map<String, Version> byId,
      Map<String, Member> placed) {
    while (placed.size() < versions.size()) {
      Link best = null;
      String bestMember = null;
      double bestScore = -1;
      for (Link l : links) {
        boolean aIn = placed.containsKey(l.aId());
        boolean bIn = placed.containsKey(l.bId());
        if (aIn == bIn) {
          continue;
        }
        String member = aIn ? l.bId() : l.aId();
        String source = l.other(member);
        double score = l.coverageOf(member) + (source.equals(originalId) ? 2 : 0);
        if (score > bestScore) {
          bestScore = score;
          best = l;
          bestMember = member;
        }
      }
      if (best == null) {
        // not connected by the given links: attach the rest to the original as unexplained edits
        for (Version v : versions) {
          placed.computeIfAbsent(
              v.id(),
              id -> new Member(id, Relation.EDITED, 0, originalId, byId.get(id).published()));
        }
        return;
      }
      placed.put(
          bestMember,
          new Member(
              bestMember,
              best.relationOf(bestMember),
              best.coverageOf(bestMember),
              best.other(bestMember),
              byId.get(bestMember).published()));
    }
  }

  private static String evidence(
      Version original, List<Version> versions, List<Version> complete, int longest) {
    StringBuilder sb = new StringBuilder();
    if (versions.size() == 1) {
      sb.append("only version");
      original.published().ifPresent(p -> sb.append(", published ").append(p));
      return sb.toString();
    }
    if (original.published().isPresent()) {
      sb.append("earliest published (")
          .append(original.published().get())
          .append(") of ")
          .append(complete.size())
          .append(complete.size() == 1 ? " complete version" : " complete versions");
    } else {
      sb.append("no complete version is dated; chosen by length and id among ")
          .append(complete.size());
    }
    sb.append(" (at least ")
        .append(Math.round(COMPLETE_SHARE * 100))
        .append("% of the longest, ")
        .append(longest)
        .append(" words; this one ")
        .append(original.words())
        .append(" words)");
    long earlierPartial =
        versions.stream()
            .filter(v -> !complete.contains(v))
            .filter(v -> CHRONOLOGICAL.compare(v, original) < 0)
            .count();
    if (earlierPartial > 0) {
      sb.append("; ")
          .append(earlierPartial)
          .append(earlierPartial == 1 ? " earlier version is" : " earlier versions are")
          .append(" partial");
    }
    sb.append("; ").append(versions.size() - 1).append(" other members");
    return sb.toString();
  }
}
