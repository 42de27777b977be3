package org.wiretrace.spin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Proposes the original wording of a (possibly) spun phrase, without its source.
 *
 * <p>Candidates form a lattice over the phrase's words: each word may be kept or replaced by a
 * learned spinner habit ({@link SpinHabits}: the originals a spinner replaced by this word, the
 * reverse direction, and chains through WordNet synonyms), or by a WordNet synonym ({@link
 * WordNetLexicon}), or by a word of the derivational family of a synonym ({@link #derivedChain}:
 * "weakly" for "feebly"), or by a neighbour in the large, sense-agnostic thesaurus spinners use
 * ({@link Thesaurus}, when installed; weighted by the channel factor {@code 1 / neighbours}, as a
 * spinner picks one of the original's neighbours); words two thesaurus steps away enter only when
 * they form a corpus bigram with a candidate of the neighbouring word (a reverse look-up from the
 * corpus collocations); stretches of two or three words may be replaced as a whole when they are a
 * WordNet multiword lemma or a learned phrase habit, which lets the number of words change. Each
 * choice carries a prior strength. A beam search ranks the paths by the sum of log priors plus
 * phrase evidence from the reference corpora ({@link PhraseStats}): the mean log count of the
 * candidate's bigrams and trigrams, in the spirit of the noisy-channel corrector of Brill and Moore
 * (2000) with corpus n-grams as the language model. Inflections are carried over with {@link
 * Morph}. Learned original phrases that share a word with the spun phrase at the same place are
 * candidates too ({@link #knownOriginals}), and so are the corpus's most frequent phrases that keep
 * one or two of the spun words at their place ({@link #collocations}), which reach originals no
 * thesaurus links to the spun words; an optional learned {@link Reranker} re-orders the first
 * candidates ({@link #candidates} records what each path chose).
 *
 * <p>Stateless apart from its immutable inputs; thread-safe.
 */
public final class PhraseRestorer {

  /**
   * The weights of the ranking: priors of each kind of choice, the weight of the corpus evidence,
   * and the search widths.
   *
   * @param keep prior of keeping a word unchanged
   * @param habit prior of a learned habit (scaled by its share among the word's habits)
   * @param habitReverse prior of a reversed habit (a spinner's substitution read backwards)
   * @param habitChain prior of a habit reached through a WordNet synonym
   * @param wordnet prior of a WordNet synonym (scaled by its {@link WordNetLexicon} strength)
   * @param multiword factor on a one-word-to-many WordNet synonym ("pursuit" to "out of the
   *     question" is rarely what a spinner undid)
   * @param related prior of a WordNet hypernym, hyponym or derivationally related word
   * @param derived prior of a word of the derivational family of a synonym of a word of the spun
   *     word's own family ({@link #derivedChain}: "weakly" for "feebly", by "feeble" and "weak"),
   *     times the chain's strength; such words come on top of the {@code maxOptions} strongest
   *     options, so that they displace none; 0 leaves them out
   * @param evidence weight of the phrase evidence (per natural-log unit of count)
   * @param trigram weight of trigram evidence relative to bigram evidence
   * @param unigram weight of word evidence for one-word candidates
   * @param thesaurus prior of a neighbour in the spinners' thesaurus ({@link Thesaurus}); 0 leaves
   *     the thesaurus out
   * @param thesaurusFar prior of a word two thesaurus steps away (a neighbour of a synonym or of a
   *     thesaurus neighbour), admitted only when it forms a corpus bigram with a candidate of the
   *     neighbouring word; 0 leaves such words out
   * @param maxFar most such two-step words admitted per word
   * @param known prior of each changed word of a learned original phrase that shares a word with
   *     the spun phrase at the same place ({@link SpinHabits#originalsSharingAWord}); 0 leaves such
   *     candidates out
   * @param compound factor on a compound: two neighbouring words replaced by one corpus word made
   *     of their options joined ("non straight" to "nonlinear", "information base" to "database"),
   *     or by a synonym of the word they form together ("cross breed" to "hybrid"); the prior is
   *     this factor times the two options' priors; 0 leaves compounds out
   * @param number prior of the other grammatical number of a candidate's last word ("fatty acid" to
   *     "fatty acids": the listed originals do not always keep the spun phrase's number); 0 leaves
   *     such candidates out
   * @param collocation prior of each changed word of a corpus collocation around the kept words
   *     ({@link #collocations}: "heart rate" for "heart cadence", whatever links "cadence" to
   *     "rate"); 0 leaves such candidates out
   * @param knownPath factor on the prior of a path through the lattice that spells a learned
   *     original phrase of any length ({@link #knownPaths}: every word or stretch of it is among
   *     the options of the spun words it replaces; "big data" for "colossal information" when "big"
   *     and "data" are options of "colossal" and "information"); above 1 it lifts such paths over
   *     the lattice's other paths; 0 leaves them out
   * @param knownGaps most spun words such a path may replace one for one by a word of the known
   *     original outside their options, each with the prior {@code known} (and then without the
   *     factor {@code knownPath}): "smart grid" for "insightful lattice" when "smart" is an option
   *     of "insightful" but "grid" none of "lattice"
   * @param maxOptions options kept per word (besides the derivational chains')
   * @param beam paths kept per position in the beam search
   */
  public record Settings(
      double keep,
      double habit,
      double habitReverse,
      double habitChain,
      double wordnet,
      double multiword,
      double related,
      double derived,
      double evidence,
      double trigram,
      double unigram,
      double thesaurus,
      double thesaurusFar,
      int maxFar,
      double known,
      double compound,
      double number,
      double collocation,
      double knownPath,
      int knownGaps,
      int maxOptions,
      int beam) {

    /** The defaults, tuned by cross-validation on the dev list. */
    public static final Settings DEFAULT =
        new Settings(
            0.6, 1.0, 0.35, 0.25, 0.45, 0.15, 0.12, 0.05, 0.75, 0.5, 0.35, 0.04, 0.01, 30, 0.02,
            1.0, 0.2, 0.01, 10.0, 1, 100, 250);

    /**
     * The settings of the detector's restorer ({@link SpinDetector}): those its thresholds were
     * tuned with (keep 0.45, evidence 0.9), without the spinners' thesaurus, whose loose links
     * would turn rare but genuine phrases into false alarms and displace close restorations.
     */
    public static final Settings DETECTION =
        new Settings(
            0.45, 1.0, 0.35, 0.25, 0.45, 0.15, 0.12, 0.0, 0.9, 0.5, 0.35, 0.0, 0.0, 0, 0.0, 0.0,
            0.0, 0.0, 0.0, 0, 40, 250);

    public Settings {
      for (double p : new double[] {keep, habit, habitReverse, habitChain, wordnet, related}) {
        if (!(p > 0 && p <= 1)) {
          throw new IllegalArgumentException("priors must be in (0, 1], got " + p);
        }
      }
      if (!(multiword > 0 && multiword <= 1) || evidence < 0 || trigram < 0 || unigram < 0) {
        throw new IllegalArgumentException("bad weights");
      }
      if (!(thesaurus >= 0 && thesaurus <= 1)
          || !(derived >= 0 && derived <= 1)
          || !(thesaurusFar >= 0 && thesaurusFar <= 1)
          || !(known >= 0 && known <= 1)
          || !(compound >= 0 && compound <= 1)
          || !(number >= 0 && number <= 1)
          || !(collocation >= 0 && collocation <= 1)) {
        throw new IllegalArgumentException("thesaurus priors must be in [0, 1]");
      }
      if (!(knownPath >= 0 && Double.isFinite(knownPath))) {
        throw new IllegalArgumentException("knownPath must be finite and >= 0: " + knownPath);
      }
      if (maxFar < 0 || knownGaps < 0 || maxOptions < 1 || beam < 1) {
        throw new IllegalArgumentException(
            "maxFar and knownGaps must be >= 0, maxOptions and beam >= 1");
      }
    }

    /** These settings with the collocation prior {@code prior}. */
    public Settings withCollocation(double prior) {
      return with(derived, prior, knownPath, knownGaps);
    }

    /** These settings with the known-path factor {@code factor} and at most {@code gaps} gaps. */
    public Settings withKnownPaths(double factor, int gaps) {
      return with(derived, collocation, factor, gaps);
    }

    /** These settings with the derivational-chain prior {@code prior}. */
    public Settings withDerived(double prior) {
      return with(prior, collocation, knownPath, knownGaps);
    }

    private Settings with(double derived, double collocation, double knownPath, int knownGaps) {
      return new Settings(
          keep,
          habit,
          habitReverse,
          habitChain,
          wordnet,
          multiword,
          related,
          derived,
          evidence,
          trigram,
          unigram,
          thesaurus,
          thesaurusFar,
          maxFar,
          known,
          compound,
          number,
          collocation,
          knownPath,
          knownGaps,
          maxOptions,
          beam);
    }
  }

  private final WordNetLexicon wordnet;
  private final SpinHabits habits;
  private final PhraseStats stats;
  private final Thesaurus thesaurus;
  private final Settings settings;
  private final Reranker reranker;

  /** A restorer with the default settings and the installed thesaurus. */
  public PhraseRestorer(WordNetLexicon wordnet, SpinHabits habits, PhraseStats stats) {
    this(wordnet, habits, stats, Thesaurus.shared(), Settings.DEFAULT);
  }

  public PhraseRestorer(
      WordNetLexicon wordnet,
      SpinHabits habits,
      PhraseStats stats,
      Thesaurus thesaurus,
      Settings settings) {
    this(wordnet, habits, stats, thesaurus, settings, null);
  }

  /**
   * A restorer whose suggestions are the beam search's first {@link Reranker#depth()} candidates
   * re-ranked by {@code reranker} (null: the beam order).
   */
  public PhraseRestorer(
      WordNetLexicon wordnet,
      SpinHabits habits,
      PhraseStats stats,
      Thesaurus thesaurus,
      Settings settings,
      Reranker reranker) {
    this.reranker = reranker;
    this.settings = Objects.requireNonNull(settings, "settings");
    this.thesaurus = Objects.requireNonNull(thesaurus, "thesaurus");
    this.wordnet = Objects.requireNonNull(wordnet, "wordnet");
    this.habits = Objects.requireNonNull(habits, "habits");
    this.stats = Objects.requireNonNull(stats, "stats");
  }

  /** The restorer with the shipped resources. */
  public static PhraseRestorer standard() {
    return new PhraseRestorer(WordNetLexicon.shared(), SpinHabits.shared(), PhraseStats.shared());
  }

  /** The restorer of the detector: shipped resources, {@link Settings#DETECTION}. */
  public static PhraseRestorer forDetection() {
    return new PhraseRestorer(
        WordNetLexicon.shared(),
        SpinHabits.shared(),
        PhraseStats.shared(),
        Thesaurus.empty(),
        Settings.DETECTION);
  }

  /** The same restorer with {@code r} re-ranking its candidates (null: the beam order). */
  public PhraseRestorer withReranker(Reranker r) {
    return new PhraseRestorer(wordnet, habits, stats, thesaurus, settings, r);
  }

  /** The re-ranker, or null. */
  public Reranker reranker() {
    return reranker;
  }

  public SpinHabits habits() {
    return habits;
  }

  public WordNetLexicon wordnet() {
    return wordnet;
  }

  /** The thesaurus used (empty when none is installed). */
  public Thesaurus thesaurus() {
    return thesaurus;
  }

  public PhraseStats stats() {
    return stats;
  }

  /**
   * One choice in the lattice: words {@code [from, to)} replaced by {@code text}, of kind {@code
   * kind} (an index into {@link Candidate#KINDS}, -1 for a kept word).
   */
  record Option(int from, int to, String text, double prior, String why, int kind) {
    Option(int from, int to, String text, double prior, String why) {
      this(from, to, text, prior, why, kindOf(why));
    }
  }

  /** The kind of a choice, from the start of its reason (see {@link Candidate#KINDS}). */
  static int kindOf(String why) {
    if (why == null) {
      return -1;
    }
    for (int k = Candidate.KINDS.size() - 1; k >= 0; k--) {
      if (why.startsWith(Candidate.KINDS.get(k))) {
        return k;
      }
    }
    throw new IllegalStateException("unknown kind of choice: " + why);
  }

  /**
   * A complete restoration in the lattice with what the ranking saw: the suggestion, the sum of log
   * priors, the phrase evidence and how many choices of each kind it makes.
   *
   * @param suggestion the suggestion (its score is the beam score)
   * @param logPrior sum of the log priors of its choices (kept words included)
   * @param evidence the phrase evidence ({@link #evidence}), unweighted
   * @param kinds choices made per kind, indexed like {@link #KINDS}
   */
  public record Candidate(Suggestion suggestion, double logPrior, double evidence, int[] kinds) {

    /**
     * The kinds of choice, by the start of their reason; a later entry wins over an earlier one
     * that its reason also starts with ("WordNet related " over "WordNet ").
     */
    public static final List<String> KINDS =
        List.of(
            "habit ",
            "reverse habit ",
            "habit via WordNet ",
            "WordNet ",
            "WordNet related ",
            "thesaurus ",
            "thesaurus neighbourhood ",
            "thesaurus two steps ",
            "phrase habit ",
            "WordNet '",
            "known original ",
            "compound ",
            "number ",
            "collocation ");

    public Candidate {
      Objects.requireNonNull(suggestion, "suggestion");
      kinds = kinds.clone();
    }

    /** The words of the suggestion. */
    public String text() {
      return suggestion.text();
    }

    /** Choices made of kind {@code k}. */
    public int kind(int k) {
      return kinds[k];
    }
  }

  /**
   * Up to {@code k} suggestions for the lower-case words of a phrase, best first, each different
   * from the phrase itself.
   */
  public List<Suggestion> suggest(List<String> words, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    List<Candidate> c =
        reranker == null
            ? candidates(words, k)
            : reranker.rerank(
                words,
                candidates(words, Math.max(k, reranker.depth())),
                stats,
                wordnet,
                habits,
                thesaurus);
    List<Suggestion> out = new ArrayList<>(Math.min(k, c.size()));
    for (int i = 0; i < Math.min(k, c.size()); i++) {
      out.add(c.get(i).suggestion());
    }
    return out;
  }

  /**
   * Up to {@code k} candidate restorations of the lower-case words of a phrase in the order of the
   * beam search (best first), each different from the phrase itself, with what the ranking saw.
   */
  public List<Candidate> candidates(List<String> words, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    int n = words.size();
    if (n == 0) {
      return List.of();
    }
    List<List<Option>> from = lattice(words);
    // beam search over positions
    List<List<Path>> at = new ArrayList<>();
    for (int i = 0; i <= n; i++) {
      at.add(new ArrayList<>());
    }
    at.get(0).add(Path.EMPTY);
    for (int i = 0; i < n; i++) {
      List<Path> paths = at.get(i);
      paths.sort(Comparator.comparingDouble(Path::partial).reversed());
      if (paths.size() > settings.beam()) {
        paths.subList(settings.beam(), paths.size()).clear();
      }
      for (Path p : paths) {
        for (Option o : from.get(i)) {
          at.get(o.to).add(p.extend(o, this));
        }
      }
    }
    String self = String.join(" ", words);
    Map<String, Candidate> best = new LinkedHashMap<>();
    for (Path p : at.get(n)) {
      String text = String.join(" ", p.words);
      if (text.equals(self) || !p.changed) {
        continue;
      }
      double ev = evidence(p.words);
      double score = p.logPrior + settings.evidence() * ev;
      Candidate prev = best.get(text);
      if (prev == null || prev.suggestion().score() < score) {
        best.put(
            text,
            new Candidate(
                new Suggestion(text, score, stats.count(p.words), p.weakest, p.strongest, p.why()),
                p.logPrior,
                ev,
                p.kinds));
      }
    }
    for (Candidate c : knownOriginals(words)) {
      best.putIfAbsent(c.text(), c);
    }
    for (Candidate c : knownPaths(words, from)) {
      Candidate prev = best.get(c.text());
      if (prev == null || prev.suggestion().score() < c.suggestion().score()) {
        best.put(c.text(), c);
      }
    }
    for (Candidate c : collocations(words)) {
      best.putIfAbsent(c.text(), c);
    }
    if (settings.number() > 0) {
      addNumberVariants(self, best);
    }
    return best.values().stream()
        .sorted(Comparator.comparingDouble((Candidate c) -> c.suggestion().score()).reversed())
        .limit(k)
        .toList();
  }

  /**
   * The lattice of a non-empty phrase: per spun position, the options that start there (kept word,
   * one-word replacements, compounds and stretches of several words).
   */
  List<List<Option>> lattice(List<String> words) {
    int n = words.size();
    List<List<Option>> from = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      from.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      from.get(i).addAll(wordOptions(words.get(i), i));
    }
    addContextOptions(words, from);
    if (settings.compound() > 0) {
      addCompounds(words, from);
    }
    for (int len = 1; len <= SpinHabits.MAX_PHRASE_WORDS; len++) {
      for (int i = 0; i + len <= n; i++) {
        from.get(i).addAll(spanOptions(words.subList(i, i + len), i));
      }
    }
    return from;
  }

  /**
   * Candidates outside the lattice: the learned original phrases that share a word with the spun
   * phrase at the same place ({@link SpinHabits#originalsSharingAWord}), each changed word with
   * prior {@link Settings#known}, scored like the lattice's paths. None when that prior is 0.
   */
  public List<Candidate> knownOriginals(List<String> words) {
    if (settings.known() <= 0) {
      return List.of();
    }
    int kind = Candidate.KINDS.indexOf("known original ");
    List<Candidate> out = new ArrayList<>();
    for (String o : habits.originalsSharingAWord(words)) {
      if (knowsAll(o)) {
        out.add(known(words, o, kind, "known original '"));
      }
    }
    return out;
  }

  /**
   * Candidates spelled by the lattice: every learned original phrase (of any length) that a path
   * through the options {@code from} of the spun {@code words} spells, word by word or stretch by
   * stretch, other than the phrase itself. The path of largest prior is found by dynamic
   * programming over (spun position, original position) with the options indexed by their text, so
   * the beam cannot prune it; its prior is multiplied by {@link Settings#knownPath} and it counts
   * one more choice of kind "known original". Up to {@link Settings#knownGaps} spun words may be
   * replaced one for one by a word of the original outside their options, each with the prior
   * {@link Settings#known}; such a path is not multiplied by the factor. None when the factor is 0.
   */
  List<Candidate> knownPaths(List<String> words, List<List<Option>> from) {
    if (settings.knownPath() <= 0) {
      return List.of();
    }
    int n = words.size();
    List<Map<String, Option>> byText = new ArrayList<>(n);
    for (List<Option> at : from) {
      Map<String, Option> m = new HashMap<>();
      for (Option o : at) {
        m.merge(o.text(), o, (a, b) -> a.prior() >= b.prior() ? a : b);
      }
      byText.add(m);
    }
    String self = String.join(" ", words);
    int kind = Candidate.KINDS.indexOf("known original ");
    List<Candidate> out = new ArrayList<>();
    for (String o : habits.originals()) {
      if (o.equals(self)) {
        continue;
      }
      String[] w = o.split(" ");
      List<Option> path = spell(w, byText, words, settings.knownGaps(), settings.known());
      if (path == null) {
        continue;
      }
      Path p = Path.EMPTY;
      boolean gapped = false;
      for (Option op : path) {
        p = p.extend(op, this);
        gapped |= op.why() != null && op.why().startsWith("known original ");
      }
      if (!p.changed) {
        continue;
      }
      double lp = p.logPrior + (gapped ? 0 : Math.log(settings.knownPath()));
      double ev = evidence(p.words);
      int[] kinds = p.kinds.clone();
      kinds[kind]++;
      out.add(
          new Candidate(
              new Suggestion(
                  o,
                  lp + settings.evidence() * ev,
                  stats.count(p.words),
                  p.weakest,
                  p.strongest,
                  p.why()
                      + (p.reasons.isEmpty() ? "" : "; ")
                      + "known original '"
                      + o
                      + "' ("
                      + habits.originalCount(o)
                      + "x)"),
              lp,
              ev,
              kinds));
    }
    return out;
  }

  /**
   * The options, in order, of the path of largest prior that spells the words {@code w} through the
   * options indexed by text per spun position, covering all the spun {@code words}, with at most
   * {@code gaps} spun words replaced one for one by an original word outside their options (a
   * choice of prior {@code gapPrior}, kind "known original"); null when none does.
   */
  private static List<Option> spell(
      String[] w, List<Map<String, Option>> byText, List<String> words, int gaps, double gapPrior) {
    int n = words.size();
    int m = w.length;
    double[][][] best = new double[gaps + 1][n + 1][m + 1];
    Option[][][] back = new Option[gaps + 1][n + 1][m + 1];
    for (double[][] plane : best) {
      for (double[] row : plane) {
        Arrays.fill(row, Double.NEGATIVE_INFINITY);
      }
    }
    best[0][0][0] = 0;
    for (int i = 0; i < n; i++) {
      for (int g = 0; g <= gaps; g++) {
        for (int j = 0; j < m; j++) {
          double here = best[g][i][j];
          if (here == Double.NEGATIVE_INFINITY) {
            continue;
          }
          StringBuilder t = new StringBuilder();
          for (int k = j; k < m; k++) {
            if (k > j) {
              t.append(' ');
            }
            t.append(w[k]);
            Option op = byText.get(i).get(t.toString());
            if (op == null) {
              continue;
            }
            double s = here + Math.log(op.prior());
            if (s > best[g][op.to()][k + 1]) {
              best[g][op.to()][k + 1] = s;
              back[g][op.to()][k + 1] = op;
            }
          }
          if (g < gaps && !literal(words.get(i)) && !byText.get(i).containsKey(w[j])) {
            double s = here + Math.log(gapPrior);
            if (s > best[g + 1][i + 1][j + 1]) {
              best[g + 1][i + 1][j + 1] = s;
              back[g + 1][i + 1][j + 1] =
                  new Option(
                      i, i + 1, w[j], gapPrior, "known original " + words.get(i) + "->" + w[j]);
            }
          }
        }
      }
    }
    int g = -1;
    for (int h = 0; h <= gaps; h++) {
      if (back[h][n][m] != null && (g < 0 || best[h][n][m] > best[g][n][m])) {
        g = h;
      }
    }
    if (g < 0) {
      return null;
    }
    List<Option> path = new ArrayList<>();
    int i = n;
    int j = m;
    while (i > 0) {
      Option op = back[g][i][j];
      path.add(0, op);
      j -= op.text().split(" ").length;
      if (op.why() != null && op.why().startsWith("known original ")) {
        g--;
      }
      i = op.from();
    }
    return path;
  }

  /** A known original {@code o} of as many words as the spun {@code words}, scored like a path. */
  private Candidate known(List<String> words, String o, int kind, String why) {
    return sameLength(
        words, o, settings.known(), kind, why + o + "' (" + habits.originalCount(o) + "x)");
  }

  /**
   * The phrase {@code o} of as many words as the spun {@code words} scored like a path: each kept
   * word with the prior {@link Settings#keep}, each changed one with {@code prior}, counted as a
   * choice of {@code kind}.
   */
  private Candidate sameLength(List<String> words, String o, double prior, int kind, String why) {
    List<String> w = List.of(o.split(" "));
    double lp = 0;
    int[] kinds = new int[Candidate.KINDS.size()];
    for (int i = 0; i < w.size(); i++) {
      if (w.get(i).equals(words.get(i))) {
        lp += Math.log(settings.keep());
      } else {
        lp += Math.log(prior);
        kinds[kind]++;
      }
    }
    double ev = evidence(w);
    return new Candidate(
        new Suggestion(o, lp + settings.evidence() * ev, stats.count(w), prior, prior, why),
        lp,
        ev,
        kinds);
  }

  /** Corpus collocations proposed per pattern of kept words ({@link #collocations}). */
  public static final int COLLOCATIONS = 30;

  /**
   * Candidates outside the lattice from the corpus alone: for a spun phrase of two or three words
   * and each choice of the words a spinner may have left alone (one or two of them; tokens with a
   * digit are always among them), the {@link #COLLOCATIONS} most frequent counted phrases of the
   * same length that keep those words at their place and change every other one ("heart rate",
   * "heart failure" for "heart cadence"), each changed word with the prior {@link
   * Settings#collocation}, scored like the lattice's paths. They reach originals that no thesaurus
   * or habit links to the spun words ("renewable energy" for "elective energy"); the re-ranker
   * judges them. None when that prior is 0.
   */
  public List<Candidate> collocations(List<String> words) {
    int n = words.size();
    if (settings.collocation() <= 0 || n < 2 || n > 3) {
      return List.of();
    }
    int kind = Candidate.KINDS.indexOf("collocation ");
    Map<String, Candidate> out = new LinkedHashMap<>();
    for (int kept = 1; kept < (1 << n) - 1; kept++) {
      List<String> pattern = new ArrayList<>(n);
      boolean free = true;
      for (int i = 0; i < n; i++) {
        boolean keep = (kept & (1 << i)) != 0;
        pattern.add(keep ? words.get(i) : null);
        free &= keep || !literal(words.get(i));
      }
      if (!free) {
        continue;
      }
      int taken = 0;
      for (List<String> c : stats.collocations(pattern, 4 * COLLOCATIONS)) {
        if (taken == COLLOCATIONS) {
          break;
        }
        boolean allChanged = true;
        for (int i = 0; i < n; i++) {
          allChanged &= pattern.get(i) != null || !c.get(i).equals(words.get(i));
        }
        if (!allChanged) {
          continue;
        }
        taken++;
        String text = String.join(" ", c);
        out.computeIfAbsent(
            text,
            t ->
                sameLength(
                    words,
                    t,
                    settings.collocation(),
                    kind,
                    "collocation '" + t + "' (" + stats.count(c) + "x)"));
      }
    }
    return List.copyOf(out.values());
  }

  /** Candidates whose last word's grammatical number is changed, from the best ones. */
  public static final int NUMBER_VARIANTS = 30;

  /**
   * Adds, for the {@link #NUMBER_VARIANTS} best candidates, the same words with the last word in
   * the other grammatical number (singular to plural and back, {@link Morph}), when the corpora
   * know it, scored like the lattice's paths with the extra prior {@link Settings#number}.
   */
  private void addNumberVariants(String self, Map<String, Candidate> best) {
    int kind = Candidate.KINDS.indexOf("number ");
    List<Candidate> top =
        best.values().stream()
            .sorted(Comparator.comparingDouble((Candidate c) -> c.suggestion().score()).reversed())
            .limit(NUMBER_VARIANTS)
            .toList();
    for (Candidate c : top) {
      String t = c.text();
      int sp = t.lastIndexOf(' ');
      String last = t.substring(sp + 1);
      if (literal(last)) {
        continue;
      }
      Morph.Form f = Morph.analyse(last);
      String other;
      if (f.inflection() == Morph.Inflection.S) {
        other = f.base();
      } else if (f.inflection() == Morph.Inflection.NONE) {
        other = Morph.inflect(last, Morph.Inflection.S);
      } else {
        continue;
      }
      String text = t.substring(0, sp + 1) + other;
      if (other.equals(last)
          || text.equals(self)
          || best.containsKey(text)
          || !stats.knows(other)) {
        continue;
      }
      List<String> w = List.of(text.split(" "));
      double lp = c.logPrior() + Math.log(settings.number());
      double ev = evidence(w);
      int[] kinds = c.kinds.clone();
      kinds[kind]++;
      Suggestion s = c.suggestion();
      best.put(
          text,
          new Candidate(
              new Suggestion(
                  text,
                  lp + settings.evidence() * ev,
                  stats.count(w),
                  Math.min(s.weakestPrior(), settings.number()),
                  s.strongestPrior(),
                  s.evidence()
                      + (s.evidence().isEmpty() ? "" : "; ")
                      + "number "
                      + last
                      + "->"
                      + other),
              lp,
              ev,
              kinds));
    }
  }

  /** Least corpus count of a compound made of two options joined ({@link #addCompounds}). */
  public static final int MIN_COMPOUND_COUNT = 5;

  /** Options of each word tried in compounds. */
  public static final int COMPOUND_OPTIONS = 60;

  /**
   * Adds compounds over each pair of neighbouring words: the corpus words made of an option of the
   * first joined to an option of the second ("non" + "linear" for "non straight"), and the synonyms
   * and thesaurus neighbours of the word the two spun words form together ("crossbreed" for "cross
   * breed" gives "hybrid"). Each replaces both words, with prior {@link Settings#compound} times
   * the two options' priors.
   */
  private void addCompounds(List<String> words, List<List<Option>> from) {
    int n = words.size();
    for (int i = 0; i + 1 < n; i++) {
      if (literal(words.get(i)) || literal(words.get(i + 1))) {
        continue;
      }
      List<Option> left = singleWordOptions(from.get(i), i);
      List<Option> right = singleWordOptions(from.get(i + 1), i + 1);
      Map<String, Option> out = new HashMap<>();
      for (Option a : left) {
        for (Option b : right) {
          String joined = a.text + b.text;
          if (stats.count(joined) >= MIN_COMPOUND_COUNT) {
            put(
                out,
                new Option(
                    i,
                    i + 2,
                    joined,
                    settings.compound() * a.prior * b.prior,
                    "compound " + words.get(i) + " " + words.get(i + 1) + "->" + joined));
          }
        }
      }
      String x = words.get(i);
      String y = words.get(i + 1);
      for (String joined : new String[] {x + y, x + "-" + y}) {
        double base = settings.compound() * settings.keep() * settings.keep();
        if (wordnet.isLemma(joined)) {
          for (var e : wordnet.synonyms(joined).entrySet()) {
            String s = e.getKey();
            if (s.indexOf(' ') < 0 && s.indexOf('-') < 0 && stats.knows(s)) {
              put(
                  out,
                  new Option(
                      i,
                      i + 2,
                      s,
                      base * settings.wordnet() * e.getValue(),
                      "compound " + x + " " + y + "->" + joined + "~" + s));
            }
          }
        }
        if (settings.thesaurus() > 0) {
          for (String s : thesaurus.neighbours(joined)) {
            if (s.indexOf(' ') < 0 && stats.knows(s)) {
              put(
                  out,
                  new Option(
                      i,
                      i + 2,
                      s,
                      base * settings.thesaurus(),
                      "compound " + x + " " + y + "->" + joined + "~" + s));
            }
          }
        }
      }
      out.remove(x);
      out.remove(y);
      List<Option> list = new ArrayList<>(out.values());
      list.sort(Comparator.comparingDouble(Option::prior).reversed());
      from.get(i)
          .addAll(
              list.size() > settings.maxOptions() ? list.subList(0, settings.maxOptions()) : list);
    }
  }

  /** The strongest one-word options of a word (the word itself included). */
  private static List<Option> singleWordOptions(List<Option> options, int i) {
    List<Option> out = new ArrayList<>();
    for (Option o : options) {
      if (o.from == i && o.to == i + 1 && o.text.indexOf(' ') < 0) {
        out.add(o);
      }
    }
    out.sort(Comparator.comparingDouble(Option::prior).reversed());
    return out.size() > COMPOUND_OPTIONS ? out.subList(0, COMPOUND_OPTIONS) : out;
  }

  /** The phrase evidence of a word sequence: mean log counts of its n-grams. */
  double evidence(List<String> w) {
    int m = w.size();
    if (m == 1) {
      return settings.unigram() * Math.log1p(stats.count(w.get(0)));
    }
    double bi = 0;
    for (int i = 0; i + 1 < m; i++) {
      bi += Math.log1p(stats.count(w.get(i), w.get(i + 1)));
    }
    bi /= m - 1;
    if (m == 2) {
      return bi;
    }
    double tri = 0;
    for (int i = 0; i + 2 < m; i++) {
      tri += Math.log1p(stats.count(w.get(i), w.get(i + 1), w.get(i + 2)));
    }
    return bi + settings.trigram() * tri / (m - 2);
  }

  private List<Option> wordOptions(String x, int i) {
    Map<String, Option> out = new HashMap<>();
    put(out, new Option(i, i + 1, x, settings.keep(), null, -1));
    if (literal(x)) {
      return List.of(out.get(x));
    }
    Morph.Form f = Morph.analyse(x);
    List<String> bases = new ArrayList<>(2);
    bases.add(f.base());
    if (f.inflection() == Morph.Inflection.ING || f.inflection() == Morph.Inflection.ED) {
      bases.add(f.base() + "e");
    }
    if (!f.base().equals(x)) {
      bases.add(x);
    }
    for (String b : bases) {
      Morph.Inflection infl = b.equals(x) ? Morph.Inflection.NONE : f.inflection();
      addHabits(out, i, x, habits.originalsOf(b), infl, settings.habit(), "habit");
      addHabits(out, i, x, habits.spinsOf(b), infl, settings.habitReverse(), "reverse habit");
    }
    Map<String, Double> syn = wordnet.synonyms(x);
    Morph.Inflection infl = wordnet.isLemma(x) ? Morph.Inflection.NONE : f.inflection();
    int chained = 0;
    for (var e : syn.entrySet()) {
      String s = e.getKey();
      double strength = e.getValue();
      double prior = settings.wordnet() * strength;
      if (s.indexOf(' ') >= 0) {
        // a spinner rarely turned a phrase into one word; the span options cover that case
        continue;
      }
      put(out, new Option(i, i + 1, Morph.inflect(s, infl), prior, "WordNet " + x + "~" + s));
      if (chained++ < 12) {
        Map<String, Integer> h = habits.originalsOf(s);
        int total = total(h);
        for (var g : h.entrySet()) {
          double share = (double) g.getValue() / total;
          put(
              out,
              new Option(
                  i,
                  i + 1,
                  Morph.inflect(g.getKey(), infl),
                  settings.habitChain() * strength * (0.5 + 0.5 * share),
                  "habit via WordNet " + x + "~" + s + "->" + g.getKey()));
        }
      }
    }
    if (settings.thesaurus() > 0) {
      for (String b : bases) {
        Morph.Inflection ti = b.equals(x) ? Morph.Inflection.NONE : f.inflection();
        for (String s : thesaurus.neighbours(b)) {
          if (s.indexOf(' ') < 0) {
            put(
                out,
                new Option(
                    i,
                    i + 1,
                    Morph.inflect(s, ti),
                    settings.thesaurus(),
                    "thesaurus " + x + "~" + s));
          }
        }
      }
    }
    for (var e : wordnet.related(x).entrySet()) {
      String s = e.getKey();
      if (s.indexOf(' ') < 0) {
        put(
            out,
            new Option(
                i,
                i + 1,
                Morph.inflect(s, infl),
                settings.related() * e.getValue(),
                "WordNet related " + x + "~" + s));
      }
    }
    List<Option> list = new ArrayList<>();
    for (Option o : out.values()) {
      if (o.why == null || knowsAll(o.text)) {
        list.add(o);
      }
    }
    list.sort(Comparator.comparingDouble(Option::prior).reversed());
    if (list.size() > settings.maxOptions()) {
      list = new ArrayList<>(list.subList(0, settings.maxOptions()));
    }
    if (settings.derived() > 0) {
      java.util.Set<String> have = new java.util.HashSet<>();
      for (Option o : list) {
        have.add(o.text);
      }
      for (var e : derivedChain(x).entrySet()) {
        String y = Morph.inflect(e.getKey(), infl);
        if (have.add(y) && stats.knows(y)) {
          list.add(
              new Option(
                  i,
                  i + 1,
                  y,
                  settings.derived() * e.getValue(),
                  "WordNet related " + x + "~" + e.getKey() + " (derivational chain)"));
        }
      }
    }
    return list;
  }

  /**
   * Adds, for each word, the words of its wide neighbourhood ({@link #wide}) that form a corpus
   * bigram with one of the options of a neighbouring word: candidates found from the context, as a
   * spinner's thesaurus reaches further than WordNet's synsets.
   */
  private void addContextOptions(List<String> words, List<List<Option>> from) {
    int n = words.size();
    List<List<String>> direct = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<String> d = new ArrayList<>();
      for (Option o : from.get(i)) {
        if (o.text.indexOf(' ') < 0) {
          d.add(o.text);
        }
      }
      direct.add(d);
    }
    for (int i = 0; i < n; i++) {
      String x = words.get(i);
      if (literal(x)) {
        continue;
      }
      Morph.Form f = Morph.analyse(x);
      Morph.Inflection infl = wordnet.isLemma(x) ? Morph.Inflection.NONE : f.inflection();
      java.util.Set<String> have = new java.util.HashSet<>(direct.get(i));
      List<Option> added = new ArrayList<>();
      for (var e : wide(x).entrySet()) {
        String y = Morph.inflect(e.getKey(), infl);
        if (have.contains(y) || !stats.knows(y)) {
          continue;
        }
        boolean fits = false;
        if (i + 1 < n) {
          for (String z : direct.get(i + 1)) {
            if (stats.count(y, z) > 0) {
              fits = true;
              break;
            }
          }
        }
        if (!fits && i > 0) {
          for (String z : direct.get(i - 1)) {
            if (stats.count(z, y) > 0) {
              fits = true;
              break;
            }
          }
        }
        if (fits) {
          have.add(y);
          added.add(
              new Option(
                  i,
                  i + 1,
                  y,
                  settings.related() * e.getValue(),
                  "thesaurus neighbourhood " + x + "~" + e.getKey()));
        }
      }
      from.get(i).addAll(added);
      if (settings.thesaurusFar() > 0 && settings.maxFar() > 0) {
        from.get(i).addAll(farOptions(i, x, infl, have, direct));
      }
    }
  }

  /**
   * Words two thesaurus steps from {@code x} (neighbours of its synonyms, thesaurus neighbours and
   * habits) that form a corpus bigram with a candidate of a neighbouring word, the {@link
   * Settings#maxFar} with the most frequent such bigram first: a reverse look-up from the corpus
   * collocations around the word into the spinners' thesaurus.
   */
  private List<Option> farOptions(
      int i,
      String x,
      Morph.Inflection infl,
      java.util.Set<String> have,
      List<List<String>> direct) {
    int n = direct.size();
    List<Option> out = new ArrayList<>();
    List<String> ys = new ArrayList<>();
    List<Integer> fit = new ArrayList<>();
    for (String base : far(x)) {
      String y = Morph.inflect(base, infl);
      if (have.contains(y) || !stats.knows(y)) {
        continue;
      }
      int best = 0;
      if (i + 1 < n) {
        for (String z : direct.get(i + 1)) {
          best = Math.max(best, stats.count(y, z));
        }
      }
      if (i > 0) {
        for (String z : direct.get(i - 1)) {
          best = Math.max(best, stats.count(z, y));
        }
      }
      if (best > 0) {
        ys.add(y);
        fit.add(best);
      }
    }
    Integer[] order = new Integer[ys.size()];
    for (int k = 0; k < order.length; k++) {
      order[k] = k;
    }
    java.util.Arrays.sort(order, (a, b) -> Integer.compare(fit.get(b), fit.get(a)));
    for (int k = 0; k < Math.min(settings.maxFar(), order.length); k++) {
      String y = ys.get(order[k]);
      have.add(y);
      out.add(
          new Option(i, i + 1, y, settings.thesaurusFar(), "thesaurus two steps " + x + "~" + y));
    }
    return out;
  }

  private final Map<String, List<String>> farCache = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The channel factor of a thesaurus candidate: a spinner replacing the original picks one of its
   * neighbours, so a candidate original with many thesaurus neighbours ("go", "point") explains the
   * spun word less well: {@code min(1, TYPICAL_NEIGHBOURS / neighbours)}.
   */
  private double spread(String original) {
    int d = thesaurus.neighbours(original).size();
    return d <= TYPICAL_NEIGHBOURS ? 1.0 : (double) TYPICAL_NEIGHBOURS / d;
  }

  /** The median number of thesaurus neighbours of a head word (Aiksaurus: 42). */
  public static final int TYPICAL_NEIGHBOURS = 42;

  /** Base forms two thesaurus steps from a word (see {@link #farOptions}). */
  List<String> far(String x) {
    return farCache.computeIfAbsent(
        x,
        w -> {
          String b = Morph.analyse(w).base();
          java.util.LinkedHashSet<String> first = new java.util.LinkedHashSet<>();
          for (String key : new String[] {w, b}) {
            first.addAll(thesaurus.neighbours(key));
            first.addAll(habits.originalsOf(key).keySet());
            first.addAll(habits.spinsOf(key).keySet());
          }
          first.addAll(wordnet.synonyms(w).keySet());
          java.util.LinkedHashSet<String> second = new java.util.LinkedHashSet<>(first);
          for (String s : first) {
            second.addAll(thesaurus.neighbours(s));
          }
          second.remove(w);
          second.remove(b);
          second.removeIf(t -> t.indexOf(' ') >= 0);
          return List.copyOf(second);
        });
  }

  private final Map<String, Map<String, Double>> wideCache =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The wide thesaurus neighbourhood of a word (base forms, with strengths): synonyms and their
   * synonyms, WordNet relatives, learned habits in both directions and the synonyms of their
   * originals; at most {@link #WIDE} words, strongest first.
   */
  Map<String, Double> wide(String x) {
    return wideCache.computeIfAbsent(
        x,
        w -> {
          Map<String, Double> m = new HashMap<>();
          String b = Morph.analyse(w).base();
          int k = 0;
          for (var e : wordnet.synonyms(w).entrySet()) {
            m.merge(e.getKey(), e.getValue(), Math::max);
            if (k++ < 12) {
              for (var g : wordnet.synonyms(e.getKey()).entrySet()) {
                m.merge(g.getKey(), 0.35 * e.getValue() * g.getValue(), Math::max);
              }
              for (String o : habits.originalsOf(e.getKey()).keySet()) {
                m.merge(o, 0.5 * e.getValue(), Math::max);
              }
            }
          }
          for (var e : wordnet.related(w).entrySet()) {
            m.merge(e.getKey(), 0.6 * e.getValue(), Math::max);
          }
          for (String key : new String[] {w, b}) {
            for (String o : habits.originalsOf(key).keySet()) {
              m.merge(o, 1.0, Math::max);
              for (var g : wordnet.synonyms(o).entrySet()) {
                m.merge(g.getKey(), 0.4 * g.getValue(), Math::max);
              }
            }
            for (String o : habits.spinsOf(key).keySet()) {
              m.merge(o, 0.5, Math::max);
            }
          }
          m.remove(w);
          m.remove(b);
          m.keySet().removeIf(t -> t.indexOf(' ') >= 0);
          return m.entrySet().stream()
              .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
              .limit(WIDE)
              .collect(
                  java.util.stream.Collectors.toMap(
                      Map.Entry::getKey, Map.Entry::getValue, (p, q) -> p, LinkedHashMap::new));
        });
  }

  /** Most words of a derivational chain ({@link #derivedChain}) per spun word. */
  public static final int MAX_DERIVED = 150;

  private final Map<String, Map<String, Double>> derivedCache =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Words reached from {@code x} by a derivational chain, lemma by lemma: the word or a member of
   * its WordNet derivational family ({@link WordNetLexicon#derived}: "feebly" to "feeble"), a
   * WordNet synonym or thesaurus neighbour of it ("weak"), and a member of that word's family
   * ("weakly"). A spinner replaces the original's lemma by a synonym and keeps its part of speech,
   * but the thesauri link lemmas of one part of speech only: the chain reaches the adverbs, nouns
   * of quality and verbal nouns that they miss. Each with the strength of its weakest step (a
   * thesaurus neighbour counts {@link WordNetLexicon#SIMILAR}); at most {@link #MAX_DERIVED},
   * strongest first; excludes {@code x}, its own family and its synonyms.
   */
  Map<String, Double> derivedChain(String x) {
    return derivedCache.computeIfAbsent(
        x,
        w -> {
          Map<String, Double> family = new LinkedHashMap<>(wordnet.derived(w));
          family.put(w, 1.0);
          Map<String, Double> m = new HashMap<>();
          for (var a : family.entrySet()) {
            Map<String, Double> syn = new LinkedHashMap<>();
            for (String t : thesaurus.neighbours(a.getKey())) {
              syn.put(t, WordNetLexicon.SIMILAR);
            }
            wordnet.synonyms(a.getKey()).forEach((k, v) -> syn.merge(k, v, Math::max));
            for (var b : syn.entrySet()) {
              if (b.getKey().indexOf(' ') >= 0) {
                continue;
              }
              double sb = Math.min(a.getValue(), b.getValue());
              for (var c : wordnet.derived(b.getKey()).entrySet()) {
                m.merge(c.getKey(), Math.min(sb, c.getValue()), Math::max);
              }
            }
          }
          m.keySet().removeAll(family.keySet());
          m.keySet().removeAll(wordnet.synonyms(w).keySet());
          return m.entrySet().stream()
              .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
              .limit(MAX_DERIVED)
              .collect(
                  java.util.stream.Collectors.toMap(
                      Map.Entry::getKey, Map.Entry::getValue, (p, q) -> p, LinkedHashMap::new));
        });
  }

  /** Options with a smaller prior are not considered. */
  public static final double MIN_PRIOR = 0.01;

  /** Largest wide neighbourhood of a word. */
  public static final int WIDE = 400;

  private void addHabits(
      Map<String, Option> out,
      int i,
      String x,
      Map<String, Integer> h,
      Morph.Inflection infl,
      double weight,
      String kind) {
    int total = total(h);
    for (var g : h.entrySet()) {
      double share = (double) g.getValue() / total;
      double confidence = g.getValue() >= 2 ? 1.0 : 0.8;
      put(
          out,
          new Option(
              i,
              i + 1,
              Morph.inflect(g.getKey(), infl),
              weight * confidence * (0.5 + 0.5 * share),
              kind + " " + x + "->" + g.getKey() + " (" + g.getValue() + "x)"));
    }
  }

  private List<Option> spanOptions(List<String> span, int i) {
    List<Option> out = new ArrayList<>();
    String key = SpinHabits.phraseKey(span);
    Morph.Inflection infl = Morph.analyse(span.get(span.size() - 1)).inflection();
    Map<String, Integer> h = habits.phraseOriginalsOf(key);
    int total = total(h);
    for (var g : h.entrySet()) {
      double share = (double) g.getValue() / total;
      String text = Morph.inflect(g.getKey(), infl);
      out.add(
          new Option(
              i,
              i + span.size(),
              text,
              settings.habit() * (0.5 + 0.5 * share),
              "phrase habit '" + String.join(" ", span) + "'->'" + g.getKey() + "'"));
    }
    if (span.size() >= 2) {
      String joined = String.join(" ", span);
      if (wordnet.isLemma(joined)) {
        for (var e : wordnet.synonyms(joined).entrySet()) {
          if (knowsAll(e.getKey())) {
            out.add(
                new Option(
                    i,
                    i + span.size(),
                    e.getKey(),
                    settings.wordnet() * e.getValue(),
                    "WordNet '" + joined + "'~'" + e.getKey() + "'"));
          }
        }
      }
    }
    return out;
  }

  /** True for a token with a digit ("21c", "h2o"): a spinner leaves such tokens alone. */
  static boolean literal(String x) {
    for (int k = 0; k < x.length(); k++) {
      if (Character.isDigit(x.charAt(k))) {
        return true;
      }
    }
    return false;
  }

  private boolean knowsAll(String text) {
    for (String w : text.split(" ")) {
      if (!stats.knows(w)) {
        return false;
      }
    }
    return true;
  }

  private static int total(Map<String, Integer> h) {
    int t = 0;
    for (int c : h.values()) {
      t += c;
    }
    return Math.max(1, t);
  }

  private static void put(Map<String, Option> out, Option o) {
    Option prev = out.get(o.text);
    if (prev == null || prev.prior < o.prior) {
      out.put(o.text, o);
    }
  }

  /** A partial path through the lattice. */
  private record Path(
      List<String> words,
      double logPrior,
      double partial,
      boolean changed,
      double weakest,
      double strongest,
      List<String> reasons,
      int[] kinds) {
    static final Path EMPTY =
        new Path(List.of(), 0, 0, false, 1.0, 0.0, List.of(), new int[Candidate.KINDS.size()]);

    Path extend(Option o, PhraseRestorer r) {
      List<String> w = new ArrayList<>(words.size() + 2);
      w.addAll(words);
      for (String s : o.text.split(" ")) {
        w.add(s);
      }
      double lp = logPrior + Math.log(o.prior);
      List<String> why = reasons;
      if (o.why != null) {
        why = new ArrayList<>(reasons);
        why.add(o.why);
      }
      double ev = w.size() >= 2 ? r.evidence(w) : 0;
      double weak = o.why != null ? Math.min(weakest, o.prior) : weakest;
      double strong = o.why != null ? Math.max(strongest, o.prior) : strongest;
      int[] kd = kinds;
      if (o.kind >= 0) {
        kd = kinds.clone();
        kd[o.kind]++;
      }
      return new Path(
          w, lp, lp + r.settings.evidence() * ev, changed || o.why != null, weak, strong, why, kd);
    }

    String why() {
      return String.join("; ", reasons);
    }
  }
}
