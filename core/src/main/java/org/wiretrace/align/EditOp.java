package org.wiretrace.align;

/** One step of a word-level edit script from the first text (a) to the second (b). */
public enum EditOp {
  /** The same word on both sides. */
  KEEP,
  /** A word (or words) of a replaced by other words in b. */
  SUBSTITUTE,
  /** Words present only in b. */
  INSERT,
  /** Words present only in a. */
  DELETE
}
