package org.wiretrace.spin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The spun phrases found in a text, a spin score in [0, 1] (how much of the text reads as spun) and
 * the text with every phrase replaced by its suggestion.
 */
public record Restoration(double spinScore, List<SpunPhrase> phrases, String restoredText) {

  public Restoration {
    if (!(spinScore >= 0 && spinScore <= 1)) {
      throw new IllegalArgumentException("spin score must be in [0, 1], got " + spinScore);
    }
    phrases = List.copyOf(phrases);
  }

  /**
   * Builds a restoration of {@code text}: keeps the most confident of overlapping phrases, orders
   * them by position and applies their suggestions.
   */
  public static Restoration of(String text, double spinScore, List<SpunPhrase> candidates) {
    List<SpunPhrase> byConfidence = new ArrayList<>(candidates);
    byConfidence.sort(Comparator.comparingDouble(SpunPhrase::confidence).reversed());
    List<SpunPhrase> kept = new ArrayList<>();
    for (SpunPhrase p : byConfidence) {
      if (p.end() > text.length()) {
        throw new IllegalArgumentException("phrase beyond the text: " + p);
      }
      if (kept.stream().noneMatch(p::overlaps)) {
        kept.add(p);
      }
    }
    kept.sort(Comparator.comparingInt(SpunPhrase::start));
    StringBuilder sb = new StringBuilder(text.length() + 64);
    int at = 0;
    for (SpunPhrase p : kept) {
      sb.append(text, at, p.start()).append(p.suggestion());
      at = p.end();
    }
    sb.append(text, at, text.length());
    return new Restoration(spinScore, kept, sb.toString());
  }
}
