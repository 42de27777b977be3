package org.wiretrace.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /openapi.json} describes exactly the routes the server answers, and they answer as said.
 */
class OpenApiTest {

  @TempDir static Path tmp;
  static WiretraceServer server;
  static Http http;
  static JsonNode doc;

  @BeforeAll
  static void start() {
    server = WiretraceServer.start(ServerOptions.of(Http.exampleStore(tmp)).withPort(0));
    http = new Http(server.port());
    doc = http.get("/openapi.json").json();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Set<String> documented() {
    Set<String> out = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> p = doc.get("paths").fields(); p.hasNext(); ) {
      Map.Entry<String, JsonNode> e = p.next();
      e.getValue().fieldNames().forEachRemaining(m -> out.add(m.toUpperCase() + " " + e.getKey()));
    }
    return out;
  }

  @Test
  void documentsExactlyTheRoutes() {
    assertThat(doc.get("openapi").asText()).startsWith("3.");
    assertThat(documented()).isEqualTo(new TreeSet<>(WiretraceServer.ROUTES));
  }

  @Test
  void everyReferenceResolves() {
    List<String> refs = new ArrayList<>();
    collectRefs(doc, refs);
    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(ref).startsWith("#/");
      assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
    }
  }

  private static void collectRefs(JsonNode n, List<String> out) {
    if (n.isObject()) {
      n.fields()
          .forEachRemaining(
              e -> {
                if (e.getKey().equals("$ref")) {
                  out.add(e.getValue().asText());
                } else {
                  collectRefs(e.getValue(), out);
                }
              });
    } else if (n.isArray()) {
      n.forEach(x -> collectRefs(x, out));
    }
  }

  @Test
  void everyGetAnswersWithADocumentedStatusAndItsSchemaFields() {
    String article = "northwire-veradia-aid";
    for (String route : documented()) {
      if (!route.startsWith("GET ")) {
        continue;
      }
      String path =
          route
              .substring(4)
              .replace("/api/articles/{id}", "/api/articles/" + article)
              .replace("/api/stories/{id}", "/api/stories/s-" + article)
              .replace("/api/families/{id}", "/api/families/f-" + article);
      if (path.equals("/api/compare")) {
        path += "?a=" + article + "&b=" + article;
      }
      Http.Res r = http.get(path);
      assertThat(r.status()).as(route).isEqualTo(200);
      assertThat(r.header("Content-Type")).as(route).startsWith("application/json");
      JsonNode op = doc.get("paths").get(route.substring(4)).get("get");
      assertThat(op.get("responses").has("200")).as(route).isTrue();
      JsonNode schema = op.at("/responses/200/content/application~1json/schema");
      JsonNode props = properties(schema);
      JsonNode body = r.json();
      props
          .fieldNames()
          .forEachRemaining(
              f -> {
                if (!f.equals("repairs") && !f.equals("text")) {
                  assertThat(body.has(f)).as(route + " has " + f).isTrue();
                }
              });
    }
  }

  @Test
  void documentedErrorStatusesHappen() {
    assertThat(statuses("/api/articles/{id}", "get")).contains("404");
    assertThat(http.get("/api/articles/missing").status()).isEqualTo(404);
    assertThat(statuses("/api/check", "post")).contains("413", "415", "422", "400");
    assertThat(statuses("/api/articles", "post")).contains("401");
    assertThat(http.post("/api/check", "text/plain", "").status()).isEqualTo(422);
  }

  private static Set<String> statuses(String path, String method) {
    Set<String> out = new TreeSet<>();
    doc.get("paths").get(path).get(method).get("responses").fieldNames().forEachRemaining(out::add);
    return out;
  }

  /** The properties of a schema, following $ref and merging allOf. */
  private static JsonNode properties(JsonNode schema) {
    var out = Http.JSON.createObjectNode();
    if (schema.has("$ref")) {
      return properties(doc.at(schema.get("$ref").asText().substring(1)));
    }
    if (schema.has("allOf")) {
      schema
          .get("allOf")
          .forEach(s -> out.setAll((com.fasterxml.jackson.databind.node.ObjectNode) properties(s)));
    }
    if (schema.has("properties")) {
      out.setAll((com.fasterxml.jackson.databind.node.ObjectNode) schema.get("properties"));
    }
    return out;
  }
}
