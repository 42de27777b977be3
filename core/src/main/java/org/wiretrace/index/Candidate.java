package org.wiretrace.index;

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
 * @param names share of the query's name character grams found in the candidate
 * @param score the ranking score: the strongest of the kinds of evidence
 */
public record Candidate(
    String id,
    double jaccard,
    double containment,
    double coverage,
    double spin,
    double spinCoverage,
    double names,
    double score) {

  /** True when the evidence says the two texts are near duplicates at Jaccard {@code threshold}. */
  public boolean nearDuplicate(double threshold) {
    return jaccard >= threshold;
  }
}
