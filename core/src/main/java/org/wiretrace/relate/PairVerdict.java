package org.wiretrace.relate;

/** The verdict for one pair of articles: {@code verdict} is b's relation to a. */
public record PairVerdict(String aId, String bId, Verdict verdict) {

  public Relation relation() {
    return verdict.relation();
  }

  /** True when {@code id} is one side of this pair. */
  public boolean involves(String id) {
    return aId.equals(id) || bId.equals(id);
  }

  /** The other side's id. */
  public String other(String id) {
    return aId.equals(id) ? bId : aId;
  }

  /** The aligned share of the side {@code id}. */
  public double coverageOf(String id) {
    return aId.equals(id) ? verdict.coverageA() : verdict.coverageB();
  }
}
