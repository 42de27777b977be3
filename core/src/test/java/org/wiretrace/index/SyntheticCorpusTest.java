package org.wiretrace.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wiretrace.fingerprint.FunctionWords;

class SyntheticCorpusTest {

  /**
   * Content words of {@code text} (neither function words nor numbers) missing from {@code out}.
   */
  private static int replaced(String text, String out) {
    Set<String> kept = new HashSet<>(Arrays.asList(out.split("[^\\p{L}\\p{N}]+")));
    int n = 0;
    for (String w : text.split("[^\\p{L}\\p{N}]+")) {
      if (isContent(w) && !kept.contains(w)) {
        n++;
      }
    }
    return n;
  }

  private static boolean isContent(String w) {
    return !w.isEmpty()
        && !FunctionWords.contains(w.toLowerCase())
        && !Character.isDigit(w.charAt(0));
  }

  @ParameterizedTest(name = "{0} at {1}")
  @CsvSource({
    "plain prose, 0.25",
    "plain prose, 0.60",
    "names and figures, 0.25",
    "names and figures, 0.60"
  })
  void aSpunCopyHasExactlyTheDrawnShareOfItsContentWordsReplaced(String kind, double rate) {
    // every word distinct, so a replaced word is one missing from the output
    String text =
        kind.startsWith("plain")
            ? "The harbour board said on Monday that quarry workers would resume loading grain"
                + " barges after a long dispute over wages, shifts, safety, pensions and overtime"
                + " at the river terminal near its lighthouse."
            : "Shr 1.20 dlrs vs 1.10. Net 4.5 mln against 3.9. Revs 88 billion from 71."
                + " Amcord Quinlan Halvern Tessaro Brindle Oakhurst Pellam Varrow Coldane Mistral"
                + " Ferrand Ostley Galbrook.";
    int content = 0;
    for (String w : text.split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()
          && !FunctionWords.contains(w.toLowerCase())
          && !Character.isDigit(w.charAt(0))) {
        content++;
      }
    }
    assertTrue(content >= 16, "content words: " + content);
    int expected = (int) Math.round(rate * content);
    for (long seed = 1; seed <= 20; seed++) {
      String out = SyntheticCorpus.spin(text, rate, new SplittableRandom(seed));
      assertEquals(expected, replaced(text, out), () -> out);
    }
  }
}
