package org.wiretrace.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiretrace.pipeline.ScanOptions;
import org.wiretrace.pipeline.Wiretrace;
import org.wiretrace.report.HtmlReport;

/**
 * Articles are untrusted: titles and bodies carrying markup come back from the API as JSON strings
 * (never as a page), the static report escapes them, and the web app never parses article data as
 * HTML.
 */
class HostileArticleTest {

  static final String TITLE = "<script>alert('title')</script> Hostile wire";
  static final String BODY =
      "<img src=x onerror=alert('body')> The council met on Tuesday to discuss the harbour budget"
          + " and the <b onmouseover=\"alert(1)\">new ferry</b> timetable for the summer months.";

  @Test
  void markupInArticlesStaysText(@TempDir Path tmp) throws IOException {
    Path data = Http.exampleStore(tmp);
    try (WiretraceServer server = WiretraceServer.start(ServerOptions.of(data).withPort(0))) {
      Http http = new Http(server.port());
      String json =
          Http.JSON
              .createObjectNode()
              .put("id", "hostile")
              .put("title", TITLE)
              .put("text", BODY)
              .put("source", "<svg onload=alert(2)>")
              .toString();
      assertThat(http.post("/api/articles", "application/json", json).status()).isEqualTo(201);

      Http.Res a = http.get("/api/articles/hostile");
      assertThat(a.header("Content-Type")).startsWith("application/json");
      assertThat(a.header("X-Content-Type-Options")).isEqualTo("nosniff");
      JsonNode body = a.json();
      assertThat(body.get("title").asText()).isEqualTo(TITLE);
      assertThat(body.get("text").asText()).isEqualTo(BODY);

      Http.Res search = http.get("/api/stories?q=%3Cscript%3E");
      assertThat(search.header("Content-Type")).startsWith("application/json");
      Http.Res check = http.post("/api/check", "text/html", "<html><body><p>" + BODY + "</p>");
      assertThat(check.header("Content-Type")).startsWith("application/json");

      Http.Res missing = http.get("/api/articles/%3Cscript%3Ealert(1)%3C%2Fscript%3E");
      assertThat(missing.status()).isEqualTo(404);
      assertThat(missing.header("Content-Type")).startsWith("application/json");
    }
  }

  @Test
  void staticReportEscapesArticleData(@TempDir Path tmp) throws IOException {
    Path in = tmp.resolve("in");
    Files.createDirectories(in);
    String line =
        Http.JSON.createObjectNode().put("id", "hostile").put("title", TITLE).put("text", BODY)
            + "\n"
            + Http.JSON
                .createObjectNode()
                .put("id", "hostile-copy")
                .put("title", TITLE + " (copy)")
                .put("text", BODY + " <script>alert('copy')</script>")
            + "\n";
    Files.writeString(in.resolve("feed.jsonl"), line);
    String html =
        HtmlReport.render(Wiretrace.scan(new ScanOptions(List.of(in), tmp.resolve("data"))));
    assertThat(html).doesNotContain("<script", "<img", "<svg", "<b onmouseover");
    assertThat(html).contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;");
    assertThat(html).contains("onerror=alert(&#39;body&#39;)");
  }

  @Test
  void webAppNeverParsesDataAsHtml() throws IOException {
    String js = resource("/org/wiretrace/server/web/app.js");
    assertThat(js)
        .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(")
        .contains("createTextNode");
    String page = resource("/org/wiretrace/server/web/index.html");
    assertThat(page)
        .doesNotContain("<script>")
        .doesNotContain("http://")
        .doesNotContain("https://");
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = HostileArticleTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
