package org.wiretrace.cli;

import java.nio.file.Path;
import org.wiretrace.pipeline.ScanOptions;
import picocli.CommandLine.Option;

/** The {@code --data DIR} option shared by the commands that use the store. */
final class DataOption {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "The store's folder (default: ./wiretrace-data).")
  Path dir = ScanOptions.DEFAULT_DATA_DIR;
}
