package org.wiretrace.stories;

import java.util.List;

/** The articles about one real-world event, grouped into text families. */
public record Story(String id, String title, List<Family> families) {
  public Story {
    families = List.copyOf(families);
  }

  /** The ids of all member articles, family by family. */
  public List<String> articleIds() {
    return families.stream().flatMap(f -> f.articleIds().stream()).toList();
  }
}
