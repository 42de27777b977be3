package org.wiretrace.stories;

import java.util.List;
import java.util.Objects;

/**
 * Articles sharing one underlying text (copies, excerpts, edits, spins and mis-encodings of it).
 * {@code originalId} is the likely original; {@code members} lists it first, then the others in
 * publication order (the family's timeline); {@code evidence} says in words why the original was
 * chosen. Immutable.
 *
 * @param id {@code "f-"} plus the original's id
 * @param originalId the likely original
 * @param members the original, then the copies by publication time
 * @param evidence why {@code originalId} is the original
 */
public record Family(String id, String originalId, List<Member> members, String evidence) {

  public Family {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(originalId, "originalId");
    members = List.copyOf(members);
    evidence = evidence == null ? "" : evidence;
  }

  /** A family without an evidence text. */
  public Family(String id, String originalId, List<Member> members) {
    this(id, originalId, members, "");
  }

  /** The ids of the members, original first. */
  public List<String> articleIds() {
    return members.stream().map(Member::articleId).toList();
  }

  /** The original's member entry. */
  public Member original() {
    return members.stream().filter(m -> m.articleId().equals(originalId)).findFirst().orElseThrow();
  }

  /** The members in publication order (undated last), the original placed by its own date. */
  public List<Member> timeline() {
    return members.stream()
        .sorted(
            java.util.Comparator.comparing(
                    (Member m) -> m.published().orElse(java.time.Instant.MAX),
                    java.util.Comparator.naturalOrder())
                .thenComparing(Member::articleId))
        .toList();
  }
}
