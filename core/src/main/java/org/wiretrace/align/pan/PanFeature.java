package org.wiretrace.align.pan;

import java.util.Optional;

/**
 * One {@code detected-plagiarism} (or truth {@code plagiarism}) feature of a PAN text-alignment XML
 * file: a span of the suspicious document and a span of the source document, as code-point offsets
 * into each file's text decoded as UTF-8 (Potthast et al., PAN 2013 text alignment).
 *
 * @param thisOffset start of the span in the suspicious document
 * @param thisLength length of that span
 * @param sourceReference file name of the source document
 * @param sourceOffset start of the span in the source document
 * @param sourceLength length of that span
 * @param obfuscation the truth's {@code obfuscation} attribute, when present
 */
public record PanFeature(
    int thisOffset,
    int thisLength,
    String sourceReference,
    int sourceOffset,
    int sourceLength,
    Optional<String> obfuscation) {

  public PanFeature {
    if (thisOffset < 0 || thisLength < 0 || sourceOffset < 0 || sourceLength < 0) {
      throw new IllegalArgumentException(
          "negative offset or length: this="
              + thisOffset
              + "+"
              + thisLength
              + " source="
              + sourceOffset
              + "+"
              + sourceLength);
    }
    if (sourceReference == null || obfuscation == null) {
      throw new IllegalArgumentException("sourceReference and obfuscation must not be null");
    }
  }

  public int thisEnd() {
    return thisOffset + thisLength;
  }

  public int sourceEnd() {
    return sourceOffset + sourceLength;
  }

  /** True when the two features overlap in both documents (PAN: the detection detects the case). */
  public boolean detects(PanFeature other) {
    return thisOffset < other.thisEnd()
        && other.thisOffset < thisEnd()
        && sourceOffset < other.sourceEnd()
        && other.sourceOffset < sourceEnd();
  }
}
