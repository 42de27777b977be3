package org.wiretrace.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.wiretrace.fingerprint.FunctionWords;
import org.wiretrace.fingerprint.Hash64;
import org.wiretrace.ingest.Article;

/**
 * A synthetic news collection of any size derived from real articles, with planted copies at known
 * rates so that retrieval recall can be measured at that size.
 *
 * <p>Each article is, with the configured probabilities:
 *
 * <ul>
 *   <li>{@link Kind#ORIGINAL}: the next real article of the base corpus; after the base corpus is
 *       exhausted, a <i>variant</i> of it: every content word, name and number is replaced through
 *       a per-pass pseudo-word bijection (function words, punctuation and layout kept), giving a
 *       new text with the statistics of news that shares no word shingle with the base article;
 *   <li>{@link Kind#DUPLICATE}: a verbatim copy of a recent original (one of the last {@value
 *       #WINDOW});
 *   <li>{@link Kind#EXCERPT}: its first 20-60% (cut at a sentence end);
 *   <li>{@link Kind#EDITED}: 10% of its sentences dropped and 4% of its words changed;
 *   <li>{@link Kind#SPUN}: 25-60% of its content words replaced by a consistent pseudo-thesaurus
 *       (exactly that share, drawn with capitalised words at a third of the weight; one substitute
 *       per word, as spinners use), a tenth of those by two words, and 3% of the function words
 *       swapped for others.
 * </ul>
 *
 * Article ids are {@code syn-<n>-f<family>}: the family is the sequence number of the original a
 * copy derives from, so membership is read from the id without a table. Memory: the window of
 * recent originals. Deterministic for a seed. Not thread-safe (an iterator).
 */
public final class SyntheticCorpus implements Iterable<SyntheticCorpus.Item> {
  /** Number of recent originals copies are drawn from. */
  public static final int WINDOW = 1000;

  /** What an article of the collection is. */
  public enum Kind {
    ORIGINAL,
    DUPLICATE,
    EXCERPT,
    EDITED,
    SPUN
  }

  /**
   * One generated article.
   *
   * @param article the article
   * @param kind how it was made
   * @param sourceId the id of the original it was made from (empty for originals)
   * @param rate the share of content words replaced (spun) or of text kept (excerpt), else 0
   */
  public record Item(Article article, Kind kind, Optional<String> sourceId, double rate) {}

  /** Shares of each kind, in {@link Kind} order; they sum to 1. */
  public static final double[] DEFAULT_RATES = {0.70, 0.06, 0.06, 0.06, 0.12};

  private final Supplier<Stream<Article>> base;
  private final long size;
  private final long seed;
  private final double[] rates;

  /**
   * @param base reads the base corpus afresh on each call (it is read once per pass)
   * @param size number of articles to generate
   * @param seed random seed
   * @param rates shares of each {@link Kind}
   */
  public SyntheticCorpus(Supplier<Stream<Article>> base, long size, long seed, double[] rates) {
    this.base = Objects.requireNonNull(base, "base");
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, got " + size);
    }
    if (rates.length != Kind.values().length) {
      throw new IllegalArgumentException("need " + Kind.values().length + " rates");
    }
    double sum = 0;
    for (double r : rates) {
      if (r < 0) {
        throw new IllegalArgumentException("rates must be >= 0");
      }
      sum += r;
    }
    if (Math.abs(sum - 1) > 1e-9 || rates[0] <= 0) {
      throw new IllegalArgumentException("rates must sum to 1 with originals > 0");
    }
    this.size = size;
    this.seed = seed;
    this.rates = rates.clone();
  }

  /** The family (sequence number of the original) of a generated id, or -1 if not generated. */
  public static long family(String id) {
    int f = id.lastIndexOf("-f");
    if (!id.startsWith("syn-") || f < 0) {
      return -1;
    }
    return Long.parseLong(id.substring(f + 2));
  }

  /**
   * The id of the original a generated copy was made from ({@code syn-F-fF} for family F); empty
   * for an id that was not generated. An original's own id maps to itself.
   */
  public static Optional<String> originalId(String id) {
    long f = family(id);
    return f < 0 ? Optional.empty() : Optional.of("syn-" + f + "-f" + f);
  }

  @Override
  public Iterator<Item> iterator() {
    return new Iterator<>() {
      private final SplittableRandom rnd = new SplittableRandom(seed);
      private final Article[] window = new Article[WINDOW];
      private final long[] windowSeq = new long[WINDOW];
      private int windowed;
      private long n;
      private int pass;
      private Iterator<Article> source = base.get().iterator();
      private boolean sawAny;

      @Override
      public boolean hasNext() {
        return n < size;
      }

      @Override
      public Item next() {
        if (n >= size) {
          throw new NoSuchElementException();
        }
        long seq = n++;
        Kind kind = windowed == 0 ? Kind.ORIGINAL : pick(rnd.nextDouble());
        if (kind == Kind.ORIGINAL) {
          Article a = nextBase();
          String text = pass == 0 ? a.text() : variant(a.text(), pass);
          String title = pass == 0 ? a.title() : variant(a.title(), pass);
          Article out =
              Article.builder("synthetic:" + a.origin() + (pass == 0 ? "" : "~" + pass), text)
                  .id("syn-" + seq + "-f" + seq)
                  .title(title)
                  .build();
          window[windowed % WINDOW] = out;
          windowSeq[windowed % WINDOW] = seq;
          windowed++;
          return new Item(out, kind, Optional.empty(), 0);
        }
        int w = rnd.nextInt(Math.min(windowed, WINDOW));
        Article src = window[w];
        long family = windowSeq[w];
        double rate = 0;
        String text;
        switch (kind) {
          case DUPLICATE -> text = src.text();
          case EXCERPT -> {
            rate = 0.2 + 0.4 * rnd.nextDouble();
            text = excerpt(src.text(), rate);
          }
          case EDITED -> text = edit(src.text(), rnd);
          default -> {
            rate = 0.25 + 0.35 * rnd.nextDouble();
            text = spin(src.text(), rate, rnd);
          }
        }
        Article out =
            Article.builder("synthetic:" + kind.name().toLowerCase() + ":" + src.id(), text)
                .id("syn-" + seq + "-f" + family)
                .title(src.title())
                .build();
        return new Item(out, kind, Optional.of(src.id()), rate);
      }

      private Kind pick(double x) {
        double acc = 0;
        for (Kind k : Kind.values()) {
          acc += rates[k.ordinal()];
          if (x < acc) {
            return k;
          }
        }
        return Kind.ORIGINAL;
      }

      private Article nextBase() {
        while (true) {
          while (source.hasNext()) {
            Article a = source.next();
            if (!a.text().isBlank()) {
              sawAny = true;
              return a;
            }
          }
          if (!sawAny) {
            throw new IllegalStateException("the base corpus holds no article");
          }
          pass++;
          source = base.get().iterator();
        }
      }
    };
  }

  /** A pseudo-word for {@code word} under {@code key}: same case pattern, similar length. */
  static String pseudo(String word, long key) {
    long h = Hash64.combine(Hash64.of(word.toLowerCase()), key);
    boolean digits = true;
    for (int i = 0; i < word.length(); i++) {
      digits &= Character.isDigit(word.charAt(i));
    }
    StringBuilder sb = new StringBuilder(word.length() + 2);
    if (digits) {
      for (int i = 0; i < word.length(); i++) {
        h = Hash64.mix(h + i);
        sb.append((char) ('0' + (int) Long.remainderUnsigned(h, 10)));
      }
      return sb.toString();
    }
    String consonants = "bcdfghklmnprstvwz";
    String vowels = "aeiou";
    int len = Math.max(2, word.length() + (int) (h & 3) - 1);
    for (int i = 0; i < len; i++) {
      h = Hash64.mix(h + i);
      String set = i % 2 == 0 ? consonants : vowels;
      sb.append(set.charAt((int) Long.remainderUnsigned(h, set.length())));
    }
    boolean upper = Character.isUpperCase(word.charAt(0));
    boolean allUpper = word.length() > 1 && word.equals(word.toUpperCase()) && upper;
    String s = sb.toString();
    if (allUpper) {
      return s.toUpperCase();
    }
    return upper ? Character.toUpperCase(s.charAt(0)) + s.substring(1) : s;
  }

  /**
   * Replaces every word that is not a function word through {@link #pseudo} with key {@code pass}.
   */
  static String variant(String text, int pass) {
    StringBuilder sb = new StringBuilder(text.length());
    forEachWord(
        text, sb, w -> FunctionWords.contains(w.toLowerCase()) ? w : pseudo(w, 0x7A5L * pass + 17));
    return sb.toString();
  }

  /** The first {@code share} of {@code text}, cut after the next sentence end. */
  static String excerpt(String text, double share) {
    int cut = (int) (text.length() * share);
    for (int i = cut; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c == '.' || c == '!' || c == '?')
          && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)))) {
        return text.substring(0, i + 1);
      }
    }
    return text;
  }

  private static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c == '.' || c == '!' || c == '?')
          && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)))) {
        out.add(text.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      out.add(text.substring(start));
    }
    return out;
  }

  /** Drops 10% of sentences and changes 4% of words. */
  static String edit(String text, SplittableRandom rnd) {
    StringBuilder kept = new StringBuilder(text.length());
    for (String s : sentences(text)) {
      if (rnd.nextDouble() >= 0.10) {
        kept.append(s);
      }
    }
    StringBuilder sb = new StringBuilder(kept.length());
    forEachWord(kept.toString(), sb, w -> rnd.nextDouble() < 0.04 ? pseudo(w, rnd.nextLong()) : w);
    return sb.toString();
  }

  /**
   * Replaces exactly {@code rate} of the content words (rounded; words that are not function words
   * and do not start with a digit) through a consistent pseudo-thesaurus. The words to replace are
   * drawn without replacement, capitalised ones with a third of the weight of the others (thesauri
   * rarely hold names; Efraimidis and Spirakis, "Weighted random sampling with a reservoir", IPL
   * 2006): a per-word coin at {@code rate} would leave a short notice of names and figures almost
   * untouched, below the share a spun copy is planted with.
   */
  static String spin(String text, double rate, SplittableRandom rnd) {
    List<String> words = new ArrayList<>();
    forEachWord(
        text,
        new StringBuilder(0),
        w -> {
          words.add(w);
          return w;
        });
    int n = words.size();
    int content = 0;
    double[] key = new double[n];
    for (int i = 0; i < n; i++) {
      String w = words.get(i);
      if (FunctionWords.contains(w.toLowerCase()) || Character.isDigit(w.charAt(0))) {
        key[i] = Double.POSITIVE_INFINITY;
      } else {
        double weight = Character.isUpperCase(w.charAt(0)) ? 1.0 / 3 : 1.0;
        key[i] = -Math.log(1 - rnd.nextDouble()) / weight; // smallest keys: the weighted sample
        content++;
      }
    }
    int replace = (int) Math.round(rate * content);
    double[] sorted = key.clone();
    Arrays.sort(sorted);
    double cut = replace == 0 ? Double.NEGATIVE_INFINITY : sorted[replace - 1];
    StringBuilder sb = new StringBuilder(text.length() + 64);
    int[] at = {0};
    forEachWord(
        text,
        sb,
        w -> {
          int i = at[0]++;
          if (key[i] == Double.POSITIVE_INFINITY) {
            boolean function = !Character.isDigit(w.charAt(0));
            return function && rnd.nextDouble() < 0.03
                ? FUNCTION_SWAPS[rnd.nextInt(FUNCTION_SWAPS.length)]
                : w;
          }
          if (key[i] > cut) {
            return w;
          }
          String syn = pseudo(w, THESAURUS);
          return rnd.nextDouble() < 0.1 ? syn + " " + pseudo(w, THESAURUS + 1) : syn;
        });
    return sb.toString();
  }

  private static final long THESAURUS = 0x5B1CEL;
  private static final String[] FUNCTION_SWAPS = {"the", "a", "of", "in", "on", "with", "for"};

  private interface WordMap {
    String apply(String word);
  }

  /** Copies {@code text} into {@code sb}, mapping each run of letters or digits. */
  private static void forEachWord(String text, StringBuilder sb, WordMap map) {
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        sb.append(c);
        i++;
        continue;
      }
      int s = i;
      while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
        i++;
      }
      sb.append(map.apply(text.substring(s, i)));
    }
  }
}
