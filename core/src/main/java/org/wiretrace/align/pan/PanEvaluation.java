package org.wiretrace.align.pan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores detections of many document pairs against PAN truth: {@link PanMeasures} overall and per
 * obfuscation type (a pair belongs to the types of its truth features), and the share of negative
 * pairs (no truth feature) with no detection at all. Not thread-safe; build in one thread.
 */
public final class PanEvaluation {

  /** The figures. */
  public record Report(
      PanMeasures overall,
      Map<String, PanMeasures> byObfuscation,
      int negativePairs,
      int cleanNegativePairs) {

    /** Share of negative pairs without detection (1 when there are none). */
    public double negativeClean() {
      return negativePairs == 0 ? 1 : (double) cleanNegativePairs / negativePairs;
    }
  }

  private final PanMeasures.Accumulator overall = new PanMeasures.Accumulator();
  private final Map<String, PanMeasures.Accumulator> byType = new TreeMap<>();
  private int negatives;
  private int cleanNegatives;

  /** Adds one pair's truth and detections. */
  public void add(List<PanFeature> truth, List<PanFeature> detected) {
    overall.add(truth, detected);
    if (truth.isEmpty()) {
      negatives++;
      if (detected.isEmpty()) {
        cleanNegatives++;
      }
      return;
    }
    Map<String, List<PanFeature>> groups = new LinkedHashMap<>();
    for (PanFeature f : truth) {
      groups.computeIfAbsent(f.obfuscation().orElse("unknown"), k -> new ArrayList<>()).add(f);
    }
    for (var e : groups.entrySet()) {
      byType
          .computeIfAbsent(e.getKey(), k -> new PanMeasures.Accumulator())
          .add(e.getValue(), detected);
    }
  }

  public Report report() {
    Map<String, PanMeasures> types = new LinkedHashMap<>();
    byType.forEach((k, v) -> types.put(k, v.result()));
    return new Report(overall.result(), types, negatives, cleanNegatives);
  }
}
