package org.wiretrace.spark;

import java.io.Serializable;
import org.wiretrace.ingest.Skipped;

/**
 * A {@link Skipped} input record in a form Spark can ship: where it was and why it was skipped.
 *
 * @param path the file
 * @param locator the record inside the file (offset, line), or empty
 * @param reason why it was skipped
 */
public record SkippedRow(String path, String locator, String reason) implements Serializable {

  /** The row of {@code s}. */
  public static SkippedRow of(Skipped s) {
    return new SkippedRow(s.path(), s.locator(), s.reason());
  }
}
