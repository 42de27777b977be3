package org.wiretrace.align.pan;

import java.util.BitSet;
import java.util.List;

/**
 * The PAN text-alignment measures (Potthast, Stein, Barrón-Cedeño and Rosso, "An Evaluation
 * Framework for Plagiarism Detection", COLING 2010): macro-averaged character precision and recall,
 * granularity, and plagdet = F1 / log2(1 + granularity).
 *
 * <p>A case or detection is the set of characters it covers in the suspicious and in the source
 * document. A detection detects a case when they share characters in both documents. Recall
 * averages, over cases, the share of the case's characters covered by detections that detect it;
 * precision averages, over detections, the share of its characters covered by cases it detects;
 * granularity averages, over detected cases, the number of detections detecting each. With neither
 * cases nor detections all figures are perfect; with only one of them, precision and recall are 0.
 *
 * <p>Build with {@link Accumulator}, one {@link Accumulator#add} per document pair (cases and
 * detections of one suspicious/source pair). Accumulators are not thread-safe; the record is.
 *
 * @param precision macro-averaged character precision
 * @param recall macro-averaged character recall
 * @param granularity mean number of detections per detected case (1 is best)
 * @param cases number of truth cases
 * @param detections number of detections
 */
public record PanMeasures(
    double precision, double recall, double granularity, int cases, int detections) {

  /** Harmonic mean of precision and recall. */
  public double f1() {
    return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
  }

  /** F1 / log2(1 + granularity). */
  public double plagdet() {
    return f1() / (Math.log(1 + granularity) / Math.log(2));
  }

  /** Sums the per-case and per-detection shares over document pairs. */
  public static final class Accumulator {
    private double recallSum;
    private double precisionSum;
    private long granularitySum;
    private int detectedCases;
    private int cases;
    private int detections;

    /** Adds the cases and detections of one suspicious/source document pair. */
    public void add(List<PanFeature> truth, List<PanFeature> detected) {
      cases += truth.size();
      detections += detected.size();
      for (PanFeature s : truth) {
        recallSum += coveredShare(s, detected);
        int n = 0;
        for (PanFeature r : detected) {
          if (r.detects(s)) {
            n++;
          }
        }
        if (n > 0) {
          detectedCases++;
          granularitySum += n;
        }
      }
      for (PanFeature r : detected) {
        precisionSum += coveredShare(r, truth);
      }
    }

    /** The measures so far. */
    public PanMeasures result() {
      double precision;
      double recall;
      if (cases == 0 && detections == 0) {
        precision = 1;
        recall = 1;
      } else if (cases == 0 || detections == 0) {
        precision = 0;
        recall = 0;
      } else {
        precision = precisionSum / detections;
        recall = recallSum / cases;
      }
      double granularity = detectedCases == 0 ? 1 : (double) granularitySum / detectedCases;
      return new PanMeasures(precision, recall, granularity, cases, detections);
    }

    /**
     * Share of {@code x}'s characters covered by those {@code others} that overlap x on both sides.
     */
    private static double coveredShare(PanFeature x, List<PanFeature> others) {
      int size = x.thisLength() + x.sourceLength();
      if (size == 0) {
        return 0;
      }
      BitSet susp = new BitSet();
      BitSet src = new BitSet();
      for (PanFeature o : others) {
        if (!o.detects(x)) {
          continue;
        }
        susp.set(Math.max(x.thisOffset(), o.thisOffset()), Math.min(x.thisEnd(), o.thisEnd()));
        src.set(
            Math.max(x.sourceOffset(), o.sourceOffset()), Math.min(x.sourceEnd(), o.sourceEnd()));
      }
      return (double) (susp.cardinality() + src.cardinality()) / size;
    }
  }
}
