package org.wiretrace.align;

/**
 * One edit of a passage's word-level script, with character spans on both sides ({@code [start,
 * end)}, empty on the side that has no words for an insertion or deletion), the number of words on
 * each side, and the words themselves. A {@link EditOp#KEEP} edit covers a whole run of equal
 * words.
 */
public record Edit(
    EditOp op,
    int aStart,
    int aEnd,
    int bStart,
    int bEnd,
    int aWords,
    int bWords,
    String aText,
    String bText) {

  public Edit {
    if (aStart < 0 || aEnd < aStart || bStart < 0 || bEnd < bStart) {
      throw new IllegalArgumentException(
          "bad edit spans a=[" + aStart + "," + aEnd + ") b=[" + bStart + "," + bEnd + ")");
    }
  }
}
