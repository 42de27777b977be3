package org.wiretrace.spin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.IndexWordSet;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.PointerTarget;
import net.sf.extjwnl.data.PointerType;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * Synonyms from WordNet 3.1 (Miller 1995; Fellbaum 1998) through extjwnl: for a word or a multiword
 * expression, the lemmas of its synsets (all parts of speech) and of the adjective synsets they are
 * "similar to", each with a strength that favours the word's first (most common) senses.
 *
 * <p>The dictionary (about 120 MB of heap, half a second) is loaded lazily once, on first use, and
 * shared. extjwnl's resource dictionary is not documented as thread-safe, so every look-up goes
 * through one lock; results are cached per word, so the lock is taken once per distinct word.
 * Thread-safe.
 */
public final class WordNetLexicon {

  /** Strength of a lemma of the word's own synset, first sense. */
  public static final double SYNSET = 1.0;

  /** Strength of a lemma of an adjective synset "similar to" one of the word's senses. */
  public static final double SIMILAR = 0.6;

  /** Strength of a sibling (another hyponym of the word's hypernym), before the sense factor. */
  public static final double SIBLING = 0.3;

  /** Siblings taken per hypernym. */
  public static final int MAX_SIBLINGS = 80;

  /** Senses of one part of speech looked at (the rest are rare senses). */
  public static final int MAX_SENSES = 6;

  private static final WordNetLexicon SHARED = new WordNetLexicon();

  private final Object lock = new Object();
  private volatile Dictionary dictionary;
  private final Map<String, Map<String, Double>> cache = new ConcurrentHashMap<>();
  private final Map<String, Boolean> lemmas = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Double>> relatedCache = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Double>> derivedCache = new ConcurrentHashMap<>();
  private Map<String, java.util.List<String>> adverbs;

  private WordNetLexicon() {}

  /** The shared lexicon. */
  public static WordNetLexicon shared() {
    return SHARED;
  }

  private Dictionary dictionary() {
    Dictionary d = dictionary;
    if (d == null) {
      synchronized (lock) {
        d = dictionary;
        if (d == null) {
          try {
            d = Dictionary.getDefaultResourceInstance();
          } catch (JWNLException e) {
            throw new IllegalStateException("cannot load the WordNet dictionary", e);
          }
          dictionary = d;
        }
      }
    }
    return d;
  }

  /**
   * Synonyms of a lower-case word or space-separated expression (inflected forms are reduced to
   * their WordNet base forms first), lower-case, mapped to their strength in (0, 1]. Excludes the
   * word itself.
   */
  public Map<String, Double> synonyms(String phrase) {
    String key = phrase.toLowerCase(Locale.ROOT);
    return cache.computeIfAbsent(key, this::lookup);
  }

  /**
   * Words one step away in WordNet from the word's first senses, lower-case, with a strength in (0,
   * 1]: direct hypernyms and hyponyms ("infection" to "disease"), derivationally related forms and
   * pertainyms ("logical" to "logic"). Excludes the word itself and its synonyms.
   */
  public Map<String, Double> related(String phrase) {
    String key = phrase.toLowerCase(Locale.ROOT);
    return relatedCache.computeIfAbsent(key, this::lookupRelated);
  }

  private Map<String, Double> lookupRelated(String phrase) {
    Map<String, Double> out = new LinkedHashMap<>();
    synchronized (lock) {
      try {
        IndexWordSet set = dictionary().lookupAllIndexWords(phrase);
        for (IndexWord iw : set.getIndexWordArray()) {
          if (phrase.indexOf(' ') >= 0 && iw.getLemma().indexOf(' ') < 0) {
            continue;
          }
          int rank = 0;
          for (Synset s : iw.getSenses()) {
            if (rank >= MAX_SENSES / 2) {
              break;
            }
            double w = 1.0 / (1 + 0.25 * rank);
            rank++;
            // siblings: the other hyponyms of the first hypernyms ("battle" to "war")
            int hypernyms = 0;
            for (PointerTarget h : s.getTargets(PointerType.HYPERNYM)) {
              if (h instanceof Synset parent && hypernyms++ < 2 && rank <= 2) {
                int taken = 0;
                for (PointerTarget t : parent.getTargets(PointerType.HYPONYM)) {
                  if (t instanceof Synset sibling && taken++ < MAX_SIBLINGS) {
                    addLemmas(out, sibling, w * SIBLING, iw.getLemma());
                  }
                }
              }
            }
            for (PointerType type : new PointerType[] {PointerType.HYPERNYM, PointerType.HYPONYM}) {
              int taken = 0;
              for (PointerTarget t : s.getTargets(type)) {
                if (t instanceof Synset other && taken++ < 8) {
                  addLemmas(
                      out, other, w * (type == PointerType.HYPERNYM ? 0.8 : 0.5), iw.getLemma());
                }
              }
            }
            for (Word word : s.getWords()) {
              if (!word.getLemma().equalsIgnoreCase(iw.getLemma())) {
                continue;
              }
              for (PointerType type :
                  new PointerType[] {PointerType.DERIVATION, PointerType.PERTAINYM}) {
                for (PointerTarget t : word.getTargets(type)) {
                  if (t instanceof Word related) {
                    String lemma = related.getLemma().toLowerCase(Locale.ROOT).replace('_', ' ');
                    out.merge(lemma, w, Math::max);
                  }
                }
              }
            }
          }
        }
      } catch (JWNLException e) {
        return Collections.emptyMap();
      }
    }
    out.remove(phrase);
    out.keySet().removeAll(synonyms(phrase).keySet());
    return Collections.unmodifiableMap(out);
  }

  /**
   * The word's derivational family in WordNet, lower-case: the forms its lemmas (in any of their
   * first {@link #MAX_SENSES} senses per part of speech) are derivationally related to ("decide" to
   * "decision"), the adjectives its adverbs and adjectives pertain to ("feebly" to "feeble"), and
   * the adverbs derived from its adjectives ("weak" to "weakly", read backwards from the adverbs'
   * pointers, as WordNet links only the adverb to its adjective). Excludes the word itself.
   */
  public Map<String, Double> derived(String word) {
    String key = word.toLowerCase(Locale.ROOT);
    return derivedCache.computeIfAbsent(key, this::lookupDerived);
  }

  private Map<String, Double> lookupDerived(String word) {
    Map<String, Double> out = new LinkedHashMap<>();
    synchronized (lock) {
      try {
        IndexWordSet set = dictionary().lookupAllIndexWords(word);
        for (IndexWord iw : set.getIndexWordArray()) {
          if (iw.getLemma().indexOf(' ') >= 0) {
            continue;
          }
          int rank = 0;
          for (Synset s : iw.getSenses()) {
            if (rank >= MAX_SENSES) {
              break;
            }
            double w = 1.0 / (1 + 0.25 * rank);
            rank++;
            for (Word lemma : s.getWords()) {
              if (!lemma.getLemma().equalsIgnoreCase(iw.getLemma())) {
                continue;
              }
              for (PointerType type :
                  new PointerType[] {PointerType.DERIVATION, PointerType.PERTAINYM}) {
                for (PointerTarget t : lemma.getTargets(type)) {
                  if (t instanceof Word related) {
                    out.merge(
                        related.getLemma().toLowerCase(Locale.ROOT).replace('_', ' '),
                        w,
                        Math::max);
                  }
                }
              }
            }
          }
          if (iw.getPOS() == POS.ADJECTIVE) {
            for (String adverb : adverbsOf().getOrDefault(iw.getLemma(), java.util.List.of())) {
              out.merge(adverb, 1.0, Math::max);
            }
          }
        }
      } catch (JWNLException e) {
        return Collections.emptyMap();
      }
    }
    out.remove(word);
    out.keySet().removeIf(t -> t.indexOf(' ') >= 0);
    return Collections.unmodifiableMap(out);
  }

  /** Adjective lemma to the adverbs that pertain to it; built once, under {@link #lock}. */
  private Map<String, java.util.List<String>> adverbsOf() throws JWNLException {
    if (adverbs == null) {
      Map<String, java.util.List<String>> m = new java.util.HashMap<>();
      java.util.Iterator<IndexWord> it = dictionary().getIndexWordIterator(POS.ADVERB);
      while (it.hasNext()) {
        IndexWord adverb = it.next();
        for (Synset s : adverb.getSenses()) {
          for (Word lemma : s.getWords()) {
            if (!lemma.getLemma().equalsIgnoreCase(adverb.getLemma())) {
              continue;
            }
            for (PointerTarget t : lemma.getTargets(PointerType.PERTAINYM)) {
              if (t instanceof Word adjective) {
                java.util.List<String> l =
                    m.computeIfAbsent(
                        adjective.getLemma().toLowerCase(Locale.ROOT),
                        k -> new java.util.ArrayList<>());
                String a = adverb.getLemma().toLowerCase(Locale.ROOT);
                if (!l.contains(a)) {
                  l.add(a);
                }
              }
            }
          }
        }
      }
      adverbs = m;
    }
    return adverbs;
  }

  /** True when the lower-case expression (words separated by spaces) is a WordNet lemma. */
  public boolean isLemma(String phrase) {
    return lemmas.computeIfAbsent(
        phrase.toLowerCase(Locale.ROOT),
        p -> {
          synchronized (lock) {
            try {
              for (POS pos : POS.getAllPOS()) {
                if (dictionary().getIndexWord(pos, p) != null) {
                  return true;
                }
              }
              return false;
            } catch (JWNLException e) {
              return false;
            }
          }
        });
  }

  private Map<String, Double> lookup(String phrase) {
    Map<String, Double> out = new LinkedHashMap<>();
    synchronized (lock) {
      try {
        IndexWordSet set = dictionary().lookupAllIndexWords(phrase);
        for (IndexWord iw : set.getIndexWordArray()) {
          // a multiword look-up also returns its single words: keep only whole-phrase matches
          if (phrase.indexOf(' ') >= 0 && iw.getLemma().indexOf(' ') < 0) {
            continue;
          }
          int rank = 0;
          for (Synset s : iw.getSenses()) {
            if (rank >= MAX_SENSES) {
              break;
            }
            double senseWeight = 1.0 / (1 + 0.25 * rank);
            rank++;
            addLemmas(out, s, SYNSET * senseWeight, iw.getLemma());
            if (s.getPOS() == POS.ADJECTIVE) {
              for (PointerTarget t : s.getTargets(PointerType.SIMILAR_TO)) {
                if (t instanceof Synset similar) {
                  addLemmas(out, similar, SIMILAR * senseWeight, iw.getLemma());
                }
              }
            }
          }
        }
      } catch (JWNLException e) {
        return Collections.emptyMap();
      }
    }
    out.remove(phrase);
    return Collections.unmodifiableMap(out);
  }

  private static void addLemmas(Map<String, Double> out, Synset s, double w, String self) {
    for (Word word : s.getWords()) {
      String lemma = word.getLemma().toLowerCase(Locale.ROOT).replace('_', ' ');
      if (!lemma.equals(self)) {
        out.merge(lemma, w, Math::max);
      }
    }
  }
}
