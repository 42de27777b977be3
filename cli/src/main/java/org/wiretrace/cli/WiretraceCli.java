package org.wiretrace.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code wiretrace} command. Exit codes: 0 success, 1 when no input could be processed (or a
 * quality gate failed), 2 usage error.
 */
@Command(
    name = "wiretrace",
    mixinStandardHelpOptions = true,
    versionProvider = WiretraceCli.Version.class,
    description = {
      "News text provenance: which story each article reports, which text family it belongs to,",
      "how it was changed (cut, edited, spun, mis-encoded), which passages match which source,",
      "and what spun wording originally said.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  wiretrace scan examples/              report on a folder of articles",
      "  wiretrace compare a.txt b.html        verdict and aligned passages for one pair",
      "  wiretrace report --html out.html      the report for everything in the store",
      "  wiretrace extract crawl.warc.gz       articles read from pages, WARCs, feeds",
      "  wiretrace restore spun.txt            flag spun phrases, restore the original wording",
      "  wiretrace serve                       web report and REST API on 127.0.0.1:8080",
      "",
      "Exit codes: 0 success, 1 no input could be processed or a quality gate failed, 2 usage error."
    },
    subcommands = {
      CommandLine.HelpCommand.class,
      ScanCommand.class,
      StoriesCommand.class,
      CompareCommand.class,
      ReportCommand.class,
      ExtractCommand.class,
      AlignCommand.class,
      RestoreCommand.class,
      QueryCommand.class,
      RemoveCommand.class,
      ServeCommand.class,
      EvalCommand.class,
      BenchCommand.class,
    })
public final class WiretraceCli {

  /** Exit code: no input could be processed, or an evaluation fell below its threshold. */
  public static final int EXIT_FAILURE = 1;

  /** Exit code: the command line was wrong. */
  public static final int EXIT_USAGE = 2;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code. */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The configured command line (error handlers and exit codes set), ready to execute. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new WiretraceCli());
    cl.setUsageHelpWidth(100); // the examples and descriptions are written for 100 columns
    cl.setExitCodeExceptionMapper(e -> EXIT_USAGE);
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          ex.getCommandLine().getErr().println("wiretrace: " + ex.getMessage());
          ex.getCommandLine().usage(ex.getCommandLine().getErr());
          return EXIT_USAGE;
        });
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof UserException) {
            commandLine.getErr().println("wiretrace: " + ex.getMessage());
            return ((UserException) ex).exitCode();
          }
          throw ex;
        });
    return cl;
  }

  /** The version from the jar manifest (or "dev" when run from classes). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = WiretraceCli.class.getPackage().getImplementationVersion();
      return new String[] {"wiretrace " + (v == null ? "dev" : v)};
    }
  }
}
