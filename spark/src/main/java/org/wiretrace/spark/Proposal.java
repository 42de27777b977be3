package org.wiretrace.spark;

/**
 * Why a pair is judged, packed in a {@code long} so that the proposal that decides, in the scan's
 * order, is the smallest. All proposals of a pair come from one batch (an article sees its own
 * batch and the earlier ones), and within a batch the scan first pairs every article with what it
 * must align (the pair-by-pair rule of small stores, the index's reuse candidates), and only then
 * goes through the topic neighbours not paired yet, in the order of the proposing article; a
 * neighbour below the same-story bar is not marked, so the pair's other side may still judge it
 * from its own vector. The packed form is: whether it is a topic neighbour (then it sorts after
 * every aligned proposal), the position of the proposing article, the kind, and whether the
 * proposer is the pair's first (lower-numbered) article; {@link #first} combines two proposals of
 * one pair and remembers when both sides proposed it as a topic neighbour ({@link #bothSides}).
 * Stateless.
 */
final class Proposal {

  /** The scan's pair-by-pair rule of small stores. */
  static final int PAIRWISE = 0;

  /** A reuse candidate of the index. */
  static final int REUSE = 1;

  /** A topic neighbour (same story, judged from the vectors). */
  static final int TOPIC = 2;

  private Proposal() {}

  /** Set on topic proposals: they come after every aligned proposal of the batch. */
  private static final long TOPIC_CLASS = 1L << 40;

  /** Set by {@link #first} when both articles of the pair proposed it as a topic neighbour. */
  private static final long BOTH_SIDES = 1L << 41;

  /** The proposal of {@code kind} by the article at {@code position}. */
  static long of(int position, int kind, boolean proposerFirst) {
    if (position < 0) {
      throw new IllegalArgumentException("position must be >= 0, got " + position);
    }
    return (kind == TOPIC ? TOPIC_CLASS : 0)
        | ((long) position << 3)
        | ((long) kind << 1)
        | (proposerFirst ? 0 : 1);
  }

  /**
   * The proposal of a pair that decides, of two ({@code reduceByKey}'s function): the smaller; two
   * topic proposals are the pair's two sides (an article proposes a neighbour once), so their
   * combination remembers that the later side may judge it when the earlier side's vector falls
   * below the bar. Associative and commutative.
   */
  static long first(long x, long y) {
    long m = Math.min(x & ~BOTH_SIDES, y & ~BOTH_SIDES);
    return kind(x) == TOPIC && kind(y) == TOPIC ? m | BOTH_SIDES : m;
  }

  /** True when both articles of the pair proposed it as a topic neighbour. */
  static boolean bothSides(long proposal) {
    return (proposal & BOTH_SIDES) != 0;
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
