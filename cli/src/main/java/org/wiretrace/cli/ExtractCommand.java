package org.wiretrace.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.wiretrace.ingest.Article;
import org.wiretrace.ingest.IngestListener;
import org.wiretrace.ingest.IngestSummary;
import org.wiretrace.ingest.Ingestor;
import org.wiretrace.ingest.Repair;
import org.wiretrace.ingest.Skipped;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wiretrace extract FILE...}: the articles Wiretrace reads from pages, WARCs, feeds. */
@Command(
    name = "extract",
    header = "Print the articles read from pages, WARCs, feeds, JSONL or text.",
    mixinStandardHelpOptions = true,
    description = {
      "Print the articles read from files or folders: HTML pages (main text,",
      "title, byline, date, canonical URL, site), WARC/WARC.gz crawls, RSS/Atom",
      "feeds, JSONL (news-please or Wiretrace fields) and plain text, each also",
      "gzip-compressed. Skipped records and warnings go to standard error with",
      "their file and offset or line, then a summary of every record."
    },
    footer = {
      "",
      "Examples:",
      "  wiretrace extract page.html                 title, metadata and main text",
      "  wiretrace extract --json crawl.warc.gz       one JSON object per article",
      "  wiretrace extract feed.xml pages/            feed items matched to their pages",
      "",
      "Exit codes: 0 at least one article, 1 none, 2 usage error."
    })
final class ExtractCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files or folders to read.")
  List<Path> inputs;

  @Option(names = "--json", description = "One JSON object per article (JSON Lines).")
  boolean json;

  @Option(
      names = {"-q", "--quiet"},
      description = "Do not list skipped records and warnings, only the summary.")
  boolean quiet;

  @Spec CommandSpec spec;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    IngestListener report =
        new IngestListener() {
          @Override
          public void skipped(Skipped s) {
            if (!quiet) {
              err.println("skipped " + s.where() + ": " + s.reason());
            }
          }

          @Override
          public void warning(String where, String message) {
            if (!quiet) {
              err.println("warning " + where + ": " + message);
            }
          }
        };
    IngestSummary.Counter counter = new IngestSummary.Counter(report);
    new Ingestor(counter)
        .read(inputs)
        .forEach(
            a -> {
              if (json) {
                out.println(toJson(a));
              } else {
                print(out, a);
              }
              out.flush();
            });
    IngestSummary summary = counter.summary();
    err.print(summary.describe());
    err.flush();
    return summary.ingested() > 0 ? 0 : WiretraceCli.EXIT_FAILURE;
  }

  static String toJson(Article a) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", a.id());
    o.put("origin", a.origin());
    o.put("title", a.title());
    a.url().ifPresent(v -> o.put("url", v));
    a.site().ifPresent(v -> o.put("site", v));
    a.byline().ifPresent(v -> o.put("byline", v));
    a.published().ifPresent(v -> o.put("published", v.toString()));
    a.language().ifPresent(v -> o.put("language", v));
    var repairs = o.putArray("repairs");
    for (Repair r : a.repairs()) {
      repairs
          .addObject()
          .put("kind", r.kind())
          .put("start", r.start())
          .put("end", r.end())
          .put("before", r.before())
          .put("after", r.after());
    }
    o.put("text", a.text());
    return o.toString();
  }

  private static void print(PrintWriter out, Article a) {
    out.println("== " + a.origin());
    out.println("title:     " + a.title());
    a.url().ifPresent(v -> out.println("url:       " + v));
    a.site().ifPresent(v -> out.println("site:      " + v));
    a.byline().ifPresent(v -> out.println("byline:    " + v));
    a.published().ifPresent(v -> out.println("published: " + v));
    a.language().ifPresent(v -> out.println("language:  " + v));
    if (a.wasRepaired()) {
      out.println("repairs:   " + a.repairs().size() + " (" + a.repairs().get(0).kind() + " ...)");
    }
    out.println();
    out.println(a.text());
    out.println();
  }
}
