package org.wiretrace.spark;

import org.wiretrace.fingerprint.Fingerprinter;
import org.wiretrace.fingerprint.Shingles;
import org.wiretrace.relate.StorySimilarity;
import org.wiretrace.relate.StorySimilarity.TermVector;
import org.wiretrace.text.Tokens;

/**
 * The features from which the job's candidate stages work, as the scan computes them: the core
 * {@link Fingerprinter} (its LSH band keys, shingle sample and spin-robust immutable n-grams are
 * the index's search terms, see {@link IndexQuery}), and, for the pair-by-pair rule of small
 * collections ({@link PairwiseStage}), the distinct word trigrams (a pair is a reuse candidate when
 * it shares at least {@link #MIN_SHARED_GRAMS}) and the weighted content-term vector of {@link
 * StorySimilarity}. Stateless and thread-safe.
 */
final class CandidateKeys {

  /** Shared distinct word trigrams that make a pair a reuse candidate (as the scan). */
  static final int MIN_SHARED_GRAMS = 3;

  /** The core fingerprinter (default 24 x 5 LSH bands), the one the index uses. */
  static final Fingerprinter FINGERPRINTER = new Fingerprinter();

  private CandidateKeys() {}

  /** The distinct word trigram hashes of {@code t}, sorted (the scan's hash). */
  static long[] trigrams(Tokens t) {
    return t.size() < 3 ? new long[0] : Shingles.of(t, 3);
  }

  /** The unit-length weighted content-term vector of {@code t}. */
  static TermVector terms(Tokens t) {
    return StorySimilarity.vector(t);
  }
}
