package org.wiretrace.align.pan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PanMeasuresTest {

  private static PanFeature f(int t, int tl, int s, int sl) {
    return new PanFeature(t, tl, "source-1.txt", s, sl, Optional.of("none"));
  }

  @Test
  void perfectDetectionScoresOne() {
    PanMeasures.Accumulator acc = new PanMeasures.Accumulator();
    acc.add(List.of(f(10, 100, 0, 100)), List.of(f(10, 100, 0, 100)));
    PanMeasures m = acc.result();
    assertThat(m.plagdet()).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void halfDetectionHalvesRecall() {
    PanMeasures.Accumulator acc = new PanMeasures.Accumulator();
    acc.add(List.of(f(0, 100, 0, 100)), List.of(f(0, 50, 0, 50)));
    PanMeasures m = acc.result();
    assertThat(m.precision()).isCloseTo(1.0, within(1e-9));
    assertThat(m.recall()).isCloseTo(0.5, within(1e-9));
    assertThat(m.granularity()).isEqualTo(1.0);
  }

  @Test
  void splitDetectionCostsGranularity() {
    PanMeasures.Accumulator acc = new PanMeasures.Accumulator();
    acc.add(List.of(f(0, 100, 0, 100)), List.of(f(0, 50, 0, 50), f(50, 50, 50, 50)));
    PanMeasures m = acc.result();
    assertThat(m.granularity()).isEqualTo(2.0);
    assertThat(m.f1()).isCloseTo(1.0, within(1e-9));
    assertThat(m.plagdet()).isCloseTo(1.0 / (Math.log(3) / Math.log(2)), within(1e-9));
  }

  @Test
  void detectionOverlappingOnOneSideOnlyDetectsNothing() {
    PanMeasures.Accumulator acc = new PanMeasures.Accumulator();
    acc.add(List.of(f(0, 100, 0, 100)), List.of(f(0, 100, 500, 100)));
    PanMeasures m = acc.result();
    assertThat(m.precision()).isZero();
    assertThat(m.recall()).isZero();
    assertThat(m.plagdet()).isZero();
  }

  @Test
  void xmlRoundTrips() throws Exception {
    PanDocument d = new PanDocument("suspicious-1.txt", List.of(f(3, 4, 5, 6)));
    PanDocument back = PanDocument.parse(d.toXml(PanDocument.TRUTH), "t.xml");
    assertThat(back).isEqualTo(d);
  }

  @Test
  void negativesWithoutDetectionAreCounted() {
    PanEvaluation e = new PanEvaluation();
    e.add(List.of(), List.of());
    e.add(List.of(), List.of(f(0, 10, 0, 10)));
    e.add(List.of(f(0, 100, 0, 100)), List.of(f(0, 100, 0, 100)));
    PanEvaluation.Report r = e.report();
    assertThat(r.negativePairs()).isEqualTo(2);
    assertThat(r.negativeClean()).isEqualTo(0.5);
    assertThat(r.byObfuscation()).containsKey("none");
  }
}
