package org.wiretrace.cli;

import picocli.CommandLine.Command;

/** {@code wiretrace eval ...}: quality measurements on real data; exit 1 below a threshold. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Measure quality on labelled data and print the metric.",
      "With --min-* thresholds, exits 1 when a figure falls below its threshold (used by CI)."
    },
    subcommands = {
      EvalExtractCommand.class,
      EvalAlignCommand.class,
      EvalAlignCorpusCommand.class,
      EvalStoriesCommand.class,
      EvalRestoreCommand.class,
      EvalDedupCommand.class
    })
final class EvalCommand {}
