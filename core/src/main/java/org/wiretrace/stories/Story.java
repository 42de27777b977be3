package org.wiretrace.stories;

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

  /** The ids of all member articles, family by family. */
  public List<String> articleIds() {
    return families.stream().flatMap(f -> f.articleIds().stream()).toList();
  }
}
