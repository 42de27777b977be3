package org.wiretrace.relate;

import org.wiretrace.align.Aligner;
import org.wiretrace.align.Alignment;
import org.wiretrace.align.EditOp;
import org.wiretrace.ingest.Article;
import org.wiretrace.text.Tokens;

/**
 * Decides how article b relates to article a from their alignment. The rules, in order:
 *
 * <ol>
 *   <li>no passage, or less than {@link #MIN_SHARED_COVERAGE} of the shorter text aligned: {@link
 *       Relation#SAME_STORY} when the content-word similarity reaches {@link
 *       #SAME_STORY_SIMILARITY}, else {@link Relation#UNRELATED};
 *   <li>an encoding repair on either side: {@link Relation#MIS_ENCODED};
 *   <li>at least {@link #SPUN_SUBSTITUTION_SHARE} of the aligned words substituted one for one:
 *       {@link Relation#SPUN};
 *   <li>both sides covered at least {@link #FULL_COVERAGE} with at most {@link #VERBATIM_CHANGES}
 *       of the words changed: {@link Relation#DUPLICATE};
 *   <li>the shorter side covered at least {@link #FULL_COVERAGE}, unchanged, the longer not: {@link
 *       Relation#EXCERPT};
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
    Alignment al = aligner.align(ta, tb);
    double covA = al.coverageA();
    double covB = al.coverageB();
    double story = StorySimilarity.of(ta, tb);
    Relation r = decide(al, covA, covB, story, a.wasRepaired() || b.wasRepaired(), a, b);
    return new Verdict(r, covA, covB, story, al);
  }

  private static Relation decide(
      Alignment al,
      double covA,
      double covB,
      double story,
      boolean repaired,
      Article a,
      Article b) {
    boolean aShorter = a.chars() <= b.chars();
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
    int changed = subs + al.words(EditOp.INSERT) + al.words(EditOp.DELETE);
    if (subs >= SPUN_SUBSTITUTION_SHARE * (kept + subs)) {
      return Relation.SPUN;
    }
    boolean unchanged = changed <= VERBATIM_CHANGES * Math.max(1, kept + changed);
    if (covA >= FULL_COVERAGE && covB >= FULL_COVERAGE && unchanged) {
      return Relation.DUPLICATE;
    }
    if (shorterCov >= FULL_COVERAGE && longerCov < FULL_COVERAGE && unchanged) {
      return Relation.EXCERPT;
    }
    return Relation.EDITED;
  }
}
