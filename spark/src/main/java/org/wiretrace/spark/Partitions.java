package org.wiretrace.spark;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.wiretrace.stories.Family;
import org.wiretrace.stories.Story;

/** The article partitions that stories induce, for comparing two runs. Stateless. */
public final class Partitions {
  private Partitions() {}

  /** The article id sets of the families. */
  public static Set<Set<String>> families(List<Story> stories) {
    Set<Set<String>> out = new HashSet<>();
    for (Story s : stories) {
      for (Family f : s.families()) {
        out.add(new TreeSet<>(f.articleIds()));
      }
    }
    return out;
  }

  /** The article id sets of the stories. */
  public static Set<Set<String>> stories(List<Story> stories) {
    Set<Set<String>> out = new HashSet<>();
    for (Story s : stories) {
      out.add(new TreeSet<>(s.articleIds()));
    }
    return out;
  }
}
