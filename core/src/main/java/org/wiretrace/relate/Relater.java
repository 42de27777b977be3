package org.wiretrace.relate;

import org.wiretrace.align.Aligner;
import org.wiretrace.align.Alignment;
import org.wiretrace.align.Edit;
import org.wiretrace.align.EditOp;
import org.wiretrace.align.FactualEdits;
import org.wiretrace.align.Passage;
import org.wiretrace.ingest.Article;
import org.wiretrace.ingest.encoding.Mojibake;
import org.wiretrace.text.Tokens;

/**
 * Decides how article b relates to article a from their alignment ({@link Aligner}), the coverage
 * of each side and the shares of the edit script. The rules, in order (docs/align.md):
 *
 * <ol>
 *   <li>no passage, or less than {@link #MIN_SHARED_COVERAGE} of the shorter text aligned: {@link
 *       Relation#SAME_STORY} when the content-word similarity ({@link StorySimilarity}) reaches
 *       {@link #SAME_STORY_SIMILARITY}, else {@link Relation#UNRELATED};
 *   <li>an encoding repair at ingest on either side, or a changed stretch of the script that is
 *       itself repairable mojibake: {@link Relation#MIS_ENCODED};
 *   <li>substituted words that are not factual ({@link FactualEdits}: numbers, amounts and dates
 *       changed are an editor's or a template's, never a spinner's) make up at least {@link
 *       #SPUN_SUBSTITUTION_SHARE} of kept plus substituted words, and at least as many as the
 *       inserted, deleted and factually substituted words together (one-for-one replacement in
 *       order is a spinner's mark; an editor adds, cuts and corrects); a run of words replaced by
 *       fewer than half as many, or by more than twice as many, counts as spun only up to that
 *       ratio and as cut or added beyond it (a spinner's thesaurus entry is one or two words for
 *       one or two: {@link FactualEdits#substitutions}): {@link Relation#SPUN}; so is a lighter
 *       spin ({@link #isLightSpin}): from {@link #LIGHT_SPIN_SHARE} of the words, when the spun
 *       words outnumber all other changes {@link #LIGHT_SPIN_PURITY} times and each text is aligned
 *       at least {@link #LIGHT_SPIN_COVERAGE};
 *   <li>both sides covered at least {@link #FULL_COVERAGE} with at most {@link #VERBATIM_CHANGES}
 *       of the words changed: {@link Relation#DUPLICATE};
 *   <li>the shorter side covered at least {@link #FULL_COVERAGE} by one passage, unchanged, the
 *       longer not: {@link Relation#EXCERPT};
 *   <li>otherwise {@link Relation#EDITED}.
 * </ol>
 *
 * Stateless and thread-safe.
 */
public final class Relater {

  /** Least share of the shorter text that must be aligned for the two to share text. */
  public static final double MIN_SHARED_COVERAGE = 0.2;

  /** Least content-word similarity for two articles without shared text to be one story. */
  public static final double SAME_STORY_SIMILARITY = 0.2;

  /** Share of substituted words (of kept plus substituted) from which a copy is spun. */
  public static final double SPUN_SUBSTITUTION_SHARE = 0.15;

  /**
   * Share of substituted words from which a copy is spun when its changes are nearly pure
   * one-for-one substitution ({@link #LIGHT_SPIN_PURITY}): a spinner run at a low rate.
   */
  public static final double LIGHT_SPIN_SHARE = 0.10;

  /**
   * Spun words per inserted, deleted, excess or factually substituted word from which a copy with
   * {@link #LIGHT_SPIN_SHARE} to {@link #SPUN_SUBSTITUTION_SHARE} substituted words is spun.
   */
  public static final int LIGHT_SPIN_PURITY = 5;

  /**
   * Least share of each text aligned for the lighter spin rule: a spinner rewrites whole texts,
   * while two notices cut from one template align in short stretches.
   */
  public static final double LIGHT_SPIN_COVERAGE = 0.5;

  /** Coverage that counts as the whole text. */
  public static final double FULL_COVERAGE = 0.9;

  /** Share of changed words (substituted, inserted, deleted) still counted as verbatim. */
  public static final double VERBATIM_CHANGES = 0.02;

  private final Aligner aligner;

  public Relater(Aligner aligner) {
    this.aligner = java.util.Objects.requireNonNull(aligner, "aligner");
  }

  /** A relater with the standard aligner. */
  public static Relater standard() {
    return new Relater(Aligner.standard());
  }

  /** The relation of b to a. */
  public Verdict judge(Article a, Tokens ta, Article b, Tokens tb) {
    return judge(a, ta, StorySimilarity.vector(ta), b, tb, StorySimilarity.vector(tb));
  }

  /**
   * The relation of b to a, given both articles' content-word vectors ({@link
   * StorySimilarity#vector}, computed once per article when it takes part in many pairs).
   */
  public Verdict judge(
      Article a,
      Tokens ta,
      StorySimilarity.TermVector va,
      Article b,
      Tokens tb,
      StorySimilarity.TermVector vb) {
    Alignment al = aligner.align(ta, tb);
    double covA = al.coverageA();
    double covB = al.coverageB();
    double story = va.cosine(vb);
    boolean repaired = a.wasRepaired() || b.wasRepaired() || hasMojibake(al, ta.text(), tb.text());
    FactualEdits.Substitutions subs = FactualEdits.substitutions(al, ta, tb);
    Relation r = decide(al, subs, covA, covB, story, repaired, a.chars() <= b.chars());
    return new Verdict(r, covA, covB, story, al);
  }

  /**
   * The rules above on an alignment's figures ({@code substitutions}: its substitutions as the spin
   * rule weighs them; {@code aShorter}: a has no more characters than b).
   */
  static Relation decide(
      Alignment al,
      FactualEdits.Substitutions substitutions,
      double covA,
      double covB,
      double story,
      boolean repaired,
      boolean aShorter) {
    double shorterCov = aShorter ? covA : covB;
    double longerCov = aShorter ? covB : covA;
    if (al.isEmpty() || shorterCov < MIN_SHARED_COVERAGE) {
      return story >= SAME_STORY_SIMILARITY ? Relation.SAME_STORY : Relation.UNRELATED;
    }
    if (repaired) {
      return Relation.MIS_ENCODED;
    }
    int kept = al.words(EditOp.KEEP);
    int subs = al.words(EditOp.SUBSTITUTE);
    int indels = al.words(EditOp.INSERT) + al.words(EditOp.DELETE);
    int changed = subs + indels;
    // only one-for-one (or one-for-two) replacements can be a spinner's; the rest is cut or added
    int spinnable = substitutions.spinnable();
    if (FactualEdits.isSpin(
        kept,
        spinnable,
        substitutions.factual(),
        indels + substitutions.excess(),
        SPUN_SUBSTITUTION_SHARE)) {
      return Relation.SPUN;
    }
    if (Math.min(covA, covB) >= LIGHT_SPIN_COVERAGE
        && isLightSpin(kept, spinnable, substitutions.factual(), indels + substitutions.excess())) {
      return Relation.SPUN;
    }
    boolean unchanged = changed <= VERBATIM_CHANGES * Math.max(1, kept + changed);
    if (covA >= FULL_COVERAGE && covB >= FULL_COVERAGE && unchanged) {
      return Relation.DUPLICATE;
    }
    if (shorterCov >= FULL_COVERAGE
        && longerCov < FULL_COVERAGE
        && unchanged
        && al.passages().size() == 1) {
      return Relation.EXCERPT;
    }
    return Relation.EDITED;
  }

  /**
   * The lighter tier of the spin rule: at least {@link #LIGHT_SPIN_SHARE} of kept plus substituted
   * words are spun (substituted, not factual), and they outnumber the other changes ({@code
   * otherChanges}: inserted, deleted and excess words) and the factual words together {@link
   * #LIGHT_SPIN_PURITY} times. Templated notices that differ in ordinary words also differ in
   * names, figures and length; a spinner at a low rate changes nothing else.
   */
  static boolean isLightSpin(int kept, int spinnable, int factual, int otherChanges) {
    return FactualEdits.isSpin(
        kept, spinnable, factual, otherChanges, LIGHT_SPIN_SHARE, LIGHT_SPIN_PURITY);
  }

  /**
   * True when a changed stretch of some passage (a run of edits between kept words) is mojibake
   * that {@link Mojibake} repairs, in either text.
   */
  static boolean hasMojibake(Alignment al, String a, String b) {
    for (Passage p : al.passages()) {
      int k = 0;
      var edits = p.edits();
      while (k < edits.size()) {
        if (edits.get(k).op() == EditOp.KEEP) {
          k++;
          continue;
        }
        int e = k;
        while (e + 1 < edits.size() && edits.get(e + 1).op() != EditOp.KEEP) {
          e++;
        }
        Edit first = edits.get(k);
        Edit last = edits.get(e);
        if (Mojibake.repair(a.substring(first.aStart(), last.aEnd())).changed()
            || Mojibake.repair(b.substring(first.bStart(), last.bEnd())).changed()) {
          return true;
        }
        k = e + 1;
      }
    }
    return false;
  }
}
