package org.wiretrace.spin;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The word-level substitution habits of synonym spinners, learned from pairs of tortured and
 * original phrases: which original word (base form) a spinner replaced by which word, with counts,
 * and which multi-word stretches it replaced when the number of words changed ("malignant growth"
 * for "cancer").
 *
 * <p>Learning aligns each pair: words equal on both sides at the start and end are kept; an equal
 * number of words in between is paired word by word; an unequal middle of at most {@link
 * #MAX_PHRASE_WORDS} words per side becomes a phrase habit. An unequal middle of any length is then
 * also peeled ({@link #residue}): words at its ends that a habit learned from the even middles
 * pairs one for one are taken off, and the rest, if 1 to {@link #MAX_PHRASE_WORDS} words per side,
 * becomes a phrase habit too ("imaginative and prescient" for "vision" out of "device imaginative
 * and prescient" for "machine vision"), so that a spinner's multi-word stand-in is learned apart
 * from the words around it. Words are reduced to base forms with {@link Morph} so that habits
 * generalise over inflections. Immutable and thread-safe.
 */
public final class SpinHabits {

  /** Class-path location of the habits learned from the shipped dev list. */
  public static final String RESOURCE = "/org/wiretrace/spin/spin-habits.tsv.gz";

  /** Longest middle stretch (in words, either side) learned as a phrase habit. */
  public static final int MAX_PHRASE_WORDS = 3;

  private final Map<String, Map<String, Integer>> forward;
  private final Map<String, Map<String, Integer>> backward;
  private final Map<String, Map<String, Integer>> phrases;
  private final Map<String, Integer> originals;
  private final List<String> sortedOriginals;

  private SpinHabits(
      Map<String, Map<String, Integer>> forward,
      Map<String, Map<String, Integer>> backward,
      Map<String, Map<String, Integer>> phrases,
      Map<String, Integer> originals) {
    this.forward = forward;
    this.backward = backward;
    this.phrases = phrases;
    this.originals = originals;
    this.sortedOriginals = originals.keySet().stream().sorted().toList();
  }

  private static final class Holder {
    static final SpinHabits SHARED = loadResource();
  }

  /** The habits shipped with Wiretrace (learned from the dev list), loaded on first use. */
  public static SpinHabits shared() {
    return Holder.SHARED;
  }

  /** No habits at all. */
  public static SpinHabits none() {
    return new SpinHabits(Map.of(), Map.of(), Map.of(), Map.of());
  }

  /** Learns habits from {@code pairs} (pairs without a known expected phrase are ignored). */
  public static SpinHabits learn(List<PhrasePair> pairs) {
    Map<String, Map<String, Integer>> fwd = new HashMap<>();
    Map<String, Map<String, Integer>> bwd = new HashMap<>();
    Map<String, Map<String, Integer>> phr = new HashMap<>();
    Map<String, Integer> orig = new HashMap<>();
    List<Middle> uneven = new ArrayList<>();
    for (PhrasePair p : pairs) {
      if (!p.hasExpected()) {
        continue;
      }
      orig.merge(PhrasePair.comparable(p.expected()), 1, Integer::sum);
      List<String> t = PhrasePair.words(p.tortured());
      List<String> e = PhrasePair.words(p.expected());
      int a = 0;
      while (a < t.size() && a < e.size() && t.get(a).equals(e.get(a))) {
        a++;
      }
      int bt = t.size();
      int be = e.size();
      while (bt > a && be > a && t.get(bt - 1).equals(e.get(be - 1))) {
        bt--;
        be--;
      }
      int nt = bt - a;
      int ne = be - a;
      if (nt == 0 || ne == 0) {
        continue;
      }
      if (nt == ne) {
        for (int k = 0; k < nt; k++) {
          String tw = base(t.get(a + k));
          String ew = base(e.get(a + k));
          if (!tw.equals(ew)) {
            add(fwd, tw, ew);
            add(bwd, ew, tw);
          }
        }
      } else {
        if (nt <= MAX_PHRASE_WORDS && ne <= MAX_PHRASE_WORDS) {
          add(phr, phraseKey(t.subList(a, bt)), phraseKey(e.subList(a, be)));
        }
        uneven.add(new Middle(t.subList(a, bt), e.subList(a, be)));
      }
    }
    for (Middle u : uneven) {
      List<List<String>> rest = residue(u.spun(), u.original(), fwd);
      if (rest != null) {
        add(phr, phraseKey(rest.get(0)), phraseKey(rest.get(1)));
      }
    }
    return new SpinHabits(freeze(fwd), freeze(bwd), freeze(phr), Map.copyOf(orig));
  }

  /** The changed middle of a pair whose two sides differ in length, spun and original words. */
  private record Middle(List<String> spun, List<String> original) {}

  /**
   * The uneven middle of a pair ({@code t} spun, {@code e} original, of different lengths) with its
   * ends peeled: the longest prefix and suffix, of equal length on both sides, whose words are
   * paired one for one by a word habit learned from the even pairs ({@code fwd}, base forms) or the
   * same base form, leaving a stretch of 1 to {@link #MAX_PHRASE_WORDS} words on each side ("device
   * imaginative and prescient" for "machine vision" leaves "imaginative and prescient" for "vision"
   * when "device" is a learned spinning of "machine"). Null when no end can be peeled or the rest
   * is too long or empty; among equally long peelings the one with the longest prefix.
   */
  static List<List<String>> residue(
      List<String> t, List<String> e, Map<String, Map<String, Integer>> fwd) {
    int nt = t.size();
    int ne = e.size();
    int most = Math.min(nt, ne) - 1;
    for (int peel = most; peel >= 1; peel--) {
      if (nt - peel > MAX_PHRASE_WORDS || ne - peel > MAX_PHRASE_WORDS) {
        break;
      }
      for (int pre = peel; pre >= 0; pre--) {
        int suf = peel - pre;
        boolean ok = true;
        for (int k = 0; k < pre && ok; k++) {
          ok = paired(t.get(k), e.get(k), fwd);
        }
        for (int k = 0; k < suf && ok; k++) {
          ok = paired(t.get(nt - 1 - k), e.get(ne - 1 - k), fwd);
        }
        if (ok) {
          return List.of(t.subList(pre, nt - suf), e.subList(pre, ne - suf));
        }
      }
    }
    return null;
  }

  private static boolean paired(
      String spun, String original, Map<String, Map<String, Integer>> fwd) {
    String s = base(spun);
    String o = base(original);
    return s.equals(o) || fwd.getOrDefault(s, Map.of()).containsKey(o);
  }

  /** The base form used as a habit key. */
  static String base(String word) {
    return Morph.analyse(word).base();
  }

  /** The key of a multi-word stretch: its words with the last one reduced to its base form. */
  static String phraseKey(List<String> words) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(i == words.size() - 1 ? base(words.get(i)) : words.get(i));
    }
    return sb.toString();
  }

  private static void add(Map<String, Map<String, Integer>> m, String from, String to) {
    m.computeIfAbsent(from, k -> new HashMap<>()).merge(to, 1, Integer::sum);
  }

  private static Map<String, Map<String, Integer>> freeze(Map<String, Map<String, Integer>> m) {
    Map<String, Map<String, Integer>> out = new HashMap<>(m.size() * 2);
    m.forEach((k, v) -> out.put(k, Collections.unmodifiableMap(v)));
    return Collections.unmodifiableMap(out);
  }

  /** Original words (base forms) a spinner replaced by the base form {@code spun}, with counts. */
  public Map<String, Integer> originalsOf(String spun) {
    return forward.getOrDefault(spun, Map.of());
  }

  /**
   * Words (base forms) a spinner produced for the original {@code word}, with counts: the reverse
   * direction, since a spinner's thesaurus works both ways.
   */
  public Map<String, Integer> spinsOf(String word) {
    return backward.getOrDefault(word, Map.of());
  }

  /** Original stretches a spinner replaced by the stretch with key {@link #phraseKey}. */
  public Map<String, Integer> phraseOriginalsOf(String key) {
    return phrases.getOrDefault(key, Map.of());
  }

  /**
   * How many learned pairs had the original phrase {@code text} ({@link PhrasePair#comparable}
   * form): spinners' victims recur, as the same term is tortured in different ways.
   */
  public int originalCount(String text) {
    return originals.getOrDefault(text, 0);
  }

  /** The learned original phrases ({@link PhrasePair#comparable} form), sorted, unmodifiable. */
  public List<String> originals() {
    return sortedOriginals;
  }

  /**
   * The learned original phrases ({@link PhrasePair#comparable} form) with as many words as {@code
   * words} that share at least one word with it at the same place, other than {@code words} itself:
   * the known victims a spun phrase may be another torturing of ("information mining" for a learned
   * "data mining"). Sorted.
   */
  public List<String> originalsSharingAWord(List<String> words) {
    List<String> out = new ArrayList<>();
    String self = String.join(" ", words);
    for (String o : originals.keySet()) {
      String[] w = o.split(" ");
      if (w.length != words.size() || o.equals(self)) {
        continue;
      }
      for (int i = 0; i < w.length; i++) {
        if (w[i].equals(words.get(i))) {
          out.add(o);
          break;
        }
      }
    }
    Collections.sort(out);
    return out;
  }

  /** Number of distinct spun words with a learned original. */
  public int size() {
    return forward.size();
  }

  /** Writes the habits as gzipped tab-separated lines. */
  public void write(Path file) throws IOException {
    try (Writer w =
        new BufferedWriter(
            new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8))) {
      writeTable(w, "w", forward);
      writeTable(w, "p", phrases);
      for (var e : new TreeMap<>(originals).entrySet()) {
        w.write("o\t" + e.getKey() + "\t-\t" + e.getValue() + "\n");
      }
    }
  }

  private static void writeTable(Writer w, String tag, Map<String, Map<String, Integer>> m)
      throws IOException {
    for (var e : new TreeMap<>(m).entrySet()) {
      for (var f : new TreeMap<>(e.getValue()).entrySet()) {
        w.write(tag + "\t" + e.getKey() + "\t" + f.getKey() + "\t" + f.getValue() + "\n");
      }
    }
  }

  /** Reads habits written by {@link #write}. */
  public static SpinHabits read(InputStream in) throws IOException {
    Map<String, Map<String, Integer>> fwd = new HashMap<>();
    Map<String, Map<String, Integer>> bwd = new HashMap<>();
    Map<String, Map<String, Integer>> phr = new HashMap<>();
    Map<String, Integer> orig = new HashMap<>();
    BufferedReader r =
        new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
    String line;
    int no = 0;
    while ((line = r.readLine()) != null) {
      no++;
      String[] f = line.split("\t");
      if (f.length != 4) {
        throw new IOException("habits line " + no + ": expected 4 fields, got " + f.length);
      }
      int c = Integer.parseInt(f[3]);
      if (f[0].equals("w")) {
        fwd.computeIfAbsent(f[1], k -> new HashMap<>()).merge(f[2], c, Integer::sum);
        bwd.computeIfAbsent(f[2], k -> new HashMap<>()).merge(f[1], c, Integer::sum);
      } else if (f[0].equals("o")) {
        orig.merge(f[1], c, Integer::sum);
      } else {
        phr.computeIfAbsent(f[1], k -> new HashMap<>()).merge(f[2], c, Integer::sum);
      }
    }
    return new SpinHabits(freeze(fwd), freeze(bwd), freeze(phr), Map.copyOf(orig));
  }

  private static SpinHabits loadResource() {
    return Resources.required(RESOURCE, SpinHabits::read);
  }
}
