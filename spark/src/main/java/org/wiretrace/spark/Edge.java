package org.wiretrace.spark;

import java.io.Serializable;
import org.wiretrace.align.Alignment;
import org.wiretrace.relate.PairVerdict;
import org.wiretrace.relate.Relation;
import org.wiretrace.relate.Verdict;

/**
 * A judged pair as the job ships it: the verdict's figures (what {@code StoryBuilder} reads: the
 * relation and both coverages) and the full verdict with its passages as a JSON line for the
 * output. The passages stay in the JSON: the driver never holds them. Immutable.
 *
 * @param aId the earlier article
 * @param bId the later article
 * @param relation b's relation to a
 * @param coverageA share of a aligned
 * @param coverageB share of b aligned
 * @param storySimilarity content-term cosine
 * @param aChars a's length
 * @param bChars b's length
 * @param json the pair's JSON line (passages and edits)
 */
record Edge(
    String aId,
    String bId,
    Relation relation,
    double coverageA,
    double coverageB,
    double storySimilarity,
    int aChars,
    int bChars,
    String json)
    implements Serializable {

  static Edge of(String aId, String bId, Verdict v, String json) {
    return new Edge(
        aId,
        bId,
        v.relation(),
        v.coverageA(),
        v.coverageB(),
        v.storySimilarity(),
        v.alignment().aChars(),
        v.alignment().bChars(),
        json);
  }

  /** This edge without its JSON line: what the driver collects for the story stage. */
  Edge figures() {
    return new Edge(aId, bId, relation, coverageA, coverageB, storySimilarity, aChars, bChars, "");
  }

  /** The verdict's figures without its passages (the story stage reads no passage). */
  PairVerdict pairVerdict() {
    return new PairVerdict(
        aId,
        bId,
        new Verdict(
            relation, coverageA, coverageB, storySimilarity, Alignment.none(aChars, bChars)));
  }
}
