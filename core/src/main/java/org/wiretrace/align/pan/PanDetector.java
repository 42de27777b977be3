package org.wiretrace.align.pan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wiretrace.align.Aligner;
import org.wiretrace.align.Alignment;
import org.wiretrace.align.Passage;
import org.wiretrace.align.RepairedText;
import org.wiretrace.text.Tokens;

/**
 * Detects reused passages between a PAN source and suspicious document given as raw text: repairs
 * mojibake on both sides ({@link RepairedText}), aligns the repaired texts with an {@link Aligner},
 * and maps every passage back to code-point offsets of the raw texts. Stateless and thread-safe.
 */
public final class PanDetector {

  private final Aligner aligner;

  public PanDetector(Aligner aligner) {
    if (aligner == null) {
      throw new IllegalArgumentException("aligner must not be null");
    }
    this.aligner = aligner;
  }

  /** A detector with {@link Aligner#standard()}. */
  public static PanDetector standard() {
    return new PanDetector(Aligner.standard());
  }

  /** The detections of {@code suspicious} against {@code source} (named {@code sourceName}). */
  public List<PanFeature> detect(String source, String suspicious, String sourceName) {
    RepairedText src = RepairedText.of(source);
    RepairedText susp = RepairedText.of(suspicious);
    Alignment alignment = aligner.align(Tokens.of(src.text()), Tokens.of(susp.text()));
    List<PanFeature> out = new ArrayList<>(alignment.passages().size());
    for (Passage p : alignment.passages()) {
      int ts = codePoints(susp.raw(), susp.toRaw(p.bStart(), false));
      int te = codePoints(susp.raw(), susp.toRaw(p.bEnd(), true));
      int ss = codePoints(src.raw(), src.toRaw(p.aStart(), false));
      int se = codePoints(src.raw(), src.toRaw(p.aEnd(), true));
      out.add(new PanFeature(ts, te - ts, sourceName, ss, se - ss, Optional.empty()));
    }
    return out;
  }

  private static int codePoints(String s, int index) {
    return s.codePointCount(0, Math.min(index, s.length()));
  }
}
