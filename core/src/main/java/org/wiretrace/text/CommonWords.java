package org.wiretrace.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * English words that news prose writes in lower case in mid-sentence: a capitalised word whose
 * normalised form is not among them is taken for a name ("Nikko", "Berliner", "Stoltenberg"), one
 * whose form is ("Battle", "Defence", "Bank") for an ordinary word that may be capitalised in a
 * title or a name. This is the case evidence of truecasing (Lita, Ittycheriah, Roukos and
 * Kambhatla, "tRuEcasIng", ACL 2003) reduced to one bit per word.
 *
 * <p>The list ({@link #RESOURCE}, about 60,000 words) is counted from the news corpora by {@code
 * org.wiretrace.text.build.CommonWordsBuilder} (docs/align.md says how to rebuild it) and loaded
 * once, lazily, into a sorted array (binary search; no per-lookup allocation). Immutable;
 * thread-safe.
 */
public final class CommonWords {

  /** Class-path location of the word list: one normalised word a line, sorted, gzip. */
  public static final String RESOURCE = "/org/wiretrace/text/common-words.txt.gz";

  private final String[] words;

  private CommonWords(String[] sortedWords) {
    this.words = sortedWords;
  }

  /** The shipped list (loaded on first use). */
  public static CommonWords shared() {
    return Holder.SHARED;
  }

  /** A list of the given normalised words. */
  public static CommonWords of(String... words) {
    String[] w = words.clone();
    Arrays.sort(w);
    return new CommonWords(w);
  }

  /** True when the normalised {@code term} is written in lower case in ordinary prose. */
  public boolean contains(String term) {
    return Arrays.binarySearch(words, term) >= 0;
  }

  public int size() {
    return words.length;
  }

  private static final class Holder {
    static final CommonWords SHARED = load();

    private static CommonWords load() {
      InputStream in = CommonWords.class.getResourceAsStream(RESOURCE);
      if (in == null) {
        throw new IllegalStateException(
            "missing resource " + RESOURCE + " (build the core module)");
      }
      try (BufferedReader r =
          new BufferedReader(
              new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
        return of(r.lines().filter(l -> !l.isEmpty()).toArray(String[]::new));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE, e);
      }
    }
  }
}
