package org.wiretrace.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Wiretrace#scan} reads and where it keeps its store.
 *
 * @param inputs files and folders to read (recursively)
 * @param dataDir the store's folder
 */
public record ScanOptions(List<Path> inputs, Path dataDir) {

  /** The store's folder when none is given. */
  public static final Path DEFAULT_DATA_DIR = Path.of("wiretrace-data");

  public ScanOptions {
    Objects.requireNonNull(inputs, "inputs");
    inputs = List.copyOf(inputs);
    dataDir = dataDir == null ? DEFAULT_DATA_DIR : dataDir;
  }

  /** Options reading {@code inputs} with the default store. */
  public static ScanOptions of(List<Path> inputs) {
    return new ScanOptions(inputs, DEFAULT_DATA_DIR);
  }
}
