package org.wiretrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's quick-start command, run as the README writes it. */
class ReadmeQuickStartTest {

  @TempDir Path tmp;

  @Test
  void theQuickStartScanRunsAndWritesBothReports() throws Exception {
    String readme = Files.readString(TestPaths.root().resolve("README.md"));
    String command =
        readme
            .lines()
            .map(String::strip)
            .filter(l -> l.startsWith("./wiretrace scan "))
            .findFirst()
            .orElseThrow(() -> new AssertionError("README has no ./wiretrace scan command"));
    List<String> args = new ArrayList<>(Arrays.asList(command.split("\\s+")));
    args.remove(0); // the launcher builds and runs this same CLI
    // the README's relative paths are relative to the repository root
    args.set(1, TestPaths.root().resolve(args.get(1)).toString());
    args.addAll(List.of("--data", tmp.resolve("data").toString(), "--report-dir", tmp.toString()));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Story 1").contains("ORIGINAL");
    assertThat(tmp.resolve("wiretrace-report.html")).exists();
    assertThat(
            new ObjectMapper()
                .readTree(tmp.resolve("wiretrace-report.json").toFile())
                .get("stories"))
        .isNotEmpty();
  }
}
