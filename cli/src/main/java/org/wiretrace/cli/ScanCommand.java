package org.wiretrace.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.wiretrace.ingest.IngestListener;
import org.wiretrace.ingest.Skipped;
import org.wiretrace.pipeline.ScanOptions;
import org.wiretrace.pipeline.ScanResult;
import org.wiretrace.pipeline.ScanSummary;
import org.wiretrace.pipeline.Wiretrace;
import org.wiretrace.report.ReportJson;
import org.wiretrace.report.TerminalReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wiretrace scan PATH...}: add articles to the store and report on everything it holds. */
@Command(
    name = "scan",
    header = "Add articles to the store and report stories, families and relations.",
    mixinStandardHelpOptions = true,
    description = {
      "Read articles from files and folders (recursively), add them to the store, and report",
      "stories, text families and relations for everything the store holds.",
      "Formats: .txt, .html/.htm, .jsonl (news-please or Wiretrace fields), .warc, feeds",
      "(.xml/.rss/.atom: items with text become articles, link-only items lend their title and",
      "date to the page they point to), each optionally .gz.",
      "Writes wiretrace-report.json and wiretrace-report.html (self-contained) into --report-dir.",
      "Re-scanning unchanged inputs does nothing; a progress line on standard error counts the",
      "articles read (when it is a terminal). With --summary, only the accounting and the store's",
      "totals are printed: for large stores and feeds scanned again and again."
    },
    footer = {
      "",
      "Examples:",
      "  wiretrace scan examples/",
      "  wiretrace scan crawl/ feeds/today.jsonl --data /srv/wiretrace --json > report.json",
      "  wiretrace scan page.html --no-report-files",
      "  wiretrace scan crawl-2026-12-06.warc.gz --data /srv/wiretrace --summary --json"
    })
final class ScanCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to read.")
  List<Path> paths;

  @Mixin DataOption data;

  @Option(names = "--json", description = "Print the JSON report on standard output.")
  boolean json;

  @Option(names = "--with-text", description = "Include each article's text in the JSON.")
  boolean withText;

  @Option(
      names = "--report-dir",
      paramLabel = "DIR",
      defaultValue = ".",
      description = "Where to write wiretrace-report.json and .html (default: ${DEFAULT-VALUE}).")
  Path reportDir;

  @Option(names = "--no-report-files", description = "Do not write the report files.")
  boolean noFiles;

  @Option(
      names = "--summary",
      description =
          "Print only what this run read, added, replaced, left unchanged and skipped, and the"
              + " store's totals (no report, no report files).")
  boolean summary;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    IngestListener listener =
        new IngestListener() {
          @Override
          public void skipped(Skipped s) {
            err.println("wiretrace: skipped " + s.where() + ": " + s.reason());
          }

          @Override
          public void warning(String where, String message) {
            err.println("wiretrace: " + where + ": " + message);
          }
        };
    ScanOptions options = new ScanOptions(paths, data.dir);
    int read;
    try (Progress progress = Progress.of("scan: articles read", 0)) {
      IngestListener counting = listener.andThen(IngestListener.onIngested(a -> progress.step()));
      if (summary) {
        ScanSummary s = Wiretrace.update(options, counting);
        progress.close();
        PrintWriter out = spec.commandLine().getOut();
        out.print(
            json
                ? ReportJson.MAPPER.writeValueAsString(ReportJson.summary(s)) + "\n"
                : TerminalReport.summary(s));
        out.flush();
        read = s.read();
      } else {
        ScanResult result = Wiretrace.scan(options, counting);
        progress.close();
        report(result);
        read = result.ingested();
      }
    } catch (IllegalStateException e) {
      throw new UserException(e.getMessage(), WiretraceCli.EXIT_FAILURE);
    }
    if (read == 0) {
      err.println("wiretrace: no article could be read from the inputs");
      return WiretraceCli.EXIT_FAILURE;
    }
    return 0;
  }

  private void report(ScanResult result) throws IOException {
    Reports.print(spec.commandLine().getOut(), result, json, withText);
    if (!noFiles) {
      Files.createDirectories(reportDir);
      Path jsonFile = reportDir.resolve("wiretrace-report.json");
      Path htmlFile = reportDir.resolve("wiretrace-report.html");
      Reports.writeJson(jsonFile, result, withText);
      Reports.writeHtml(htmlFile, result);
      if (!json) {
        spec.commandLine().getOut().println("\nWrote " + jsonFile + " and " + htmlFile);
      }
    }
  }
}
