package org.wiretrace.cli;

import picocli.CommandLine.Command;

/** {@code wiretrace bench ...}: throughput and latency benchmarks (never timed unit tests). */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure speed: documents per second and latency percentiles.",
    subcommands = {
      BenchExtractCommand.class,
      BenchWarcCommand.class,
      BenchAlignCommand.class,
      BenchStoriesCommand.class,
      BenchScanCommand.class
    })
final class BenchCommand {}
