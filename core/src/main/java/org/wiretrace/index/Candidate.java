package org.wiretrace.index;

import org.wiretrace.fingerprint.Fingerprint;
import org.wiretrace.fingerprint.SortedSets;

/**
 * An indexed article that may share text with a query article, with the evidence that ranked it.
 * All figures are estimates from fingerprints in [0, 1]; the aligner confirms them. Immutable and
 * thread-safe.
 *
 * @param id the indexed article's id
 * @param jaccard estimated Jaccard similarity of the word 5-shingle sets (MinHash)
 * @param containment estimated share of the query's shingles found in the candidate (the query is
 *     an excerpt of it)
 * @param coverage estimated share of the candidate's shingles found in the query (the candidate is
 *     an excerpt of the query)
 * @param spin share of the query's immutable n-grams found in the candidate (spun copies keep them)
 * @param spinCoverage share of the candidate's immutable n-grams found in the query
 * @param score the ranking score: the strongest of the kinds of evidence
 */
public record Candidate(
    String id,
    double jaccard,
    double containment,
    double coverage,
    double spin,
    double spinCoverage,
    double score) {

  /** True when the evidence says the two texts are near duplicates at Jaccard {@code threshold}. */
  public boolean nearDuplicate(double threshold) {
    return jaccard >= threshold;
  }

  /**
   * The evidence between a query fingerprint and an indexed one (article {@code id}): estimated
   * Jaccard, containment both ways from the samples (or the short-text shingles) and the share of
   * immutable n-grams found both ways; the score is the strongest, spin evidence weighted by {@link
   * ArticleIndex#SPIN_WEIGHT}.
   */
  public static Candidate of(String id, Fingerprint query, Fingerprint other) {
    double jaccard = query.jaccard(other);
    double containment;
    double coverage;
    if (query.shortShingles().length == 0 && other.shortShingles().length == 0) {
      // both long: one intersection of the samples serves both directions
      int inter = SortedSets.intersection(query.sample(), other.sample());
      containment = query.sample().length == 0 ? 0 : (double) inter / query.sample().length;
      coverage = other.sample().length == 0 ? 0 : (double) inter / other.sample().length;
    } else {
      containment = query.containmentIn(other);
      coverage = other.containmentIn(query);
    }
    int spinInter = SortedSets.intersection(query.spinGrams(), other.spinGrams());
    double spin = query.spinGrams().length == 0 ? 0 : (double) spinInter / query.spinGrams().length;
    double spinCoverage =
        other.spinGrams().length == 0 ? 0 : (double) spinInter / other.spinGrams().length;
    double score = Math.max(jaccard, Math.max(containment, coverage));
    score = Math.max(score, Math.max(spin, spinCoverage) * ArticleIndex.SPIN_WEIGHT);
    return new Candidate(id, jaccard, containment, coverage, spin, spinCoverage, score);
  }
}
