package org.wiretrace.spark;

import org.wiretrace.fingerprint.Fingerprinter;
import org.wiretrace.fingerprint.Shingles;
import org.wiretrace.relate.StorySimilarity;
import org.wiretrace.relate.StorySimilarity.TermVector;
import org.wiretrace.text.Tokens;

/**
 * The keys on which the job joins articles into candidate pairs, the distributed form of the scan's
 * candidate rule: the distinct word trigrams (a pair is a reuse candidate when it shares at least
 * {@link #MIN_SHARED_GRAMS}, counted per pair after the join) and the weighted content terms of
 * {@link StorySimilarity} (the per-key products summed per pair give the exact cosine, the
 * pairwise-similarity scheme of Elsayed, Lin and Oard, "Pairwise Document Similarity in Large
 * Collections with MapReduce", ACL 2008); the core {@link Fingerprinter}'s LSH band keys (a pair
 * sharing one is a near-duplicate candidate, the index's rule) and its spin-robust immutable
 * n-grams (at least {@link #MIN_SHARED_SPIN_GRAMS} shared). Keys shared by more than the job's
 * posting cap are dropped, as Elsayed et al. drop the most frequent terms. Stateless and
 * thread-safe.
 */
final class CandidateKeys {

  /** Shared distinct word trigrams that make a pair a reuse candidate (as the scan). */
  static final int MIN_SHARED_GRAMS = 3;

  /**
   * Shared immutable n-grams ({@link org.wiretrace.fingerprint.SpinFeatures}) that make a pair a
   * spin candidate: a spun copy keeps them when its trigrams are broken.
   */
  static final int MIN_SHARED_SPIN_GRAMS = 3;

  /** The core fingerprinter (default 24 x 5 LSH bands): pairs sharing a band key are candidates. */
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
