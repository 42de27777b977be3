package org.wiretrace.relate;

/**
 * How one article relates to another (its source). The fixed vocabulary of Wiretrace's reports;
 * {@link #ORIGINAL} marks the root of a text family and is never a pair verdict.
 */
public enum Relation {
  /** The same text, word for word (up to layout, case and punctuation). */
  DUPLICATE,
  /** A contiguous part of the source's text (typically its first paragraphs), unchanged. */
  EXCERPT,
  /** The source's text with words or sentences added, dropped or changed by an editor. */
  EDITED,
  /** The source's text put through a synonym spinner. */
  SPUN,
  /** The source's text, mis-decoded (mojibake) somewhere on its way. */
  MIS_ENCODED,
  /** No shared text, but the same real-world event. */
  SAME_STORY,
  /** Neither shared text nor the same event. */
  UNRELATED,
  /** The family's likely original (report only). */
  ORIGINAL;

  /** True for relations that put two articles in one text family. */
  public boolean sharesText() {
    return switch (this) {
      case DUPLICATE, EXCERPT, EDITED, SPUN, MIS_ENCODED, ORIGINAL -> true;
      default -> false;
    };
  }
}
