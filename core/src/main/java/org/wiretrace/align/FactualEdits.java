package org.wiretrace.align;

import java.util.Set;
import org.wiretrace.text.CommonWords;
import org.wiretrace.text.Tokens;

/**
 * Tells factual changes from spin. A synonym spinner replaces words with thesaurus entries; it
 * never changes a number, a date or an amount, because these have no synonyms (DSpin's
 * "immutables": Zhang, Wang and Voelker, "DSpin: Detecting Automatically Spun Content on the Web",
 * NDSS 2014), nor a name. A run of changed words holding a number, a number word, a month or a
 * weekday on either side, or a name in mid-sentence on both sides ("125 mln" for "75 mln", "five"
 * for "six", "March 25" for "November 2", "Nikko Securities" for "IBJ International") is therefore
 * a factual edit, as an editor (or a templated notice filled in with other figures) makes, and
 * counts with insertions and deletions rather than with spun words. Without this rule two wire
 * notices cut from one template ("X ISSUES 125 MLN DLR EUROBOND") read as a spun copy of each
 * other.
 *
 * <p>Stateless; thread-safe.
 */
public final class FactualEdits {

  private static final Set<String> FIGURE_WORDS =
      Set.of(
          """
          zero two three four five six seven eight nine ten eleven twelve thirteen fourteen
          fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
          eighty ninety hundred thousand million billion trillion mln bln pct
          january february april june july august september october november december
          jan feb apr jun jul aug sep sept oct nov monday tuesday wednesday thursday
          friday saturday sunday tues thur thurs
          """
              .strip()
              .split("\\s+"));

  private FactualEdits() {}

  /**
   * The spin rule shared by passages and verdicts: the substituted words that are not factual make
   * up at least {@code share} of kept plus substituted words, and outnumber the inserted, deleted
   * and factually substituted words together (one-for-one replacement of ordinary words is a
   * spinner's mark; an editor adds, cuts and corrects facts).
   *
   * @param kept words kept
   * @param substituted words substituted (of one side), factual ones included
   * @param factual of those, the words in factual substitutions
   * @param indels words inserted and deleted
   * @param share least share of spun words, in (0, 1]
   */
  public static boolean isSpin(int kept, int substituted, int factual, int indels, double share) {
    return isSpin(kept, substituted, factual, indels, share, 1);
  }

  /**
   * The spin rule with a purity: the spun words must outnumber the inserted, deleted and factually
   * substituted words together {@code purity} times (1 in {@link #isSpin(int, int, int, int,
   * double)}; a lighter spin, with a smaller {@code share}, must be purer).
   */
  public static boolean isSpin(
      int kept, int substituted, int factual, int indels, double share, int purity) {
    int spun = substituted - factual;
    return spun > 0
        && spun >= share * (kept + substituted)
        && spun >= (long) purity * (indels + factual);
  }

  /**
   * Words of a to count as factually changed when words {@code [i0, i1)} of a are replaced by
   * {@code [j0, j1)} of b: none unless the run holds a number, number word, month or weekday on
   * either side, or a name on both sides (a capitalised word in mid-sentence that prose does not
   * write in lower case, {@link CommonWords}); then as many as the run's figures and names on the
   * side with more of them, at most the run's words of a. A spinner leaves figures and names alone
   * and writes thesaurus words, so those are an editor's (or a template's) changes, while the
   * ordinary words of the same run may still be spun.
   */
  public static int factualWords(Tokens a, int i0, int i1, Tokens b, int j0, int j1) {
    return factualWords(a, i0, i1, b, j0, j1, false);
  }

  /**
   * As {@link #factualWords(Tokens, int, int, Tokens, int, int)}; with {@code atSentenceStart}, a
   * capitalised word opening a sentence (or a title) is a name too when prose never writes it in
   * lower case ({@link CommonWords}): "Micropolis said" against "Audiotronics said".
   */
  static int factualWords(
      Tokens a, int i0, int i1, Tokens b, int j0, int j1, boolean atSentenceStart) {
    int fa = facts(a, i0, i1, atSentenceStart);
    int fb = facts(b, j0, j1, atSentenceStart);
    boolean factual = ((fa | fb) & FIGURE) != 0 || ((fa & fb) & NAME) != 0;
    return factual ? Math.min(i1 - i0, Math.max(fa >>> COUNT_SHIFT, fb >>> COUNT_SHIFT)) : 0;
  }

  /**
   * Words of a in the factual part of the substitutions of {@code al}, an alignment of {@code a}
   * with {@code b} (see {@link #factualWords(Tokens, int, int, Tokens, int, int)}).
   */
  public static int factualWords(Alignment al, Tokens a, Tokens b) {
    int n = 0;
    for (Passage p : al.passages()) {
      for (Edit e : p.edits()) {
        if (e.op() == EditOp.SUBSTITUTE) {
          int i0 = firstAt(a, e.aStart());
          int j0 = firstAt(b, e.bStart());
          n += factualWords(a, i0, i0 + e.aWords(), b, j0, j0 + e.bWords());
        }
      }
    }
    return n;
  }

  /**
   * The substitutions of an alignment as the spin rule weighs them.
   *
   * @param spinnable words of a in substitutions that a spinner could have made: a spinner replaces
   *     a word or phrase by a thesaurus entry of one or two words, so a run of {@code m} words of a
   *     replaced by {@code n} of b holds at most {@code min(m, 2n)} of them
   * @param factual of those, the words in factual substitutions ({@link #factualWords(Tokens, int,
   *     int, Tokens, int, int)}, names opening a sentence or a title included, at most the run's
   *     spinnable words)
   * @param excess the words beyond: {@code m - min(m, 2n)} of a deleted and {@code max(0, n - 2m)}
   *     of b inserted (a run of seven words replaced by one is a cut, not a synonym)
   */
  public record Substitutions(int spinnable, int factual, int excess) {}

  /**
   * The substitutions of {@code al}, an alignment of {@code a} with {@code b}, for the spin rule
   * ({@link #isSpin} with {@code spinnable} as the substituted words and {@code excess} added to
   * the insertions and deletions).
   */
  public static Substitutions substitutions(Alignment al, Tokens a, Tokens b) {
    int spinnable = 0;
    int factual = 0;
    int excess = 0;
    for (Passage p : al.passages()) {
      for (Edit e : p.edits()) {
        if (e.op() == EditOp.SUBSTITUTE) {
          int m = e.aWords();
          int n = e.bWords();
          int s = Math.min(m, 2 * n);
          int i0 = firstAt(a, e.aStart());
          int j0 = firstAt(b, e.bStart());
          spinnable += s;
          factual += Math.min(s, factualWords(a, i0, i0 + m, b, j0, j0 + n, true));
          excess += m - s + Math.max(0, n - 2 * m);
        }
      }
    }
    return new Substitutions(spinnable, factual, excess);
  }

  private static final int FIGURE = 1;
  private static final int NAME = 2;
  private static final int COUNT_SHIFT = 2;

  /**
   * {@link #FIGURE} and {@link #NAME} bits for words {@code [from, to)} of {@code t}, and the
   * number of such words shifted left by {@link #COUNT_SHIFT}.
   */
  private static int facts(Tokens t, int from, int to, boolean atSentenceStart) {
    int bits = 0;
    int count = 0;
    for (int i = Math.max(0, from); i < Math.min(to, t.size()); i++) {
      String term = t.term(i);
      if (t.isNumeric(i) || FIGURE_WORDS.contains(term)) {
        bits |= FIGURE;
        count++;
      } else if (t.isCapitalized(i)
          && (atSentenceStart || !t.startsSentence(i))
          && !CommonWords.shared().contains(term)) {
        bits |= NAME;
        count++;
      }
    }
    return bits | count << COUNT_SHIFT;
  }

  /** The index of the first token of {@code t} starting at or after character {@code offset}. */
  private static int firstAt(Tokens t, int offset) {
    int lo = 0;
    int hi = t.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (t.start(mid) < offset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
