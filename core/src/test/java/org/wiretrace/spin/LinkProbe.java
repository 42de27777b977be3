package org.wiretrace.spin;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Experiment tool (not a test): candidate recall of the beam and of its lattice's links. For each
 * held-out fold of 5, with habits learned on the other four, the rank of every pair's original
 * among the beam's first {@link Reranker#DEPTH} candidates (written per pair to OUT), and, for the
 * words an equal-length pair changes, whether the lattice offers the original word at that place;
 * the words it does not offer are tried against a few link generators (how many each reaches, and
 * how many words each would add).
 *
 * <p>Usage: {@code java -cp wiretrace.jar:core/target/test-classes org.wiretrace.spin.LinkProbe
 * PAIRS.jsonl OUT.tsv [THREADS]}.
 */
public final class LinkProbe {
  private LinkProbe() {}

  public static void main(String[] args) throws IOException {
    List<PhrasePair> pairs = PhrasePairs.read(Path.of(args[0]), System.err::println);
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    int[] fold = RestoreEvaluation.folds(pairs.size(), 5);
    int[] rank = new int[pairs.size()];
    java.util.Arrays.fill(rank, -2);
    List<List<String[]>> missing = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      missing.add(new ArrayList<>());
    }
    int[] changed = new int[1];
    long t0 = System.nanoTime();
    WordNetLexicon wn = WordNetLexicon.shared();
    Thesaurus th = Thesaurus.shared();
    PhraseStats stats = PhraseStats.shared();
    for (int f = 0; f < 5; f++) {
      PhraseRestorer r =
          new PhraseRestorer(
              wn,
              SpinHabits.learn(RestoreEvaluation.outside(pairs, fold, f)),
              stats,
              th,
              PhraseRestorer.Settings.DEFAULT);
      final int ff = f;
      RestoreEvaluation.parallel(
          pairs.size(),
          threads,
          i -> {
            PhrasePair p = pairs.get(i);
            if (fold[i] != ff || !p.hasExpected()) {
              return;
            }
            List<String> words = PhrasePair.words(p.tortured());
            String want = PhrasePair.comparable(p.expected());
            List<PhraseRestorer.Candidate> c = r.candidates(words, Reranker.DEPTH);
            rank[i] = -1;
            for (int k = 0; k < c.size(); k++) {
              if (c.get(k).text().equals(want)) {
                rank[i] = k;
                break;
              }
            }
            List<String> gold = List.of(want.split(" "));
            if (gold.size() == words.size() && !words.isEmpty()) {
              List<List<PhraseRestorer.Option>> lat = r.lattice(words);
              for (int j = 0; j < words.size(); j++) {
                if (gold.get(j).equals(words.get(j))) {
                  continue;
                }
                synchronized (changed) {
                  changed[0]++;
                }
                boolean has = false;
                for (PhraseRestorer.Option o : lat.get(j)) {
                  if (o.to() == j + 1 && o.text().equals(gold.get(j))) {
                    has = true;
                  }
                }
                if (!has) {
                  missing.get(i).add(new String[] {words.get(j), gold.get(j)});
                }
              }
            }
          });
      System.err.printf("fold %d done, %.0f s%n", f, (System.nanoTime() - t0) / 1e9);
    }
    int n = 0, at300 = 0, at100 = 0, at3 = 0;
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1])))) {
      for (int i = 0; i < pairs.size(); i++) {
        if (rank[i] == -2) {
          continue;
        }
        n++;
        at300 += rank[i] >= 0 ? 1 : 0;
        at100 += rank[i] >= 0 && rank[i] < 100 ? 1 : 0;
        at3 += rank[i] >= 0 && rank[i] < 3 ? 1 : 0;
        StringBuilder m = new StringBuilder();
        for (String[] xy : missing.get(i)) {
          m.append(' ').append(xy[0]).append("->").append(xy[1]);
        }
        out.printf(
            "%d\t%d\t%s\t%s\t%s%n",
            i, rank[i], pairs.get(i).tortured(), pairs.get(i).expected(), m.toString().strip());
      }
    }
    System.out.printf(
        "%d pairs, original among the first 300: %d (%.3f); first 100: %d; beam top-3: %d%n",
        n, at300, at300 / (double) n, at100, at3);
    List<String[]> miss = new ArrayList<>();
    missing.forEach(miss::addAll);
    System.out.printf("changed words %d, not offered %d%n", changed[0], miss.size());
    List<String> names =
        List.of("deriv-syn-deriv", "ly-adverb", "thesaurus2", "wn-of-thes", "syn2");
    List<Function<String, Set<String>>> gens =
        List.of(
            x -> derivSynDeriv(x, wn, th),
            x -> lyAdverb(x, wn, th),
            x -> thes2(x, th),
            x -> wnOfThes(x, wn, th),
            x -> syn2(x, wn));
    for (int g = 0; g < gens.size(); g++) {
      int hit = 0;
      long size = 0;
      for (String[] xy : miss) {
        Set<String> s = gens.get(g).apply(xy[0]);
        s.removeIf(w -> !stats.knows(w));
        size += s.size();
        if (s.contains(xy[1])) {
          hit++;
        }
      }
      System.out.printf(
          "%-16s reaches %d of %d, %.0f words a word%n",
          names.get(g), hit, miss.size(), size / (double) Math.max(1, miss.size()));
    }
  }

  static Set<String> derivSynDeriv(String x, WordNetLexicon wn, Thesaurus th) {
    Set<String> d = new LinkedHashSet<>(wn.derived(x).keySet());
    d.add(x);
    Set<String> out = new HashSet<>();
    for (String a : d) {
      Set<String> s = new LinkedHashSet<>(wn.synonyms(a).keySet());
      s.addAll(th.neighbours(a));
      for (String b : s) {
        out.addAll(wn.derived(b).keySet());
      }
    }
    return out;
  }

  static Set<String> lyAdverb(String x, WordNetLexicon wn, Thesaurus th) {
    Set<String> out = new HashSet<>();
    if (!x.endsWith("ly") || x.length() < 5) {
      return out;
    }
    String base = x.substring(0, x.length() - 2);
    List<String> bases = new ArrayList<>(List.of(base));
    if (base.endsWith("i")) {
      bases.add(base.substring(0, base.length() - 1) + "y");
    }
    if (x.endsWith("bly")) {
      bases.add(x.substring(0, x.length() - 1) + "e");
    }
    for (String b : bases) {
      Set<String> s = new LinkedHashSet<>(wn.synonyms(b).keySet());
      s.addAll(th.neighbours(b));
      for (String a : s) {
        if (a.endsWith("y")) {
          out.add(a.substring(0, a.length() - 1) + "ily");
        } else if (a.endsWith("ble")) {
          out.add(a.substring(0, a.length() - 1) + "y");
        } else {
          out.add(a + "ly");
        }
      }
    }
    return out;
  }

  static Set<String> thes2(String x, Thesaurus th) {
    Set<String> out = new HashSet<>();
    String b = Morph.analyse(x).base();
    for (String a : th.neighbours(b)) {
      out.addAll(th.neighbours(a));
    }
    return out;
  }

  static Set<String> wnOfThes(String x, WordNetLexicon wn, Thesaurus th) {
    Set<String> out = new HashSet<>();
    for (String a : th.neighbours(Morph.analyse(x).base())) {
      out.addAll(wn.synonyms(a).keySet());
    }
    for (String a : wn.synonyms(x).keySet()) {
      out.addAll(th.neighbours(a));
    }
    return out;
  }

  static Set<String> syn2(String x, WordNetLexicon wn) {
    Set<String> out = new HashSet<>();
    for (String a : wn.synonyms(x).keySet()) {
      out.addAll(wn.synonyms(a).keySet());
    }
    return out;
  }
}
