package org.wiretrace.align;

/** How an aligned passage differs between the two texts. */
public enum PassageKind {
  /** Word for word the same (up to case, punctuation and white space). */
  VERBATIM,
  /** Mostly the same words, with some inserted, deleted or replaced. */
  EDITED,
  /** Many words replaced one for one by synonyms, the order kept: a spinner's work. */
  SPUN
}
