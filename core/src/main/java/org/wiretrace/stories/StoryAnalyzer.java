package org.wiretrace.stories;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.wiretrace.ingest.Article;
import org.wiretrace.text.Tokens;

/**
 * Turns an article into {@link StoryFeatures}: the feature spaces of Miranda et al. (EMNLP 2018)
 * with a light-weight English analysis.
 *
 * <ul>
 *   <li>{@link FeatureSpace#BODY}: the first {@link #DEFAULT_BODY_TOKENS} words of the body,
 *       stemmed with the Snowball English (Porter2) stemmer shipped in Lucene, without Lucene's
 *       English stop words, one-letter words and numbers.
 *   <li>{@link FeatureSpace#TITLE}: the title's words, analysed the same way.
 *   <li>{@link FeatureSpace#ENTITIES}: named entities by a capitalisation heuristic (no model is
 *       published on Maven Central for OpenNLP name finding): a maximal run of capitalised words,
 *       except a lone capitalised word opening a sentence; each run counts as the phrase and as
 *       each of its words, so "Jens Stoltenberg" later matches "Stoltenberg".
 *   <li>{@link FeatureSpace#NUMBERS}: numbers and dates as written, separators dropped.
 * </ul>
 *
 * <p>Thread-safe: stemmers are made per call; stems are memoised in a shared direct-mapped cache of
 * {@link #STEM_CACHE_SLOTS} immutable entries (a racing write only replaces one correct entry with
 * another).
 */
public final class StoryAnalyzer {

  /** Body words analysed per article: the lead paragraphs name the event. */
  public static final int DEFAULT_BODY_TOKENS = 600;

  /**
   * Slots of the stem cache (a power of two). Each term has one slot; a term meeting another in its
   * slot replaces it. Small enough to stay in the processor's caches, where a map of every term
   * seen (a synthetic corpus's pseudo-words included) spent more time missing them than stemming.
   */
  public static final int STEM_CACHE_SLOTS = 1 << 16;

  private static final CharArraySet STOP = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

  private final int bodyTokens;
  private final Stem[] stems = new Stem[STEM_CACHE_SLOTS];

  /** A term and its stem: immutable, so a thread reading a slot sees a whole entry or null. */
  private record Stem(String term, String stem) {}

  /** An analyzer reading the first {@code bodyTokens} words of each body. */
  public StoryAnalyzer(int bodyTokens) {
    if (bodyTokens < 1) {
      throw new IllegalArgumentException("bodyTokens must be positive: " + bodyTokens);
    }
    this.bodyTokens = bodyTokens;
  }

  /** An analyzer with {@link #DEFAULT_BODY_TOKENS}. */
  public StoryAnalyzer() {
    this(DEFAULT_BODY_TOKENS);
  }

  /** The features of {@code article}, whose body is already tokenised as {@code body}. */
  public StoryFeatures analyze(Article article, Tokens body) {
    return analyze(article.id(), article.title(), body, article.published());
  }

  /** The features of an article given its parts. */
  public StoryFeatures analyze(
      String articleId, String title, Tokens body, Optional<Instant> published) {
    EnglishStemmer stemmer = new EnglishStemmer();
    Map<FeatureSpace, SparseVector> v = new EnumMap<>(FeatureSpace.class);
    Tokens titleTokens = Tokens.of(title == null ? "" : title);
    v.put(FeatureSpace.TITLE, words(titleTokens, titleTokens.size(), stemmer));
    int n = Math.min(body.size(), bodyTokens);
    v.put(FeatureSpace.BODY, words(body, n, stemmer));
    v.put(FeatureSpace.ENTITIES, entities(titleTokens, body, n));
    v.put(FeatureSpace.NUMBERS, numbers(titleTokens, body, n));
    double day =
        published
            .map(p -> p.getEpochSecond() / 86_400.0 + p.getNano() / 8.64e13)
            .orElse(Double.NaN);
    return new StoryFeatures(articleId, day, v);
  }

  private SparseVector words(Tokens t, int n, EnglishStemmer stemmer) {
    int[] keys = new int[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      String term = t.term(i);
      if (t.isNumeric(i) || term.length() < 2 || STOP.contains(term)) {
        continue;
      }
      keys[m++] = TermHash.of(FeatureSpace.BODY, stem(term, stemmer));
    }
    return SparseVector.ofCounts(keys, m);
  }

  private String stem(String term, EnglishStemmer stemmer) {
    int h = term.hashCode();
    int slot = (h ^ (h >>> 16)) & (STEM_CACHE_SLOTS - 1);
    Stem cached = stems[slot];
    if (cached != null && cached.term().equals(term)) {
      return cached.stem();
    }
    stemmer.setCurrent(term);
    stemmer.stem();
    String s = stemmer.getCurrent();
    stems[slot] = new Stem(term, s);
    return s;
  }

  private static SparseVector entities(Tokens title, Tokens body, int n) {
    int[] keys = new int[16 + 2 * (title.size() + n)];
    int m = entities(title, title.size(), keys, 0);
    m = entities(body, n, keys, m);
    return SparseVector.ofCounts(keys, m);
  }

  private static int entities(Tokens t, int n, int[] keys, int m) {
    StringBuilder phrase = new StringBuilder();
    int i = 0;
    while (i < n) {
      if (!t.isCapitalized(i) || t.isNumeric(i)) {
        i++;
        continue;
      }
      int j = i;
      while (j < n && t.isCapitalized(j) && !t.isNumeric(j) && (j == i || !t.startsSentence(j))) {
        j++;
      }
      boolean loneOpener = j - i == 1 && t.startsSentence(i);
      if (!loneOpener && !(j - i == 1 && STOP.contains(t.term(i)))) {
        phrase.setLength(0);
        for (int k = i; k < j; k++) {
          if (k > i) {
            phrase.append(' ');
          }
          phrase.append(t.term(k));
          if (j - i > 1 && !STOP.contains(t.term(k))) {
            keys[m++] = TermHash.of(FeatureSpace.ENTITIES, t.term(k));
          }
        }
        keys[m++] = TermHash.of(FeatureSpace.ENTITIES, phrase);
      }
      i = j;
    }
    return m;
  }

  private static SparseVector numbers(Tokens title, Tokens body, int n) {
    int[] keys = new int[title.size() + n];
    int m = 0;
    StringBuilder sb = new StringBuilder();
    for (int pass = 0; pass < 2; pass++) {
      Tokens t = pass == 0 ? title : body;
      int limit = pass == 0 ? title.size() : n;
      for (int i = 0; i < limit; i++) {
        if (!t.isNumeric(i)) {
          continue;
        }
        String term = t.term(i);
        sb.setLength(0);
        for (int k = 0; k < term.length(); k++) {
          char c = term.charAt(k);
          if (c != ',') {
            sb.append(c);
          }
        }
        keys[m++] = TermHash.of(FeatureSpace.NUMBERS, sb);
      }
    }
    return SparseVector.ofCounts(keys, m);
  }
}
