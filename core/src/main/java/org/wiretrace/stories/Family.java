package org.wiretrace.stories;

import java.util.List;

/** Articles sharing one underlying text; {@code originalId} is the likely original. */
public record Family(String id, String originalId, List<Member> members) {
  public Family {
    members = List.copyOf(members);
  }

  /** The ids of the members, original first. */
  public List<String> articleIds() {
    return members.stream().map(Member::articleId).toList();
  }
}
