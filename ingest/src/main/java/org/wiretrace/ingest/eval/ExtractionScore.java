package org.wiretrace.ingest.eval;

import java.util.List;

/**
 * Precision, recall and F1 over a set of pages, aggregated as the scrapinghub article-extraction
 * benchmark does: precision is the mean page precision over pages where something was extracted,
 * recall the mean page recall over pages with a true body, and F1 the harmonic mean of those two
 * means. Immutable and thread-safe.
 *
 * @param pages number of pages scored
 * @param precision mean page precision
 * @param recall mean page recall
 * @param f1 harmonic mean of precision and recall
 * @param meanPageF1 mean of the per-page F1 values (a stricter, per-page view)
 */
public record ExtractionScore(
    int pages, double precision, double recall, double f1, double meanPageF1) {

  /** Aggregates page matches. */
  public static ExtractionScore of(List<ShingleMatch> matches) {
    double p = 0;
    int np = 0;
    double r = 0;
    int nr = 0;
    double pageF1 = 0;
    for (ShingleMatch m : matches) {
      if (m.hasPrediction()) {
        p += m.precision();
        np++;
      }
      if (m.hasTruth()) {
        r += m.recall();
        nr++;
      }
      double pp = m.precision();
      double rr = m.recall();
      pageF1 += pp + rr > 0 ? 2 * pp * rr / (pp + rr) : 0;
    }
    double precision = np == 0 ? 0 : p / np;
    double recall = nr == 0 ? 0 : r / nr;
    double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
    return new ExtractionScore(
        matches.size(), precision, recall, f1, matches.isEmpty() ? 0 : pageF1 / matches.size());
  }
}
