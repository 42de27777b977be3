package org.wiretrace.align;

import java.util.List;

/**
 * All reused passages between two texts of {@code aChars} and {@code bChars} characters, ordered by
 * their position in b.
 */
public record Alignment(int aChars, int bChars, List<Passage> passages) {

  public Alignment {
    passages = List.copyOf(passages);
  }

  /** An alignment with no passage. */
  public static Alignment none(int aChars, int bChars) {
    return new Alignment(aChars, bChars, List.of());
  }

  public boolean isEmpty() {
    return passages.isEmpty();
  }

  /** Share of a's characters inside some passage, 0..1. */
  public double coverageA() {
    return coverage(true);
  }

  /** Share of b's characters inside some passage, 0..1. */
  public double coverageB() {
    return coverage(false);
  }

  private double coverage(boolean sideA) {
    int total = sideA ? aChars : bChars;
    if (total == 0 || passages.isEmpty()) {
      return 0;
    }
    // passages may overlap on one side: merge intervals
    int[][] spans =
        passages.stream()
            .map(p -> sideA ? new int[] {p.aStart(), p.aEnd()} : new int[] {p.bStart(), p.bEnd()})
            .sorted((x, y) -> Integer.compare(x[0], y[0]))
            .toArray(int[][]::new);
    long covered = 0;
    int curS = -1;
    int curE = -1;
    for (int[] s : spans) {
      if (s[0] > curE) {
        covered += curE - curS;
        curS = s[0];
        curE = s[1];
      } else {
        curE = Math.max(curE, s[1]);
      }
    }
    covered += curE - curS;
    return Math.min(1.0, (double) covered / total);
  }

  /**
   * Words taking part in edits of kind {@code op} over all passages (see {@link Passage#words}).
   */
  public int words(EditOp op) {
    int n = 0;
    for (Passage p : passages) {
      n += p.words(op);
    }
    return n;
  }

  /** The same alignment with a and b swapped. */
  public Alignment swapped() {
    return new Alignment(
        bChars,
        aChars,
        passages.stream()
            .map(Passage::swapped)
            .sorted((x, y) -> Integer.compare(x.bStart(), y.bStart()))
            .toList());
  }
}
