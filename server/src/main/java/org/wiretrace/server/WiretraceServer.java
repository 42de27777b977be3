package org.wiretrace.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wiretrace.ingest.Article;
import org.wiretrace.relate.Relater;
import org.wiretrace.relate.Verdict;
import org.wiretrace.report.HtmlReport;
import org.wiretrace.report.ReportJson;
import org.wiretrace.text.AnalyzedArticle;

/**
 * {@code wiretrace serve}: the REST API (described by {@code /openapi.json}) and the web report
 * over one store, in one Javalin process. Binds to loopback unless told otherwise; CORS is off
 * unless one origin is allowed; write endpoints need the API token when one is set; request bodies
 * are limited in size; nothing in a request names a file. Every error is answered as {@code
 * {"status": code, "message": text}}. Handlers read one committed {@link Snapshot} each, so they
 * run concurrently with each other and with an addition. Thread-safe.
 */
public final class WiretraceServer implements AutoCloseable {

  /** The routes this server answers, as {@code METHOD path} (the OpenAPI document lists them). */
  public static final List<String> ROUTES =
      List.of(
          "GET /openapi.json",
          "GET /api/stats",
          "GET /api/articles",
          "POST /api/articles",
          "GET /api/articles/{id}",
          "GET /api/articles/{id}/restore",
          "POST /api/restore",
          "GET /api/stories",
          "GET /api/stories/{id}",
          "GET /api/families",
          "GET /api/families/{id}",
          "GET /api/compare",
          "POST /api/compare",
          "POST /api/check");

  /** Largest page a list endpoint returns. */
  public static final int MAX_LIMIT = 500;

  /** Page size of the list endpoints when none is asked for. */
  public static final int DEFAULT_LIMIT = 50;

  private static final Logger LOG = LoggerFactory.getLogger(WiretraceServer.class);
  private static final ObjectWriter JSON =
      ReportJson.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);
  private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([A-Za-z0-9_\\-:.]+)");

  /** Sent with every response: no framing, no sniffing, scripts and styles from this origin. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

  private final ServerOptions options;
  private final StoreState state;
  private final Relater relater = Relater.standard();
  private final RestoreJson restorer = new RestoreJson();
  private final byte[] openApi;
  private final byte[] css = HtmlReport.css().getBytes(StandardCharsets.UTF_8);
  private final Javalin app;

  private WiretraceServer(ServerOptions options, StoreState state) {
    this.options = options;
    this.state = state;
    this.openApi = resource("openapi.json");
    this.app = Javalin.create(this::configure);
    routes();
  }

  /** Loads the store and starts serving; {@link #port()} tells the port bound. */
  public static WiretraceServer start(ServerOptions options) {
    Objects.requireNonNull(options, "options");
    StoreState state = StoreState.load(options.dataDir(), options.stories());
    try {
      WiretraceServer s = new WiretraceServer(options, state);
      s.app.start(options.host(), options.port());
      return s;
    } catch (RuntimeException e) {
      state.close();
      throw e;
    }
  }

  /** The port bound (the chosen one when started on port 0). */
  public int port() {
    return app.port();
  }

  /** How many articles the committed state holds. */
  public int articleCount() {
    return state.current().articleCount();
  }

  /** True once the stories, families and relations of the store are available. */
  public boolean storiesReady() {
    return state.current().derivedReady();
  }

  @Override
  public void close() {
    app.stop();
    state.close();
  }

  private void configure(io.javalin.config.JavalinConfig config) {
    config.showJavalinBanner = false;
    config.http.maxRequestSize = options.maxBodyBytes();
    config.staticFiles.add(
        sf -> {
          sf.hostedPath = "/";
          sf.directory = "/org/wiretrace/server/web";
          sf.location = Location.CLASSPATH;
        });
    options
        .corsOrigin()
        .ifPresent(
            origin ->
                config.bundledPlugins.enableCors(
                    cors -> cors.addRule(rule -> rule.allowHost(origin))));
  }

  private void routes() {
    app.before(this::securityHeaders);
    app.get("/assets/wiretrace.css", ctx -> ctx.contentType("text/css; charset=utf-8").result(css));
    app.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
    app.get("/api/stats", ctx -> json(ctx, stats(state.current())));
    app.get(
        "/api/articles",
        ctx -> json(ctx, page(ctx, ApiJson.articles(state.current(), ctx.queryParam("q")))));
    app.post("/api/articles", this::add);
    app.get(
        "/api/articles/{id}",
        ctx -> {
          Snapshot s = state.current();
          json(ctx, ApiJson.article(s, s.require(ctx.pathParam("id"))));
        });
    app.get("/api/articles/{id}/restore", this::restoreStored);
    app.post(
        "/api/restore",
        ctx -> json(ctx, restorer.restore(submission(ctx).article(), Optional.empty())));
    app.get(
        "/api/stories",
        ctx -> json(ctx, page(ctx, ApiJson.stories(state.current(), ctx.queryParam("q")))));
    app.get(
        "/api/stories/{id}",
        ctx -> {
          Snapshot s = state.current();
          String id = ctx.pathParam("id");
          json(
              ctx,
              ApiJson.story(
                  s,
                  s.derived()
                      .story(id)
                      .orElseThrow(
                          () -> ApiException.notFound("no story with id " + Snapshot.quote(id)))));
        });
    app.get(
        "/api/families",
        ctx -> json(ctx, page(ctx, ApiJson.families(state.current(), ctx.queryParam("q")))));
    app.get(
        "/api/families/{id}",
        ctx -> {
          Snapshot s = state.current();
          String id = ctx.pathParam("id");
          json(
              ctx,
              ApiJson.family(
                  s,
                  s.derived()
                      .family(id)
                      .orElseThrow(
                          () -> ApiException.notFound("no family with id " + Snapshot.quote(id)))));
        });
    app.get("/api/compare", this::compareStored);
    app.post("/api/compare", this::compareSubmitted);
    app.post("/api/check", this::check);
    app.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
    app.exception(
        HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
    app.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
          error(ctx, 500, "internal error: " + e.getClass().getSimpleName());
        });
    app.error(
        404,
        ctx -> {
          if (ctx.result() == null || ctx.result().isEmpty()) {
            error(ctx, 404, "nothing at " + ctx.method() + " " + ctx.path());
          }
        });
  }

  private void securityHeaders(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cache-Control", "no-store");
  }

  private static ObjectNode stats(Snapshot s) {
    ObjectNode o = ReportJson.MAPPER.createObjectNode();
    o.put("articles", s.articleCount());
    Optional<Derived> d = s.derivedIfReady();
    o.put("stories_ready", d.isPresent());
    o.put("stories", d.map(x -> x.stories().size()).orElse(null));
    o.put("families", d.map(Derived::familyCount).orElse(null));
    o.put("relations", d.map(Derived::relationCount).orElse(null));
    o.put("restore", true);
    return o;
  }

  private void add(Context ctx) {
    requireToken(ctx);
    List<String> ids = state.add(submission(ctx));
    ObjectNode o = ReportJson.MAPPER.createObjectNode();
    o.putArray("added")
        .addAll(ids.stream().map(ReportJson.MAPPER.getNodeFactory()::textNode).toList());
    o.put("articles", state.current().articleCount());
    ctx.status(201);
    json(ctx, o);
  }

  /**
   * Restores a stored article: from its source in its family unless {@code method=intrinsic} (or it
   * has none), otherwise from phrase statistics.
   */
  private void restoreStored(Context ctx) {
    Snapshot s = state.current();
    Article a = s.require(ctx.pathParam("id"));
    String method = ctx.queryParam("method");
    if (method != null && !method.equals("source") && !method.equals("intrinsic")) {
      throw ApiException.badRequest("method must be source or intrinsic");
    }
    Optional<Article> source = Optional.empty();
    if (!"intrinsic".equals(method)) {
      source =
          s.place(a.id())
              .map(p -> p.member().sourceId())
              .filter(id -> !id.equals(a.id()))
              .flatMap(s::article);
      if (source.isEmpty() && "source".equals(method)) {
        throw new ApiException(
            422, "article " + Snapshot.quote(a.id()) + " has no source in its text family");
      }
    }
    json(ctx, restorer.restore(a, source));
  }

  private void check(Context ctx) {
    Article a = submission(ctx).article();
    boolean withText = "true".equalsIgnoreCase(ctx.queryParam("with_text"));
    json(ctx, ApiJson.check(state.current(), Prepared.of(a), relater, withText));
  }

  private void compareStored(Context ctx) {
    Snapshot s = state.current();
    String a = ctx.queryParam("a");
    String b = ctx.queryParam("b");
    if (a == null || b == null || a.isBlank() || b.isBlank()) {
      throw ApiException.badRequest("give the two article ids as ?a=ID&b=ID");
    }
    AnalyzedArticle x = s.analyzed(a).orElseThrow(() -> notFoundArticle(a));
    AnalyzedArticle y = s.analyzed(b).orElseThrow(() -> notFoundArticle(b));
    Verdict v = relater.judge(x.article(), x.tokens(), y.article(), y.tokens());
    json(ctx, ApiJson.compare(x.article(), y.article(), v));
  }

  private void compareSubmitted(Context ctx) {
    JsonNode root;
    byte[] body = body(ctx);
    try {
      root = ReportJson.MAPPER.readTree(body);
    } catch (IOException e) {
      throw ApiException.badRequest("expected JSON {\"a\": {...}, \"b\": {...}}");
    }
    if (root == null || !root.path("a").isObject() || !root.path("b").isObject()) {
      throw ApiException.badRequest(
          "expected JSON {\"a\": {\"title\", \"text\"}, \"b\": {\"title\", \"text\"}}");
    }
    Article a = side(root.get("a"));
    Article b = side(root.get("b"));
    AnalyzedArticle x = AnalyzedArticle.of(a);
    AnalyzedArticle y = AnalyzedArticle.of(b);
    json(ctx, ApiJson.compare(a, b, relater.judge(a, x.tokens(), b, y.tokens())));
  }

  private static Article side(JsonNode n) {
    try {
      return new Submission(
              Submission.Format.JSON, ReportJson.MAPPER.writeValueAsBytes(n), Optional.empty())
          .article();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ApiException notFoundArticle(String id) {
    return ApiException.notFound("no article with id " + Snapshot.quote(id));
  }

  private Submission submission(Context ctx) {
    String ct = ctx.contentType();
    Optional<String> charset = Optional.empty();
    if (ct != null) {
      Matcher m = CHARSET.matcher(ct);
      if (m.find()) {
        charset = Optional.of(m.group(1));
      }
    }
    return new Submission(Submission.Format.of(ctx.queryParam("format"), ct), body(ctx), charset);
  }

  /** The request body, refused with 413 beyond the size limit even without a Content-Length. */
  private byte[] body(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    int max = options.maxBodyBytes();
    if (declared > max) {
      throw tooLarge(max);
    }
    try (InputStream in = ctx.req().getInputStream()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
      byte[] buf = new byte[8192];
      int n;
      while ((n = in.read(buf)) > 0) {
        if (out.size() + n > max) {
          throw tooLarge(max);
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw ApiException.badRequest("cannot read the request body");
    }
  }

  private static ApiException tooLarge(int max) {
    return new ApiException(413, "request body larger than " + max + " bytes");
  }

  private void requireToken(Context ctx) {
    if (options.token().isEmpty()) {
      return;
    }
    String auth = ctx.header("Authorization");
    String given = auth != null && auth.startsWith("Bearer ") ? auth.substring(7).strip() : "";
    boolean ok =
        MessageDigest.isEqual(
            given.getBytes(StandardCharsets.UTF_8),
            options.token().get().getBytes(StandardCharsets.UTF_8));
    if (!ok) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"wiretrace\"");
      throw new ApiException(
          401, "this endpoint needs the API token: send 'Authorization: Bearer <token>'");
    }
  }

  private static ObjectNode page(Context ctx, List<ObjectNode> all) {
    int offset = intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    int limit = intParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    return ApiJson.page(all, offset, limit);
  }

  private static int intParam(Context ctx, String name, int dflt, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      int x = Integer.parseInt(v.strip());
      if (x < min || x > max) {
        throw ApiException.badRequest(name + " must be " + min + ".." + max + ", got " + x);
      }
      return x;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " must be a whole number");
    }
  }

  private static void json(Context ctx, JsonNode body) {
    try {
      ctx.contentType("application/json; charset=utf-8").result(JSON.writeValueAsBytes(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void error(Context ctx, int status, String message) {
    ObjectNode o = ReportJson.MAPPER.createObjectNode();
    o.put("status", status);
    o.put("message", message);
    ctx.status(status);
    json(ctx, o);
  }

  private static byte[] resource(String name) {
    try (InputStream in = WiretraceServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
