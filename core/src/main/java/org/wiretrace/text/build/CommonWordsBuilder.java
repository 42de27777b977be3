package org.wiretrace.text.build;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.wiretrace.text.CommonWords;
import org.wiretrace.text.Tokens;

/**
 * Builds {@link CommonWords#RESOURCE} from news corpora: for every alphabetic word in mid-sentence
 * (not the first of a sentence), how often it is written in lower case and how often capitalised; a
 * word is kept when it was seen in lower case at least {@link #MIN_LOWER} times and in at least
 * {@link #MIN_LOWER_SHARE} of its mid-sentence occurrences.
 *
 * <p>Usage: {@code java -cp wiretrace.jar org.wiretrace.text.build.CommonWordsBuilder
 * ../shared/data/corpora core/src/main/resources/org/wiretrace/text/common-words.txt.gz}: reads the
 * field {@code text} of every {@code *.jsonl.gz} in the folder. Not thread-safe; run once.
 */
public final class CommonWordsBuilder {

  /** Least number of lower-case mid-sentence occurrences of a kept word. */
  public static final int MIN_LOWER = 3;

  /** Least share of lower-case occurrences among a kept word's mid-sentence occurrences. */
  public static final double MIN_LOWER_SHARE = 0.2;

  private CommonWordsBuilder() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: CommonWordsBuilder CORPORA_DIR OUT.txt.gz");
      System.exit(2);
    }
    List<Path> files = new ArrayList<>();
    try (var s = Files.list(Path.of(args[0]))) {
      s.filter(p -> p.toString().endsWith(".jsonl.gz")).sorted().forEach(files::add);
    }
    Map<String, int[]> counts = new HashMap<>();
    JsonFactory f = new JsonFactory();
    for (Path file : files) {
      try (InputStream in =
              new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
          JsonParser p = f.createParser(in)) {
        while (p.nextToken() != null) {
          if (p.currentToken() == JsonToken.FIELD_NAME && "text".equals(p.currentName())) {
            p.nextToken();
            if (p.currentToken() == JsonToken.VALUE_STRING) {
              count(Tokens.of(p.getText()), counts);
            }
          }
        }
      }
      System.err.printf("%s: %d distinct words so far%n", file.getFileName(), counts.size());
    }
    List<String> kept = new ArrayList<>();
    counts.forEach(
        (w, c) -> {
          if (c[0] >= MIN_LOWER && c[0] >= MIN_LOWER_SHARE * (c[0] + c[1])) {
            kept.add(w);
          }
        });
    kept.sort(null);
    try (Writer w =
        new OutputStreamWriter(
            new GZIPOutputStream(Files.newOutputStream(Path.of(args[1]))),
            StandardCharsets.UTF_8)) {
      for (String s : kept) {
        w.write(s);
        w.write('\n');
      }
    }
    System.err.printf("%d common words written to %s%n", kept.size(), args[1]);
  }

  /** Adds the mid-sentence alphabetic words of {@code t}: [lower case, capitalised] counts. */
  static void count(Tokens t, Map<String, int[]> counts) {
    for (int i = 0; i < t.size(); i++) {
      if (t.startsSentence(i) || t.isNumeric(i)) {
        continue;
      }
      String surface = t.surface(i);
      if (!isAlphabetic(surface) || isAllCaps(surface)) {
        continue;
      }
      int[] c = counts.computeIfAbsent(t.term(i), k -> new int[2]);
      c[t.isCapitalized(i) ? 1 : 0]++;
    }
  }

  private static boolean isAlphabetic(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isLetter(c) && c != '-' && c != '\'' && c != '’') {
        return false;
      }
    }
    return true;
  }

  /** All-capital words of two or more letters ("NATO", a Reuters headline) say nothing of case. */
  private static boolean isAllCaps(String s) {
    int letters = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      letters += Character.isLetter(c) ? 1 : 0;
    }
    return letters >= 2;
  }
}
