package org.wiretrace.relate;

import org.wiretrace.align.Alignment;

/**
 * The relation of article b to article a, with the evidence: the alignment (a = first, b = second),
 * the share of each side's text that is aligned, and the story similarity of the two.
 *
 * @param relation b's relation to a
 * @param coverageA share of a's characters inside aligned passages, 0..1
 * @param coverageB share of b's characters inside aligned passages, 0..1
 * @param storySimilarity similarity of the two articles' content terms, 0..1
 * @param alignment the aligned passages
 */
public record Verdict(
    Relation relation,
    double coverageA,
    double coverageB,
    double storySimilarity,
    Alignment alignment) {

  /** True when the two articles share text (one family). */
  public boolean sharesText() {
    return relation.sharesText();
  }
}
