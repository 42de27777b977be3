package org.wiretrace.spin;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.wiretrace.text.Tokens;

/**
 * The false-alarm rate of a {@link SpinDetector} on ordinary, unspun text: phrases flagged per
 * 1,000 words. Stateless and thread-safe.
 */
public final class FalseAlarms {
  private FalseAlarms() {}

  /** Words read, phrases flagged, and the flagged phrases themselves. */
  public record Result(int texts, long words, List<SpunPhrase> flagged) {
    public Result {
      flagged = List.copyOf(flagged);
    }

    /** Flagged phrases per 1,000 words. */
    public double perThousandWords() {
      return words == 0 ? 0 : 1000.0 * flagged.size() / words;
    }
  }

  /** Runs the detector over each text. */
  public static Result measure(List<String> texts, SpinDetector detector, Consumer<String> step) {
    long words = 0;
    List<SpunPhrase> flagged = new ArrayList<>();
    for (String t : texts) {
      words += Tokens.of(t).size();
      flagged.addAll(detector.restore(t).phrases());
      step.accept(t);
    }
    return new Result(texts.size(), words, flagged);
  }

  /**
   * The distinct sentences of a Microsoft Research Paraphrase Corpus file (tab-separated, header
   * line, the two sentences in the 4th and 5th columns), or the non-blank lines of any other text
   * file. At most {@code limit} texts.
   */
  public static List<String> readTexts(Path file, int limit, Consumer<String> errors)
      throws IOException {
    Set<String> out = new LinkedHashSet<>();
    boolean tsv = file.getFileName().toString().endsWith(".tsv");
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int no = 0;
      while ((line = r.readLine()) != null && out.size() < limit) {
        no++;
        if (tsv) {
          if (no == 1) {
            continue;
          }
          String[] f = line.split("\t");
          if (f.length < 5) {
            errors.accept(file + ":" + no + ": expected 5 tab-separated fields, got " + f.length);
            continue;
          }
          out.add(f[3].strip());
          if (out.size() < limit) {
            out.add(f[4].strip());
          }
        } else if (!line.isBlank()) {
          out.add(line.strip());
        }
      }
    }
    return new ArrayList<>(out);
  }
}
