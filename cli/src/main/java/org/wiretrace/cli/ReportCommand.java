package org.wiretrace.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.wiretrace.pipeline.ScanResult;
import org.wiretrace.pipeline.Wiretrace;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wiretrace report}: the report for everything the store holds. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Print the report (stories, families, relations) for what the store holds.",
    footer = {
      "",
      "Examples:",
      "  wiretrace report",
      "  wiretrace report --json > report.json",
      "  wiretrace report --html report.html"
    })
final class ReportCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin DataOption data;

  @ArgGroup(exclusive = true)
  Format format = new Format();

  static final class Format {
    @Option(names = "--json", description = "Print the JSON report.")
    boolean json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the HTML report to FILE.")
    Path html;
  }

  @Option(names = "--with-text", description = "Include each article's text in the JSON.")
  boolean withText;

  @Override
  public Integer call() throws IOException {
    ScanResult result;
    try {
      result = Wiretrace.report(data.dir);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new UserException(e.getMessage(), WiretraceCli.EXIT_FAILURE);
    }
    if (format.html != null) {
      Reports.writeHtml(format.html, result);
      spec.commandLine().getOut().println("Wrote " + format.html);
    } else {
      Reports.print(spec.commandLine().getOut(), result, format.json, withText);
    }
    return 0;
  }
}
