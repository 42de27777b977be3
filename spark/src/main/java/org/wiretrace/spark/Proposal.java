package org.wiretrace.spark;

/**
 * Why a pair is judged, packed in a {@code long} so that the first proposal in the scan's order is
 * the smallest: the scan deduplicates pairs within a batch in the order of the proposing article,
 * and for one article takes the pair-by-pair rule first, then its reuse candidates, then its topic
 * neighbours; a pair is judged the way its first proposal says (aligned, or for a topic neighbour
 * from the vectors alone). The packed form is the position of the proposing article, the kind, and
 * whether the proposer is the pair's first (lower-numbered) article. Stateless.
 */
final class Proposal {

  /** The scan's pair-by-pair rule of small stores. */
  static final int PAIRWISE = 0;

  /** A reuse candidate of the index. */
  static final int REUSE = 1;

  /** A topic neighbour (same story, judged from the vectors). */
  static final int TOPIC = 2;

  private Proposal() {}

  /** The proposal of {@code kind} by the article at {@code position}, number {@code proposer}. */
  static long of(int position, int kind, boolean proposerFirst) {
    return ((long) position << 3) | ((long) kind << 1) | (proposerFirst ? 0 : 1);
  }

  static int kind(long proposal) {
    return (int) (proposal >>> 1) & 3;
  }

  /** True when the proposing article is the pair's first (lower-numbered) one. */
  static boolean proposerFirst(long proposal) {
    return (proposal & 1) == 0;
  }

  /** True when the pair is aligned and judged (not a topic neighbour judged from vectors). */
  static boolean aligned(long proposal) {
    return kind(proposal) != TOPIC;
  }
}
