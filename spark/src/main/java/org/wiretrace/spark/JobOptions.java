package org.wiretrace.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link WiretraceJob} reads, where it writes, and its memory bounds.
 *
 * @param inputs files or folders (any Hadoop file system: local, {@code hdfs://}, {@code s3a://});
 *     folders are read recursively
 * @param output the output folder (created; must not exist)
 * @param maxPostings index keys (LSH band keys, shingles, immutable n-grams) held by more articles
 *     than this are dropped as boilerplate: it bounds the memory of one key's group and the hits it
 *     makes ({@code maxPostings^2})
 * @param partitions partitions of the article, key and pair data sets (0: Spark's default
 *     parallelism)
 */
public record JobOptions(List<String> inputs, String output, int maxPostings, int partitions)
    implements Serializable {

  /** Default cap of a candidate key's postings. */
  public static final int DEFAULT_MAX_POSTINGS = 5_000;

  public JobOptions {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(output, "output");
    inputs = List.copyOf(inputs);
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("no input paths");
    }
    if (maxPostings < 2) {
      throw new IllegalArgumentException("maxPostings must be >= 2, got " + maxPostings);
    }
    if (partitions < 0) {
      throw new IllegalArgumentException("partitions must be >= 0, got " + partitions);
    }
  }

  /** Options with the default bounds. */
  public static JobOptions of(List<String> inputs, String output) {
    return new JobOptions(inputs, output, DEFAULT_MAX_POSTINGS, 0);
  }

  /**
   * Parses {@code [--max-postings N] [--partitions N] OUTPUT INPUT...}.
   *
   * @throws IllegalArgumentException with a usage message on bad arguments
   */
  public static JobOptions parse(String... args) {
    int max = DEFAULT_MAX_POSTINGS;
    int parts = 0;
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--max-postings" -> max = intArg(args, ++i);
        case "--partitions" -> parts = intArg(args, ++i);
        default -> rest.add(args[i]);
      }
    }
    if (rest.size() < 2) {
      throw new IllegalArgumentException(USAGE);
    }
    return new JobOptions(rest.subList(1, rest.size()), rest.get(0), max, parts);
  }

  /** The command line synopsis. */
  public static final String USAGE =
      "usage: WiretraceJob [--max-postings N] [--partitions N] OUTPUT INPUT...";

  private static int intArg(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a number\n" + USAGE);
    }
    try {
      return Integer.parseInt(args[i]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(args[i - 1] + ": not a number: " + args[i]);
    }
  }
}
