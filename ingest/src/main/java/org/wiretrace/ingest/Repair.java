package org.wiretrace.ingest;

/**
 * One encoding repair applied to an article's text: the characters {@code before} (as they were
 * decoded) were replaced by {@code after} at {@code [start, end)} of the repaired text.
 *
 * @param kind what went wrong, e.g. {@code utf8-as-cp1252} or {@code utf8-as-gbk}
 * @param start start of the repaired span in the repaired text
 * @param end end (exclusive) of the repaired span in the repaired text
 * @param before the mis-decoded characters
 * @param after the repaired characters
 */
public record Repair(String kind, int start, int end, String before, String after) {
  public Repair {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad repair span [" + start + ", " + end + ")");
    }
  }
}
