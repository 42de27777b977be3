package org.wiretrace.index;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An index could not be opened; the message names the folder and says what to do. Nothing was
 * modified: Wiretrace never rebuilds over a folder it cannot read.
 */
public final class IndexOpenException extends IOException {
  /** Why the index could not be opened. */
  public enum Reason {
    /** Written by a newer Wiretrace (or Lucene) than this one reads. */
    NEWER_FORMAT,
    /** Written by an older Wiretrace whose format this one no longer reads. */
    OLDER_FORMAT,
    /** Lucene reported corrupt or missing files. */
    CORRUPT,
    /** The folder holds files that are not a Wiretrace index. */
    NOT_AN_INDEX,
    /** Another process holds the write lock. */
    LOCKED
  }

  private final Reason reason;
  private final Path path;

  public IndexOpenException(Reason reason, Path path, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.path = path;
  }

  public Reason reason() {
    return reason;
  }

  public Path path() {
    return path;
  }
}
