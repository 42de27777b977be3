package org.wiretrace.spin;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.wiretrace.align.Aligner;
import org.wiretrace.align.Alignment;
import org.wiretrace.align.Edit;
import org.wiretrace.align.EditOp;
import org.wiretrace.align.Passage;
import org.wiretrace.text.Tokens;

/**
 * Restores a spun text from its source: aligns the source against the text ({@link Aligner}) and
 * turns every substitution of the word-level edit script into a phrase whose suggestion is the
 * source's exact wording. The spin score is the share of substituted words among the aligned words
 * of the text. Stateless and thread-safe.
 */
public final class SourceRestorer {

  /** Confidence of a restoration read from the source. */
  public static final double CONFIDENCE = 1.0;

  private final Aligner aligner;

  public SourceRestorer(Aligner aligner) {
    this.aligner = Objects.requireNonNull(aligner, "aligner");
  }

  /** The restorer with the standard aligner. */
  public static SourceRestorer standard() {
    return new SourceRestorer(Aligner.standard());
  }

  /** Restores {@code text} from {@code source}. */
  public Restoration restore(String text, String source) {
    Alignment al = aligner.align(Tokens.of(source), Tokens.of(text));
    List<SpunPhrase> phrases = new ArrayList<>();
    long kept = 0;
    long substituted = 0;
    for (Passage p : al.passages()) {
      for (Edit e : p.edits()) {
        if (e.op() == EditOp.KEEP) {
          kept += e.bWords();
        } else if (e.op() == EditOp.SUBSTITUTE && e.bEnd() > e.bStart()) {
          substituted += e.bWords();
          String original = source.substring(e.aStart(), e.aEnd());
          phrases.add(
              new SpunPhrase(
                  e.bStart(),
                  e.bEnd(),
                  text.substring(e.bStart(), e.bEnd()),
                  original,
                  List.of(),
                  CONFIDENCE,
                  "source alignment: the source reads '" + original + "' here"));
        }
      }
    }
    double score = kept + substituted == 0 ? 0 : (double) substituted / (kept + substituted);
    return Restoration.of(text, score, phrases);
  }
}
