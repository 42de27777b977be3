package org.wiretrace.align;

import java.util.Set;

/**
 * English function words: articles, pronouns, prepositions, conjunctions, auxiliaries and a few
 * very common adverbs. Synonym spinners leave them alone (they have no synonyms worth swapping;
 * DSpin calls such words "immutables", Zhang, Wang and Voelker, NDSS 2014), so they tie a spun copy
 * to its source; and they are too common to anchor a passage on their own. Terms are matched in
 * their normalised form ({@link org.wiretrace.text.Tokenizer#normalize}). Immutable; thread-safe.
 */
public final class FunctionWords {

  private static final Set<String> WORDS =
      Set.of(
          """
          a about above after again against all also am an and any are as at be
          because been before being below between both but by can could did do
          does doing down during each either else ever few for from further had
          has have having he her here hers herself him himself his how however i
          if in into is it it's its itself just may me might more most must my
          myself neither no nor not now of off on once one only or other ought
          our ours ourselves out over own s same shall she should so some such t
          than that the their theirs them themselves then there these they this
          those through to too under until up upon us very was we were what when
          where whether which while who whom whose why will with within without
          would yet you your yours yourself said says say mr mrs ms there's
          that's he's she's don't didn't doesn't isn't wasn't won't can't i'm
          we're they're you're i've we've they've let since though although
          among across around per via many much every another
          """
              .strip()
              .split("\\s+"));

  private FunctionWords() {}

  /** True when the normalised {@code term} is a function word. */
  public static boolean contains(String term) {
    return WORDS.contains(term);
  }
}
