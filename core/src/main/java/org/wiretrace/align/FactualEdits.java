package org.wiretrace.align;

import java.util.Set;
import org.wiretrace.text.CommonWords;
import org.wiretrace.text.Tokenizer;

/**
 * Tells factual changes from spin. A synonym spinner replaces words with thesaurus entries; it
 * never changes a number, a date or an amount, because these have no synonyms (DSpin's
 * "immutables": Zhang, Wang and Voelker, "DSpin: Detecting Automatically Spun Content on the Web",
 * NDSS 2014), nor a name. A run of changed words holding a number, a number word, a month, a
 * weekday or a name on either side ("125 mln" for "75 mln", "five" for "six", "March 25" for
 * "November 2", "Nikko Securities" for "IBJ International") is therefore a factual edit, as an
 * editor (or a templated notice filled in with other figures) makes, and counts with insertions and
 * deletions rather than with spun words. Without this rule two wire notices cut from one template
 * ("X ISSUES 125 MLN DLR EUROBOND") read as a spun copy of each other.
 *
 * <p>Stateless; thread-safe.
 */
public final class FactualEdits {

  private static final Set<String> FACT_WORDS =
      Set.of(
          """
          zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
          fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
          eighty ninety hundred thousand million billion trillion mln bln dozen dozens half
          quarter first second third fourth fifth sixth seventh eighth ninth tenth pct percent
          january february march april may june july august september october november december
          jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday
          friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
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
    int spun = substituted - factual;
    return spun > 0 && spun >= share * (kept + substituted) && spun >= indels + factual;
  }

  /**
   * True when {@code edit} is a substitution with a number, number word, month or weekday, or a
   * name (a capitalised word that prose does not write in lower case, {@link CommonWords}) on
   * either side: a spinner leaves those alone, so a run of changes holding one is a factual edit.
   */
  public static boolean isFactual(Edit edit) {
    return edit.op() == EditOp.SUBSTITUTE && (hasFact(edit.aText()) || hasFact(edit.bText()));
  }

  /** True when some word of {@code text} is a number, number word, month, weekday or name. */
  static boolean hasFact(String text) {
    int i = 0;
    int len = text.length();
    while (i < len) {
      while (i < len && !Character.isLetterOrDigit(text.charAt(i))) {
        i++;
      }
      int s = i;
      boolean digit = false;
      while (i < len && (Character.isLetterOrDigit(text.charAt(i)) || isInnerMark(text, i))) {
        digit |= Character.isDigit(text.charAt(i));
        i++;
      }
      if (s == i) {
        continue;
      }
      if (digit) {
        return true;
      }
      String term = Tokenizer.normalize(text.substring(s, i));
      if (FACT_WORDS.contains(term)
          || (Character.isUpperCase(text.charAt(s)) && !CommonWords.shared().contains(term))) {
        return true;
      }
    }
    return false;
  }

  /** An apostrophe or hyphen between two letters or digits belongs to the word. */
  private static boolean isInnerMark(String text, int i) {
    char c = text.charAt(i);
    return (c == '\'' || c == '’' || c == '-')
        && i + 1 < text.length()
        && Character.isLetterOrDigit(text.charAt(i + 1));
  }
}
