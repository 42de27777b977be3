package org.wiretrace.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST API over the example store, called with java.net.http on a server on port 0. */
class WiretraceServerTest {

  static final String ORIGINAL = "northwire-veradia-aid";
  static final String TOKEN = "test-token-5f2c";

  @TempDir static Path tmp;
  static WiretraceServer server;
  static Http http;
  static String spunId;

  @BeforeAll
  static void start() throws Exception {
    Path data = Http.exampleStore(tmp);
    server = WiretraceServer.start(ServerOptions.of(data).withPort(0).withToken(TOKEN));
    http = new Http(server.port());
    spunId = findByRelation("SPUN");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String findByRelation(String relation) {
    for (JsonNode a : http.get("/api/articles?limit=500").json().get("items")) {
      if (relation.equals(a.path("relation").asText())) {
        return a.get("id").asText();
      }
    }
    throw new AssertionError("no " + relation + " article in the examples");
  }

  @Test
  void bindsToLoopbackByDefaultWithCorsOff() {
    assertThat(ServerOptions.of(Path.of("x")).host()).isEqualTo("127.0.0.1");
    assertThat(ServerOptions.of(Path.of("x")).corsOrigin()).isEmpty();
    Http.Res r = http.get("/api/stats", "Origin", "https://evil.example");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void optionsRejectBadValues() {
    assertThatThrownBy(() -> ServerOptions.of(Path.of("x")).withPort(70_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("port");
    assertThatThrownBy(
            () -> new ServerOptions(Path.of("x"), " ", 0, Optional.empty(), 4096, Optional.empty()))
        .hasMessageContaining("host");
    assertThatThrownBy(
            () ->
                new ServerOptions(
                    Path.of("x"), "127.0.0.1", 0, Optional.empty(), 10, Optional.empty()))
        .hasMessageContaining("maxBodyBytes");
  }

  @Test
  void listsStoriesWithCountsSourcesAndDates() {
    JsonNode page = http.get("/api/stories").json();
    assertThat(page.get("total").asInt()).isEqualTo(2);
    JsonNode top = page.get("items").get(0);
    assertThat(top.get("id").asText()).isEqualTo("s-" + ORIGINAL);
    assertThat(top.get("articles").asInt()).isEqualTo(7);
    assertThat(top.get("families").asInt()).isEqualTo(2);
    assertThat(top.get("sources").toString()).contains("The Daily Lantern");
    assertThat(top.get("first_published").asText()).startsWith("2026-03-02");
    assertThat(top.get("relations").get("SPUN").asInt()).isEqualTo(1);
  }

  @Test
  void searchesStoriesArticlesAndFamilies() {
    assertThat(http.get("/api/stories?q=tidal").json().get("total").asInt()).isEqualTo(1);
    assertThat(http.get("/api/stories?q=no-such-words").json().get("total").asInt()).isZero();
    JsonNode arts = http.get("/api/articles?q=army+assist").json();
    assertThat(arts.get("total").asInt()).isEqualTo(1);
    assertThat(arts.get("items").get(0).get("id").asText()).isEqualTo(spunId);
    assertThat(http.get("/api/families?q=" + ORIGINAL).json().get("total").asInt()).isEqualTo(1);
    JsonNode paged = http.get("/api/articles?limit=3&offset=2").json();
    assertThat(paged.get("items")).hasSize(3);
    assertThat(paged.get("total").asInt()).isEqualTo(8);
  }

  @Test
  void storyHasFamiliesWithProvenance() {
    JsonNode s = http.get("/api/stories/s-" + ORIGINAL).json();
    JsonNode fam = s.get("families").get(0);
    assertThat(fam.get("original").asText()).isEqualTo(ORIGINAL);
    assertThat(fam.get("members").get(0).get("relation").asText()).isEqualTo("ORIGINAL");
    assertThat(fam.get("members").toString()).contains("\"SPUN\"", "\"EXCERPT\"", "\"DUPLICATE\"");
    assertThat(s.get("article_index").get(ORIGINAL).get("title").asText()).contains("Veradia");
    JsonNode family = http.get("/api/families/f-" + ORIGINAL).json();
    assertThat(family.get("story_id").asText()).isEqualTo("s-" + ORIGINAL);
    assertThat(family.get("member_list")).hasSize(fam.get("members").size());
  }

  @Test
  void articleCarriesTextPlaceAndRelations() {
    JsonNode a = http.get("/api/articles/" + spunId).json();
    assertThat(a.get("text").asText()).contains("army assist bundle");
    assertThat(a.get("relation").asText()).isEqualTo("SPUN");
    assertThat(a.get("source_id").asText()).isEqualTo(ORIGINAL);
    assertThat(a.get("family_id").asText()).isEqualTo("f-" + ORIGINAL);
    JsonNode toOriginal = null;
    for (JsonNode r : a.get("relations")) {
      if (r.get("id").asText().equals(ORIGINAL)) {
        toOriginal = r;
      }
    }
    assertThat(toOriginal).isNotNull();
    assertThat(toOriginal.get("role").asText()).isEqualTo("source");
    assertThat(toOriginal.get("relation").asText()).isEqualTo("SPUN");
  }

  @Test
  void comparesStoredArticlesWithWordLevelEdits() {
    JsonNode c = http.get("/api/compare?a=" + ORIGINAL + "&b=" + spunId).json();
    assertThat(c.get("relation").asText()).isEqualTo("SPUN");
    assertThat(c.get("a").get("text").asText()).contains("military aid package");
    JsonNode subst = null;
    for (JsonNode p : c.get("alignments")) {
      for (JsonNode e : p.get("edits")) {
        if (e.get("op").asText().equals("SUBSTITUTE")
            && e.get("a_text").asText().equals("parliament")) {
          subst = e;
        }
      }
    }
    assertThat(subst).as("'parliament' spun as 'legislature'").isNotNull();
    assertThat(subst.get("b_text").asText()).isEqualTo("legislature");
    String b = c.get("b").get("text").asText();
    assertThat(b.substring(subst.get("b_start").asInt(), subst.get("b_end").asInt()))
        .isEqualTo("legislature");
  }

  @Test
  void comparesSubmittedTexts() {
    ObjectNode body = Http.JSON.createObjectNode();
    body.putObject("a")
        .put("title", "A")
        .put("text", "The quick brown fox jumps over the lazy dog near the river bank today.");
    body.putObject("b")
        .put("title", "B")
        .put("text", "The quick brown fox leaps over the lazy dog near the river bank today.");
    JsonNode c = http.post("/api/compare", "application/json", body.toString()).json();
    assertThat(c.get("alignments")).isNotEmpty();
    assertThat(c.get("alignments").toString()).contains("\"SUBSTITUTE\"", "\"jumps\"", "\"leaps\"");
  }

  @Test
  void checkFindsSourcesWithoutAddingTheArticle() throws Exception {
    int before = http.get("/api/stats").json().get("articles").asInt();
    String spun = Files.readString(Http.examples().resolve("spun-copy.txt"));
    JsonNode r = http.post("/api/check", "text/plain; charset=utf-8", spun).json();
    assertThat(r.get("sources").toString()).contains(ORIGINAL);
    JsonNode first = r.get("matches").get(0);
    assertThat(first.get("role").asText()).isEqualTo("source");
    assertThat(first.get("match_relation").asText()).isIn("SPUN", "DUPLICATE");
    assertThat(first.get("coverage").asDouble()).isGreaterThan(0.5);
    assertThat(http.get("/api/stats").json().get("articles").asInt()).isEqualTo(before);
  }

  @Test
  void checkReadsHtmlAndJsonAndFindsCopiesOfAnEarlierArticle() throws Exception {
    String page = Files.readString(Http.examples().resolve("daily-lantern-copy.html"));
    JsonNode html = http.post("/api/check", "text/html", page).json();
    assertThat(html.get("sources").toString()).contains(ORIGINAL);

    String original = http.get("/api/articles/" + ORIGINAL).json().get("text").asText();
    ObjectNode early = Http.JSON.createObjectNode();
    early.put("title", "An earlier wire").put("text", original).put("published", "2020-01-01");
    JsonNode json =
        http.post("/api/check?with_text=true", "application/json", early.toString()).json();
    assertThat(json.get("copies").toString()).contains(spunId);
    assertThat(json.get("article").get("text").asText()).isEqualTo(original);
  }

  @Test
  void errorsAreJsonWithStatusAndMessage() {
    Http.Res missing = http.get("/api/articles/nope");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("status").asInt()).isEqualTo(404);
    assertThat(missing.json().get("message").asText()).contains("nope");
    assertThat(http.get("/api/no/such/route").json().get("status").asInt()).isEqualTo(404);
    assertThat(http.get("/api/stories?limit=100000").status()).isEqualTo(400);
    assertThat(http.get("/api/stories?limit=x").json().get("message").asText()).contains("limit");
    assertThat(http.get("/api/compare?a=" + ORIGINAL).status()).isEqualTo(400);
    assertThat(http.post("/api/check", "application/json", "{not json").status()).isEqualTo(400);
    assertThat(http.post("/api/check", "text/plain", "").status()).isEqualTo(422);
    assertThat(http.post("/api/check", "image/png", "x").status()).isEqualTo(415);
    assertThat(http.post("/api/check?format=exe", "text/plain", "x").status()).isEqualTo(400);
    Http.Res huge =
        http.post("/api/check", "text/plain", new byte[ServerOptions.DEFAULT_MAX_BODY_BYTES + 1]);
    assertThat(huge.status()).isEqualTo(413);
    assertThat(huge.json().get("message").asText()).contains("larger than");
  }

  @Test
  void noFilePathsFromRequests() {
    Http.Res r = http.get("/api/articles/..%2F..%2F..%2Fetc%2Fpasswd");
    assertThat(r.body()).doesNotContain("root:");
    assertThat(http.get("/../../../../etc/passwd").body()).doesNotContain("root:");
    assertThat(http.get("/%2e%2e/%2e%2e/etc/passwd").body()).doesNotContain("root:");
  }

  @Test
  void writesNeedTheToken() {
    String article = "{\"title\":\"t\",\"text\":\"Some words for a new article about nothing.\"}";
    assertThat(http.post("/api/articles", "application/json", article).status()).isEqualTo(401);
    Http.Res wrong =
        http.post("/api/articles", "application/json", article, "Authorization", "Bearer nope");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.header("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void securityHeadersOnPagesAndApi() {
    for (String path : List.of("/", "/app.js", "/api/stats")) {
      Http.Res r = http.get(path);
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("Content-Security-Policy")).contains("script-src 'self'");
      assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
    assertThat(http.get("/assets/wiretrace.css").body()).contains(".rel{");
  }

  @Test
  void additionsAreCommittedAtomicallyWhileReadersRead(@TempDir Path own) throws Exception {
    try (WiretraceServer mine =
        WiretraceServer.start(
            ServerOptions.of(Http.exampleStore(own)).withPort(0).withToken(TOKEN))) {
      additions(new Http(mine.port()));
    }
  }

  private static void additions(Http http) throws Exception {
    int before = http.get("/api/stats").json().get("articles").asInt();
    AtomicBoolean done = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<List<Integer>>> readers = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      readers.add(
          pool.submit(
              () -> {
                List<Integer> seen = new ArrayList<>();
                while (!done.get()) {
                  JsonNode s = http.get("/api/stats").json();
                  int n = s.get("articles").asInt();
                  // a committed snapshot: its article count matches its own article list
                  JsonNode list = http.get("/api/articles?limit=500").json();
                  seen.add(n);
                  assertThat(list.get("total").asInt()).isBetween(before, before + 2);
                }
                return seen;
              }));
    }
    String batch =
        "[{\"id\":\"added-one\",\"title\":\"Tidal plant opens in Sallen harbour\","
            + "\"text\":\"Harbour city of Sallen opens its first tidal energy plant, officials said on"
            + " Tuesday, after four years of building work in the estuary.\",\"published\":\"2026-03-05\"},"
            + "{\"id\":\"added-two\",\"title\":\"Unrelated note\",\"text\":\"A short note about the"
            + " weather in the mountains, where snow fell overnight on the high passes.\"}]";
    Http.Res added =
        http.post("/api/articles", "application/json", batch, "Authorization", "Bearer " + TOKEN);
    done.set(true);
    for (Future<List<Integer>> f : readers) {
      assertThat(f.get()).allMatch(n -> n == before || n == before + 2);
    }
    pool.shutdown();
    assertThat(added.status()).isEqualTo(201);
    assertThat(added.json().get("added").toString()).contains("added-one", "added-two");
    assertThat(added.json().get("articles").asInt()).isEqualTo(before + 2);
    assertThat(http.get("/api/articles/added-one").json().get("story_id").asText()).isNotEmpty();
  }

  @Test
  void restoresSpunWordingFromTheSourceAndIntrinsically() {
    JsonNode r = http.get("/api/articles/" + spunId + "/restore").json();
    assertThat(r.get("method").asText()).isEqualTo("source");
    assertThat(r.get("source_id").asText()).isEqualTo(ORIGINAL);
    assertThat(r.get("spin_score").asDouble()).isGreaterThan(0.1);
    String text = r.get("text").asText();
    JsonNode legislature = null;
    for (JsonNode p : r.get("phrases")) {
      if (text.substring(p.get("start").asInt(), p.get("end").asInt()).equals("legislature")) {
        legislature = p;
      }
    }
    assertThat(legislature).as("'legislature' restored").isNotNull();
    assertThat(legislature.get("suggestion").asText()).isEqualTo("parliament");
    assertThat(r.get("restored_text").asText()).contains("parliament");

    JsonNode intrinsic = http.get("/api/articles/" + spunId + "/restore?method=intrinsic").json();
    assertThat(intrinsic.get("method").asText()).isEqualTo("intrinsic");
    assertThat(intrinsic.has("spin_score")).isTrue();
    assertThat(http.get("/api/articles/" + ORIGINAL + "/restore?method=source").status())
        .isEqualTo(422);
    assertThat(http.get("/api/articles/" + spunId + "/restore?method=x").status()).isEqualTo(400);
    Http.Res posted =
        http.post("/api/restore", "text/plain", "A chilly battle\n\nThe chilly battle ended.");
    assertThat(posted.status()).isEqualTo(200);
    assertThat(posted.json().get("method").asText()).isEqualTo("intrinsic");
  }

  @Test
  void startsOnAnEmptyFolderAndTheFirstAdditionCreatesTheStore(@TempDir Path empty)
      throws Exception {
    try (WiretraceServer mine = WiretraceServer.start(ServerOptions.of(empty).withPort(0))) {
      Http own = new Http(mine.port());
      assertThat(own.get("/api/stats").json().get("articles").asInt()).isZero();
      String spun = Files.readString(Http.examples().resolve("spun-copy.txt"));
      assertThat(own.post("/api/articles", "text/plain", spun).status()).isEqualTo(201);
      assertThat(own.get("/api/stats").json().get("articles").asInt()).isEqualTo(1);
    }
  }

  @Test
  void withoutStoriesArticlesAndChecksAreServedFromTheStoreAndStoryViewsAnswer503(@TempDir Path own)
      throws Exception {
    try (WiretraceServer mine =
        WiretraceServer.start(
            ServerOptions.of(Http.exampleStore(own)).withPort(0).withoutStories())) {
      Http h = new Http(mine.port());
      JsonNode stats = h.get("/api/stats").json();
      assertThat(stats.get("articles").asInt()).isEqualTo(8);
      assertThat(stats.get("stories_ready").asBoolean()).isFalse();
      assertThat(stats.get("stories").isNull()).isTrue();
      for (String path :
          List.of(
              "/api/stories", "/api/stories/s-" + ORIGINAL, "/api/families", "/api/families/x")) {
        Http.Res r = h.get(path);
        assertThat(r.status()).as(path).isEqualTo(503);
        assertThat(r.json().get("message").asText()).contains("--no-stories");
      }
      assertThat(h.get("/api/articles?q=veradia").json().get("total").asInt()).isGreaterThan(5);
      JsonNode a = h.get("/api/articles/" + ORIGINAL).json();
      assertThat(a.get("text").asText()).contains("Veradia");
      assertThat(a.get("relations_ready").asBoolean()).isFalse();
      assertThat(a.has("story_id")).isFalse();
      String spun = Files.readString(Http.examples().resolve("spun-copy.txt"));
      JsonNode r = h.post("/api/check", "text/plain; charset=utf-8", spun).json();
      assertThat(r.get("sources").toString()).contains(ORIGINAL);
      assertThat(h.get("/api/compare?a=" + ORIGINAL + "&b=" + spunId).status()).isEqualTo(200);
    }
  }
}
