package org.wiretrace.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The PAN corpus options shared by {@code align} and {@code eval align}. */
final class PanCorpusOptions {
  @Option(names = "--pairs", required = true, description = "PAN pairs file.")
  Path pairs;

  @Option(names = "--src-dir", required = true, description = "Folder of source documents.")
  Path srcDir;

  @Option(names = "--susp-dir", required = true, description = "Folder of suspicious documents.")
  Path suspDir;
}
