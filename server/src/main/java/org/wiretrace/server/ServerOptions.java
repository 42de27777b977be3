package org.wiretrace.server;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@code wiretrace serve} runs.
 *
 * @param dataDir the store's folder
 * @param host the address to bind; loopback ({@link #DEFAULT_HOST}) unless told otherwise
 * @param port the TCP port; 0 picks a free one
 * @param token when present, write endpoints require {@code Authorization: Bearer <token>}
 * @param maxBodyBytes the largest request body accepted (larger gets 413)
 * @param corsOrigin when present, the one origin allowed cross-origin requests; CORS is off
 *     otherwise
 * @param stories whether to compute stories, families and relations at start; without them the
 *     store's articles, search and checks are served, and the views needing stories answer 503
 */
public record ServerOptions(
    Path dataDir,
    String host,
    int port,
    Optional<String> token,
    int maxBodyBytes,
    Optional<String> corsOrigin,
    boolean stories) {

  /** The address bound when none is given: loopback only. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** The port used when none is given. */
  public static final int DEFAULT_PORT = 8080;

  /** The largest request body accepted when none is given: 2 MiB. */
  public static final int DEFAULT_MAX_BODY_BYTES = 2 << 20;

  /** Environment variable holding the API token when {@code --token} is not given. */
  public static final String TOKEN_ENV = "WIRETRACE_TOKEN";

  public ServerOptions {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    if (maxBodyBytes < 1024) {
      throw new IllegalArgumentException("maxBodyBytes must be at least 1024, got " + maxBodyBytes);
    }
    token = Objects.requireNonNullElse(token, Optional.<String>empty()).filter(t -> !t.isBlank());
    corsOrigin = Objects.requireNonNullElse(corsOrigin, Optional.<String>empty());
  }

  /** These options, computing stories at start. */
  public ServerOptions(
      Path dataDir,
      String host,
      int port,
      Optional<String> token,
      int maxBodyBytes,
      Optional<String> corsOrigin) {
    this(dataDir, host, port, token, maxBodyBytes, corsOrigin, true);
  }

  /** Loopback, default port and body limit, no token, no CORS. */
  public static ServerOptions of(Path dataDir) {
    return new ServerOptions(
        dataDir,
        DEFAULT_HOST,
        DEFAULT_PORT,
        Optional.empty(),
        DEFAULT_MAX_BODY_BYTES,
        Optional.empty());
  }

  /** These options with another port. */
  public ServerOptions withPort(int newPort) {
    return new ServerOptions(dataDir, host, newPort, token, maxBodyBytes, corsOrigin, stories);
  }

  /** These options without computing stories, families and relations. */
  public ServerOptions withoutStories() {
    return new ServerOptions(dataDir, host, port, token, maxBodyBytes, corsOrigin, false);
  }

  /** These options with an API token for the write endpoints. */
  public ServerOptions withToken(String newToken) {
    return new ServerOptions(
        dataDir, host, port, Optional.ofNullable(newToken), maxBodyBytes, corsOrigin, stories);
  }
}
