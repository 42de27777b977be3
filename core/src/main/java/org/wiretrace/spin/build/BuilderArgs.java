package org.wiretrace.spin.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The command line of the resource builders: two arguments, an input and the output file, usage on
 * standard error and exit status 2 otherwise; the output's folder is created. Stateless.
 */
final class BuilderArgs {
  private BuilderArgs() {}

  /**
   * The input and output paths of {@code args}, or exits with status 2 after printing {@code usage}
   * ("usage: " + it) when there are not exactly two; the output's parent folder is created.
   */
  static Path[] inputAndOutput(String[] args, String usage) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: " + usage);
      System.exit(2);
    }
    Path out = Path.of(args[1]);
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    return new Path[] {Path.of(args[0]), out};
  }
}
