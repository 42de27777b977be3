package org.wiretrace.spin.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.wiretrace.spin.PhrasePair;
import org.wiretrace.spin.PhrasePairs;
import org.wiretrace.spin.SpinHabits;

/**
 * Learns the spinner habits resource ({@link SpinHabits#RESOURCE}) from a list of tortured/original
 * pairs.
 *
 * <p>Usage: {@code java -cp wiretrace.jar org.wiretrace.spin.build.HabitsBuilder
 * ../shared/data/tortured-phrases/dev.jsonl
 * core/src/main/resources/org/wiretrace/spin/spin-habits.tsv.gz}. Bad lines are reported on
 * standard error and skipped.
 */
public final class HabitsBuilder {
  private HabitsBuilder() {}

  public static void main(String[] args) throws IOException {
    Path[] io = BuilderArgs.inputAndOutput(args, "HabitsBuilder PAIRS.jsonl OUT.tsv.gz");
    List<PhrasePair> pairs = PhrasePairs.read(io[0], System.err::println);
    SpinHabits h = SpinHabits.learn(pairs);
    Path out = io[1];
    h.write(out);
    System.err.printf(
        "learned %d spun words from %d pairs: %s (%d bytes)%n",
        h.size(), pairs.size(), out, Files.size(out));
  }
}
