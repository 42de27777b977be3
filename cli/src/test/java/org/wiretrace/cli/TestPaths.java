package org.wiretrace.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Where the repository and ../shared are, for tests. */
final class TestPaths {
  private TestPaths() {}

  /** The repository's root folder. */
  static Path root() {
    String r = System.getProperty("wiretrace.root");
    Path p = r != null ? Path.of(r) : Path.of("").toAbsolutePath().getParent();
    return p.toAbsolutePath().normalize();
  }

  /** ../shared beside the checkout; skips the test (with a message) when it is absent. */
  static Path shared() {
    String s = System.getProperty("wiretrace.shared");
    Path p = s != null ? Path.of(s) : root().resolve("../shared");
    Assumptions.assumeTrue(
        Files.isDirectory(p),
        "../shared is absent (" + p + "): skipping a test that needs the shared data sets");
    return p.toAbsolutePath().normalize();
  }
}
