package org.wiretrace.relate;

import org.wiretrace.align.Alignment;
import org.wiretrace.align.EditOp;

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

  /** Words kept unchanged over all passages. */
  public int keptWords() {
    return alignment.words(EditOp.KEEP);
  }

  /** Share of substituted words among kept plus substituted words, 0..1 (spinning). */
  public double substitutedShare() {
    int kept = keptWords();
    int subs = alignment.words(EditOp.SUBSTITUTE);
    return kept + subs == 0 ? 0 : (double) subs / (kept + subs);
  }

  /** Share of changed words (substituted, inserted, deleted) among all aligned words, 0..1. */
  public double changedShare() {
    int changed =
        alignment.words(EditOp.SUBSTITUTE)
            + alignment.words(EditOp.INSERT)
            + alignment.words(EditOp.DELETE);
    int all = keptWords() + changed;
    return all == 0 ? 0 : (double) changed / all;
  }

  /** True when the two articles share text (one family). */
  public boolean sharesText() {
    return relation.sharesText();
  }
}
