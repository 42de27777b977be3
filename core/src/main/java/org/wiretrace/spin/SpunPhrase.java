package org.wiretrace.spin;

import java.util.List;

/**
 * A phrase of a text that reads as spun, {@code [start, end)} in Java {@code String} indices of the
 * text as read, with the proposed original wording, other candidates, a confidence in [0, 1] and
 * the evidence in words.
 */
public record SpunPhrase(
    int start,
    int end,
    String text,
    String suggestion,
    List<String> alternatives,
    double confidence,
    String evidence) {

  public SpunPhrase {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
    if (text.length() != end - start) {
      throw new IllegalArgumentException("text does not match span [" + start + ", " + end + ")");
    }
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
    }
    alternatives = List.copyOf(alternatives);
  }

  /** True when this phrase and {@code other} share characters. */
  public boolean overlaps(SpunPhrase other) {
    return start < other.end && other.start < end;
  }
}
