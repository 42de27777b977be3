package org.wiretrace.align;

import java.util.List;

/**
 * A reused passage: {@code [aStart, aEnd)} of the first text corresponds to {@code [bStart, bEnd)}
 * of the second (Java {@code String} indices), with the word-level edit script that turns one into
 * the other.
 */
public record Passage(
    int aStart, int aEnd, int bStart, int bEnd, PassageKind kind, List<Edit> edits) {

  public Passage {
    if (aStart < 0 || aEnd < aStart || bStart < 0 || bEnd < bStart) {
      throw new IllegalArgumentException(
          "bad passage spans a=[" + aStart + "," + aEnd + ") b=[" + bStart + "," + bEnd + ")");
    }
    edits = List.copyOf(edits);
  }

  public int aLength() {
    return aEnd - aStart;
  }

  public int bLength() {
    return bEnd - bStart;
  }

  /** True when this passage and {@code other} share characters of the first text. */
  public boolean overlapsA(Passage other) {
    return aStart < other.aEnd && other.aStart < aEnd;
  }

  /** True when this passage and {@code other} share characters of the second text. */
  public boolean overlapsB(Passage other) {
    return bStart < other.bEnd && other.bStart < bEnd;
  }

  /** Number of words of a taking part in edits of kind {@code op} (b's words for an insertion). */
  public int words(EditOp op) {
    int n = 0;
    for (Edit e : edits) {
      if (e.op() == op) {
        n += op == EditOp.INSERT ? e.bWords() : e.aWords();
      }
    }
    return n;
  }

  /** The same passage with a and b swapped (edit script inverted). */
  public Passage swapped() {
    List<Edit> inv =
        edits.stream()
            .map(
                e ->
                    new Edit(
                        switch (e.op()) {
                          case INSERT -> EditOp.DELETE;
                          case DELETE -> EditOp.INSERT;
                          default -> e.op();
                        },
                        e.bStart(),
                        e.bEnd(),
                        e.aStart(),
                        e.aEnd(),
                        e.bWords(),
                        e.aWords(),
                        e.bText(),
                        e.aText()))
            .toList();
    return new Passage(bStart, bEnd, aStart, aEnd, kind, inv);
  }
}
