package org.wiretrace.cli;

/** A failure to report to the user as one line, with an exit code; no stack trace. */
public final class UserException extends RuntimeException {
  private final int exitCode;

  public UserException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
