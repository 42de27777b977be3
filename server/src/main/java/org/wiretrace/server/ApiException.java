package org.wiretrace.server;

/**
 * A request that cannot be answered, with the HTTP status to answer it with; the server renders it
 * as {@code {"status": ..., "message": ...}}. The message is shown to the client, so it must not
 * carry internals such as file paths.
 */
public final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;

  public ApiException(int status, String message) {
    super(message);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("not an error status: " + status);
    }
    this.status = status;
  }

  public int status() {
    return status;
  }

  static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }

  static ApiException notFound(String message) {
    return new ApiException(404, message);
  }
}
