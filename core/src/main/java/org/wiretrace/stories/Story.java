package org.wiretrace.stories;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The articles about one real-world event, grouped into text families (largest first). Immutable.
 *
 * @param id the stable story id: {@code "s-"} plus the id of its first article
 * @param title the title of its largest family's original
 * @param families its text families
 * @param mergedIds ids of stories found to be this one and merged into it
 */
public record Story(String id, String title, List<Family> families, List<String> mergedIds) {
  public Story {
    Objects.requireNonNull(id, "id");
    title = title == null ? "" : title;
    families = List.copyOf(families);
    mergedIds = List.copyOf(mergedIds);
  }

  /** A story that absorbed no other. */
  public Story(String id, String title, List<Family> families) {
    this(id, title, families, List.of());
  }

  /** The order stories are reported in: most articles first, then by id. */
  public static final Comparator<Story> LARGEST_FIRST =
      Comparator.comparingInt((Story s) -> -s.size()).thenComparing(Story::id);

  /** The ids of all member articles, family by family. */
  public List<String> articleIds() {
    List<String> out = new ArrayList<>(size());
    for (Family f : families) {
      for (Member m : f.members()) {
        out.add(m.articleId());
      }
    }
    return out;
  }

  /** The number of member articles (without listing them). */
  public int size() {
    int n = 0;
    for (Family f : families) {
      n += f.members().size();
    }
    return n;
  }
}
