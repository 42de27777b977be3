package org.wiretrace.stories;

import java.util.Arrays;
import java.util.List;

/**
 * The scoring model of the story clusterer: a logistic model over the similarity features of an
 * article and a story (Miranda et al., EMNLP 2018, use tf-idf cosines per feature space plus
 * Gaussian time features with learned weights), the probability above which an article joins its
 * best story instead of opening a new one, the probability above which two stories merge, and the
 * time scales.
 *
 * <p>{@link #DEFAULT} was fitted on the dev set only ({@code wiretrace eval stories --fit}); see
 * docs/stories.md. Immutable and thread-safe.
 *
 * @param weights one weight per entry of {@link #FEATURES}
 * @param joinThreshold probability above which an article joins its best story
 * @param mergeThreshold probability above which two stories that one article matches merge
 * @param sigmaDays the width of the Gaussian time feature
 * @param windowDays a story takes no new articles once it has had none for this many days (of the
 *     stream clock); its features are then dropped, which bounds memory
 */
public record StoryModel(
    double[] weights,
    double joinThreshold,
    double mergeThreshold,
    double sigmaDays,
    double windowDays) {

  /** The features, in weight order. */
  public static final List<String> FEATURES =
      List.of(
          "bias",
          "body-cosine",
          "title-cosine",
          "entity-cosine",
          "number-cosine",
          "time-gaussian",
          "time-gap-decay",
          "log-story-size",
          "body-x-entity",
          "nearest-member-body",
          "nearest-member-title");

  /** The Gaussian time width (days). */
  public static final double DEFAULT_SIGMA_DAYS = 3.0;

  /**
   * The time window (days) after which a quiet story is closed: chosen on the dev set, whose events
   * are reported over months (cross-validated B-cubed F1 0.915 at 365 days, 0.887 at 30).
   */
  public static final double DEFAULT_WINDOW_DAYS = 365.0;

  /** The model fitted on the dev set (see docs/stories.md for the command). */
  public static final StoryModel DEFAULT =
      new StoryModel(
          new double[] {
            -3.358, 3.993, 3.510, 4.130, 0.876, -0.004, 1.443, -0.428, 1.262, 3.371, 3.586
          },
          0.6,
          0.999,
          DEFAULT_SIGMA_DAYS,
          DEFAULT_WINDOW_DAYS);

  public StoryModel {
    if (weights.length != FEATURES.size()) {
      throw new IllegalArgumentException(
          "expected " + FEATURES.size() + " weights " + FEATURES + ", got " + weights.length);
    }
    weights = weights.clone();
    checkProbability("joinThreshold", joinThreshold);
    checkProbability("mergeThreshold", mergeThreshold);
    if (!(sigmaDays > 0)) {
      throw new IllegalArgumentException("sigmaDays must be positive: " + sigmaDays);
    }
    if (!(windowDays > 0)) {
      throw new IllegalArgumentException("windowDays must be positive: " + windowDays);
    }
  }

  private static void checkProbability(String name, double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException(name + " must be in (0, 1): " + p);
    }
  }

  @Override
  public double[] weights() {
    return weights.clone();
  }

  /** The same model with other thresholds. */
  public StoryModel withThresholds(double join, double merge) {
    return new StoryModel(weights, join, merge, sigmaDays, windowDays);
  }

  /** The same model with another time window. */
  public StoryModel withWindowDays(double days) {
    return new StoryModel(weights, joinThreshold, mergeThreshold, sigmaDays, days);
  }

  /** The same model with other weights. */
  public StoryModel withWeights(double[] w) {
    return new StoryModel(w, joinThreshold, mergeThreshold, sigmaDays, windowDays);
  }

  /** The probability that features {@code x} describe an article of the story. */
  public double probability(double[] x) {
    double z = 0;
    for (int i = 0; i < weights.length; i++) {
      z += weights[i] * x[i];
    }
    return 1.0 / (1.0 + Math.exp(-z));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoryModel m
        && Arrays.equals(weights, m.weights)
        && joinThreshold == m.joinThreshold
        && mergeThreshold == m.mergeThreshold
        && sigmaDays == m.sigmaDays
        && windowDays == m.windowDays;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(weights) * 31 + Double.hashCode(joinThreshold + 7 * mergeThreshold);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("StoryModel[");
    for (int i = 0; i < weights.length; i++) {
      sb.append(FEATURES.get(i)).append('=').append(String.format("%.3f", weights[i])).append(", ");
    }
    return sb.append("join=")
        .append(joinThreshold)
        .append(", merge=")
        .append(mergeThreshold)
        .append(", sigmaDays=")
        .append(sigmaDays)
        .append(", windowDays=")
        .append(windowDays)
        .append(']')
        .toString();
  }
}
