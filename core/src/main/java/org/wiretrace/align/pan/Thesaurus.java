package org.wiretrace.align.pan;

import java.util.List;

/** Synonyms of a word, for simulating a synonym spinner. Implementations must be thread-safe. */
@FunctionalInterface
public interface Thesaurus {

  /** Words or phrases that may replace the lower-case {@code word}; empty when none. */
  List<String> synonyms(String word);
}
