package org.wiretrace.spin;

/**
 * A proposed original wording for a spun phrase: the words (lower case, separated by spaces), a
 * ranking score (higher is better), the count of the phrase in the reference corpora, the prior of
 * the weakest and of the strongest substitution it makes (how directly the changed words are linked
 * to the spun words) and the evidence that produced it, in words.
 */
public record Suggestion(
    String text,
    double score,
    int corpusCount,
    double weakestPrior,
    double strongestPrior,
    String evidence) {

  public Suggestion {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("empty suggestion");
    }
    if (corpusCount < 0) {
      throw new IllegalArgumentException("negative corpus count " + corpusCount);
    }
  }
}
