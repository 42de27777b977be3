package org.wiretrace.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.wiretrace.pipeline.ScanOptions;
import org.wiretrace.pipeline.Wiretrace;

/** A test client for one running server (java.net.http), and the example store. */
final class Http {

  static final ObjectMapper JSON = new ObjectMapper();

  /** A response: status, headers and body (parsed as JSON when it is JSON). */
  record Res(int status, Map<String, List<String>> headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .findFirst()
          .map(e -> e.getValue().get(0))
          .orElse(null);
    }
  }

  private final HttpClient client = HttpClient.newHttpClient();
  private final String base;

  Http(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  Res get(String path, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (headers.length > 0) {
      b.headers(headers);
    }
    return send(b.build());
  }

  Res post(String path, String contentType, String body, String... headers) {
    return post(path, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
  }

  Res post(String path, String contentType, byte[] body, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    if (headers.length > 0) {
      b.headers(headers);
    }
    return send(b.build());
  }

  Res send(HttpRequest r) {
    try {
      HttpResponse<String> res = client.send(r, HttpResponse.BodyHandlers.ofString());
      return new Res(res.statusCode(), res.headers().map(), res.body());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The repository's examples folder. */
  static Path examples() {
    String r = System.getProperty("wiretrace.root");
    Path root = r != null ? Path.of(r) : Path.of("").toAbsolutePath().getParent();
    return root.resolve("examples").toAbsolutePath().normalize();
  }

  /** Scans the examples into a store in {@code dir}. */
  static Path exampleStore(Path dir) {
    Path data = dir.resolve("data");
    Wiretrace.scan(new ScanOptions(List.of(examples()), data));
    return data;
  }
}
