package org.wiretrace.text;

import java.util.Arrays;
import java.util.Objects;

/**
 * The words of a text with exact character offsets, on primitive arrays for hot loops.
 *
 * <p>Token {@code i} covers {@code text.substring(start(i), end(i))}; {@link #term(int)} is its
 * normalised form (lower case, accents and typographic apostrophes folded); {@link
 * #isCapitalized(int)} and {@link #isNumeric(int)} keep what spin-robust features need. Immutable
 * once built; thread-safe.
 */
public final class Tokens {
  private final String text;
  private final int[] starts;
  private final int[] ends;
  private final String[] terms;
  private final byte[] flags;

  static final byte CAPITALIZED = 1;
  static final byte NUMERIC = 2;
  static final byte SENTENCE_START = 4;

  Tokens(String text, int[] starts, int[] ends, String[] terms, byte[] flags) {
    this.text = Objects.requireNonNull(text);
    this.starts = starts;
    this.ends = ends;
    this.terms = terms;
    this.flags = flags;
  }

  /** Tokenizes {@code text} with the default {@link Tokenizer}. */
  public static Tokens of(String text) {
    return Tokenizer.tokenize(text);
  }

  public String text() {
    return text;
  }

  public int size() {
    return terms.length;
  }

  public int start(int i) {
    return starts[i];
  }

  public int end(int i) {
    return ends[i];
  }

  /** The normalised term of token {@code i}. */
  public String term(int i) {
    return terms[i];
  }

  /** The token as it stands in the text. */
  public String surface(int i) {
    return text.substring(starts[i], ends[i]);
  }

  public boolean isCapitalized(int i) {
    return (flags[i] & CAPITALIZED) != 0;
  }

  public boolean isNumeric(int i) {
    return (flags[i] & NUMERIC) != 0;
  }

  /** True when token {@code i} is the first of a sentence. */
  public boolean startsSentence(int i) {
    return (flags[i] & SENTENCE_START) != 0;
  }

  /** A copy of the normalised terms. */
  public String[] terms() {
    return terms.clone();
  }

  /** Index of the first token whose end is after {@code offset} ({@code size()} if none). */
  public int tokenAtOrAfter(int offset) {
    int i = Arrays.binarySearch(ends, offset + 1);
    int idx = i >= 0 ? i : -i - 1;
    while (idx > 0 && ends[idx - 1] > offset) {
      idx--;
    }
    return idx;
  }

  /** Token boundaries of the sentences: sentence {@code k} covers tokens [b[k], b[k+1]). */
  public int[] sentenceBounds() {
    int count = 0;
    for (int i = 0; i < flags.length; i++) {
      if ((flags[i] & SENTENCE_START) != 0) {
        count++;
      }
    }
    int[] b = new int[count + 1];
    int k = 0;
    for (int i = 0; i < flags.length; i++) {
      if ((flags[i] & SENTENCE_START) != 0) {
        b[k++] = i;
      }
    }
    b[k] = flags.length;
    return b;
  }
}
