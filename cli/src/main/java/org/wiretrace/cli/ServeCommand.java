package org.wiretrace.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.wiretrace.pipeline.ScanOptions;
import org.wiretrace.pipeline.ScanResult;
import org.wiretrace.pipeline.Wiretrace;
import org.wiretrace.server.ServerOptions;
import org.wiretrace.server.WiretraceServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wiretrace serve}: the web report and the REST API over the store. */
@Command(
    name = "serve",
    header = "Serve the web report and a REST API over the store.",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the web report (stories, provenance trees, side-by-side diffs, a box to check",
      "an article) and the REST API (described at /openapi.json) over the store.",
      "Binds to 127.0.0.1 unless --host says otherwise. Paths given are scanned into the",
      "store first. Stop with Ctrl-C."
    },
    footer = {
      "",
      "Examples:",
      "  wiretrace serve                          the store in ./wiretrace-data on :8080",
      "  wiretrace serve examples/ --port 9000    scan examples/ first, then serve",
      "  WIRETRACE_TOKEN=s3cret wiretrace serve   POST /api/articles needs 'Bearer s3cret'",
      "  curl -s --data-binary @copy.txt -H 'Content-Type: text/plain' \\",
      "       http://127.0.0.1:8080/api/check     sources and copies of an article"
    })
final class ServeCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin DataOption data;

  @Parameters(
      arity = "0..*",
      paramLabel = "PATH",
      description = "Files or folders to scan into the store before serving.")
  List<Path> inputs = new ArrayList<>();

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port = ServerOptions.DEFAULT_PORT;

  @Option(
      names = "--host",
      paramLabel = "ADDR",
      description = "Address to bind (default: ${DEFAULT-VALUE}, loopback only).")
  String host = ServerOptions.DEFAULT_HOST;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description =
          "API token required by write endpoints (default: env "
              + ServerOptions.TOKEN_ENV
              + "; none: writes are open).")
  String token;

  @Option(
      names = "--max-body",
      paramLabel = "BYTES",
      description = "Largest request body accepted (default: ${DEFAULT-VALUE}).")
  int maxBody = ServerOptions.DEFAULT_MAX_BODY_BYTES;

  @Option(
      names = "--cors-origin",
      paramLabel = "ORIGIN",
      description = "Allow cross-origin requests from this one origin (default: CORS off).")
  String corsOrigin;

  @Option(
      names = "--no-stories",
      description =
          "Serve articles, search and checks only: do not read stories, families and relations at start (they are read in the background: about a minute and 150 MB of heap for 60,000 articles).")
  boolean noStories;

  @Override
  public Integer call() throws InterruptedException {
    if (!inputs.isEmpty()) {
      ScanResult r = Wiretrace.scan(new ScanOptions(inputs, data.dir));
      spec.commandLine()
          .getErr()
          .printf(
              "wiretrace: scanned %d articles (%d skipped) into %s%n",
              r.ingested(), r.skipped().size(), data.dir);
    }
    String tok = token != null ? token : System.getenv(ServerOptions.TOKEN_ENV);
    ServerOptions options;
    try {
      options =
          new ServerOptions(
              data.dir,
              host,
              port,
              Optional.ofNullable(tok),
              maxBody,
              Optional.ofNullable(corsOrigin),
              !noStories);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), WiretraceCli.EXIT_USAGE);
    }
    WiretraceServer server;
    long t0 = System.nanoTime();
    try {
      server = WiretraceServer.start(options);
    } catch (IllegalStateException e) {
      throw new UserException(e.getMessage(), WiretraceCli.EXIT_FAILURE);
    } catch (RuntimeException e) {
      throw new UserException(
          "cannot serve on " + host + ":" + port + ": " + e.getMessage(),
          WiretraceCli.EXIT_FAILURE);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                }));
    String shown = host.contains(":") ? "[" + host + "]" : host;
    spec.commandLine()
        .getOut()
        .printf(
            "Wiretrace serving %d articles on http://%s:%d/ (API: /openapi.json; started in"
                + " %.1f s%s)%s%n",
            server.articleCount(),
            shown,
            server.port(),
            (System.nanoTime() - t0) / 1e9,
            !noStories && !server.storiesReady() ? "; stories are being computed" : "",
            options.token().isPresent() ? "; writes need the API token" : "");
    spec.commandLine().getOut().flush();
    stopped.await();
    return 0;
  }
}
