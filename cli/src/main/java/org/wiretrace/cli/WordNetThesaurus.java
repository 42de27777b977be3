package org.wiretrace.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.IndexWordSet;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.dictionary.Dictionary;
import org.wiretrace.align.pan.Thesaurus;

/**
 * Synonyms from Princeton WordNet 3.1 (extjwnl with its bundled data): the other lemmas of the
 * first two senses of each part of speech of a word, found through WordNet's morphology (so
 * inflected forms get base-form synonyms, as crude spinners give). Cached; thread-safe.
 */
final class WordNetThesaurus implements Thesaurus {

  private final Dictionary dictionary;
  private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

  WordNetThesaurus() {
    try {
      this.dictionary = Dictionary.getDefaultResourceInstance();
    } catch (JWNLException e) {
      throw new IllegalStateException("cannot load WordNet: " + e.getMessage(), e);
    }
  }

  @Override
  public List<String> synonyms(String word) {
    return cache.computeIfAbsent(word, this::lookup);
  }

  private List<String> lookup(String word) {
    List<String> out = new ArrayList<>();
    try {
      IndexWordSet set;
      synchronized (dictionary) {
        set = dictionary.lookupAllIndexWords(word);
      }
      for (IndexWord iw : set.getIndexWordArray()) {
        List<Synset> senses = iw.getSenses();
        for (int s = 0; s < Math.min(2, senses.size()); s++) {
          for (Word w : senses.get(s).getWords()) {
            String lemma = w.getLemma().replace('_', ' ');
            if (!lemma.equalsIgnoreCase(word)
                && !lemma.equalsIgnoreCase(iw.getLemma())
                && Character.isLowerCase(lemma.charAt(0))
                && !out.contains(lemma)) {
              out.add(lemma);
            }
          }
        }
      }
    } catch (JWNLException e) {
      return List.of();
    }
    return List.copyOf(out);
  }
}
