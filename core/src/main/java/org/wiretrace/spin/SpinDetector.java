package org.wiretrace.spin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.wiretrace.text.Tokens;

/**
 * Finds tortured phrases in running text without a source, and proposes their original wording.
 *
 * <p>Every window of {@link Settings#minWords} to {@link Settings#maxWords} adjacent words not
 * separated by punctuation is a candidate when it is rare in the reference corpora ({@link
 * PhraseStats}) although each of its words is common, and when the {@link PhraseRestorer} finds a
 * close wording that is a frequent collocation: "chilly battle" (absent) beside "cold war"
 * (thousands of times). The confidence grows with the log ratio of the two counts and with the
 * restorer's prior; windows below {@link Settings#minConfidence} are dropped, as are windows made
 * of function words only. This is the intrinsic detection of "tortured phrases" (Cabanac, Labbé and
 * Magazinov 2021) generalised from a fixed list to phrase statistics.
 *
 * <p>Stateless apart from its immutable inputs; thread-safe.
 */
public final class SpinDetector {

  /**
   * Detection thresholds.
   *
   * @param minWords fewest words of a window
   * @param maxWords most words of a window
   * @param maxObserved largest corpus count of a window that can still be spun (a two-word window
   *     seen twice or more in the corpora, by the {@link PhraseStats#seen} filter, never is)
   * @param minEvidence smallest corpus count of the suggested wording
   * @param minRatio smallest ratio of the suggestion's count to the window's (both plus one)
   * @param minWordCount smallest corpus count of every word of the window (rarer words are names,
   *     typing errors or jargon, not a spinner's synonyms)
   * @param minPrior smallest prior of the weakest substitution of the suggestion (a spinner
   *     replaces a word by a close synonym; far-fetched links make false alarms)
   * @param minLemmaPrior the same for a capitalised (name-like) window whose suggestion is a
   *     WordNet multiword lemma (a fixed expression such as "Cold War", evidence in itself)
   * @param minConfidence smallest confidence reported
   */
  public record Settings(
      int minWords,
      int maxWords,
      int maxObserved,
      int minEvidence,
      double minRatio,
      int minWordCount,
      double minPrior,
      double minLemmaPrior,
      double minConfidence) {

    /** The defaults, tuned on the dev list and on unspun news (MSRP sentences). */
    public static final Settings DEFAULT = new Settings(2, 2, 1, 25, 40, 50, 0.15, 0.01, 0.85);

    public Settings {
      if (minWords < 1 || maxWords < minWords || maxWords > 4) {
        throw new IllegalArgumentException("need 1 <= minWords <= maxWords <= 4");
      }
      if (maxObserved < 0 || minEvidence < 1 || minRatio < 1 || minWordCount < 0) {
        throw new IllegalArgumentException("bad detection thresholds");
      }
      if (!(minConfidence >= 0 && minConfidence <= 1)) {
        throw new IllegalArgumentException("minConfidence must be in [0, 1]");
      }
    }
  }

  /** Confidence logit removed when only one word of the window changes. */
  public static final double SINGLE_CHANGE_PENALTY = 1.5;

  /** Suggestions kept per phrase (the first is the suggestion, the rest alternatives). */
  public static final int SUGGESTIONS = 4;

  /** Flagged phrases per 100 words at which the spin score reaches 1 - 1/e. */
  public static final double SCORE_SCALE = 1.5;

  private static final Set<String> FUNCTION_WORDS =
      Set.of(
          "a", "an", "the", "and", "or", "but", "if", "of", "in", "on", "at", "to", "for", "by",
          "with", "from", "as", "is", "are", "was", "were", "be", "been", "being", "it", "its",
          "this", "that", "these", "those", "he", "she", "they", "we", "you", "i", "his", "her",
          "their", "our", "your", "my", "not", "no", "so", "than", "then", "there", "here", "who",
          "which", "what", "when", "where", "how", "why", "all", "any", "some", "has", "have",
          "had", "do", "does", "did", "will", "would", "can", "could", "may", "might", "must",
          "shall", "should", "into", "onto", "up", "down", "out", "over", "about", "after",
          "before", "s", "also", "just", "very", "more", "most", "said", "says", "mr", "ms", "one",
          "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first", "second",
          "third", "last", "next", "get", "got", "make", "made", "like", "now", "only", "even",
          "well", "same", "other", "another", "such", "me", "us", "them", "him", "new", "old",
          "off", "again", "back", "still");

  private final PhraseRestorer restorer;
  private final PhraseStats stats;
  private final Settings settings;
  private final WordNetLexicon lexicon;

  public SpinDetector(PhraseRestorer restorer, Settings settings) {
    this.lexicon = WordNetLexicon.shared();
    this.restorer = Objects.requireNonNull(restorer, "restorer");
    this.stats = restorer.stats();
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** The detector with the shipped resources and default settings. */
  public static SpinDetector standard() {
    return new SpinDetector(PhraseRestorer.forDetection(), Settings.DEFAULT);
  }

  /** The spun phrases of {@code text} (overlapping candidates resolved) and the restored text. */
  public Restoration restore(String text) {
    Tokens t = Tokens.of(text);
    List<SpunPhrase> found = detect(t);
    Restoration r = Restoration.of(text, 0, found);
    int words = Math.max(1, t.size());
    double per100 = 100.0 * r.phrases().size() / words;
    double score = 1 - Math.exp(-per100 / SCORE_SCALE);
    return new Restoration(score, r.phrases(), r.restoredText());
  }

  /** All candidate spun phrases of the tokens, overlapping ones included. */
  public List<SpunPhrase> detect(Tokens t) {
    List<SpunPhrase> out = new ArrayList<>();
    String text = t.text();
    for (int i = 0; i < t.size(); i++) {
      for (int len = settings.minWords(); len <= settings.maxWords(); len++) {
        int j = i + len;
        if (j > t.size() || breaks(t, i, j)) {
          break;
        }
        SpunPhrase p = window(t, i, j);
        if (p != null) {
          out.add(p);
        }
      }
    }
    return out;
  }

  /**
   * True when every changed word is a content word replaced by a content word (a spinner swaps
   * nouns, verbs and adjectives, not function words or numbers).
   */
  static boolean plausibleSubstitution(List<String> window, String[] suggestion) {
    if (window.size() == suggestion.length) {
      for (int k = 0; k < suggestion.length; k++) {
        String a = window.get(k);
        String b = suggestion[k];
        if (!a.equals(b) && (FUNCTION_WORDS.contains(a) || FUNCTION_WORDS.contains(b))) {
          return false;
        }
      }
      return true;
    }
    for (String b : suggestion) {
      if (FUNCTION_WORDS.contains(b) && !window.contains(b)) {
        return false;
      }
    }
    return true;
  }

  private static boolean breaks(Tokens t, int from, int to) {
    for (int k = from + 1; k < to; k++) {
      if (PhraseStats.breaksBetween(t.text(), t.end(k - 1), t.start(k))) {
        return true;
      }
    }
    return false;
  }

  private SpunPhrase window(Tokens t, int from, int to) {
    List<String> words = new ArrayList<>(to - from);
    boolean content = false;
    for (int k = from; k < to; k++) {
      String w = t.term(k);
      if (t.isNumeric(k) || stats.count(w) < settings.minWordCount()) {
        return null;
      }
      // all-capital words are acronyms, not a spinner's synonyms
      String s = t.surface(k);
      if (s.length() > 1 && s.equals(s.toUpperCase(Locale.ROOT))) {
        return null;
      }
      content |= !FUNCTION_WORDS.contains(w);
      words.add(w);
    }
    if (!content
        || FUNCTION_WORDS.contains(words.get(0))
        || FUNCTION_WORDS.contains(words.get(words.size() - 1))) {
      return null;
    }
    int observed = stats.count(words);
    if (observed > settings.maxObserved()
        || words.size() == 2 && stats.seen(words.get(0), words.get(1))) {
      return null;
    }
    List<Suggestion> s = restorer.suggest(words, SUGGESTIONS);
    if (s.isEmpty()) {
      return null;
    }
    Suggestion best = s.get(0);
    if (best.corpusCount() < settings.minEvidence()) {
      return null;
    }
    boolean lemma = best.text().indexOf(' ') > 0 && lexicon.isLemma(best.text());
    boolean named = false;
    for (int k = from; k < to; k++) {
      named |= t.isCapitalized(k) && !t.startsSentence(k);
    }
    // every substitution a close one; in a name-like phrase restored to a fixed expression
    // ("Chilly Battle" to "Cold War") one of them may be looser
    boolean loose = named && lemma;
    if (best.strongestPrior() < settings.minPrior()
        || best.weakestPrior() < (loose ? settings.minLemmaPrior() : settings.minPrior())) {
      return null;
    }
    String[] suggested = best.text().split(" ");
    int changed = 0;
    for (int k = 0; k < suggested.length; k++) {
      changed += k >= words.size() || !words.get(k).equals(suggested[k]) ? 1 : 0;
    }
    double ratio = (best.corpusCount() + 1.0) / (observed + 1.0);
    if (ratio < settings.minRatio()) {
      return null;
    }
    double margin = s.size() > 1 ? best.score() - s.get(1).score() : 2.0;
    // one changed word in a rare phrase is often just an unusual phrase: ask for more evidence
    double z =
        0.6 * Math.log(ratio / settings.minRatio())
            + 0.5 * best.score()
            + 0.5 * margin
            - (changed <= 1 ? SINGLE_CHANGE_PENALTY : 0)
            - 1;
    double confidence = 1 / (1 + Math.exp(-z));
    if (confidence < settings.minConfidence()) {
      return null;
    }
    if (!plausibleSubstitution(words, suggested)) {
      return null;
    }
    // a capitalised (name-like) phrase is restored only to a named concept WordNet knows
    if (named && !lemma) {
      return null;
    }
    List<String> alternatives = new ArrayList<>();
    for (int k = 1; k < s.size(); k++) {
      if (s.get(k).corpusCount() > 0) {
        alternatives.add(Casing.styleLike(t, from, to, s.get(k).text()));
      }
    }
    int start = t.start(from);
    int end = t.end(to - 1);
    String evidence =
        String.format(
            Locale.ROOT,
            "corpus: '%s' %dx vs '%s' %dx; %s",
            String.join(" ", words),
            observed,
            best.text(),
            best.corpusCount(),
            best.evidence());
    return new SpunPhrase(
        start,
        end,
        t.text().substring(start, end),
        Casing.styleLike(t, from, to, best.text()),
        alternatives,
        confidence,
        evidence);
  }
}
