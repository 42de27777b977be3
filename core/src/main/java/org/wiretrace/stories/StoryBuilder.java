package org.wiretrace.stories;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.wiretrace.ingest.Article;
import org.wiretrace.relate.PairVerdict;
import org.wiretrace.text.AnalyzedArticle;

/**
 * Groups articles into stories and text families: the pipeline's last stage.
 *
 * <p>Stories come from the streaming {@link StoryClusterer} fed in publication order ({@link
 * #byPublication()}: undated articles last, and ties in the order the articles arrived); articles
 * that share text (a text-sharing {@link PairVerdict}) always report the same event, so their
 * stories are joined (the earliest story's id survives, the others are listed in {@link
 * Story#mergedIds()}). Inside each story, {@link Provenance} forms the text families and names each
 * family's original. Ids derive from article ids, never from run order.
 *
 * <p>Thread-safe: every call builds its own clusterer (or uses the one it is given, which must not
 * be shared); features are computed in parallel.
 */
public final class StoryBuilder {

  /** The shared analyzer (thread-safe). */
  private static final StoryAnalyzer ANALYZER = new StoryAnalyzer();

  private final StoryModel model;

  /** A builder clustering with {@code model}. */
  public StoryBuilder(StoryModel model) {
    this.model = Objects.requireNonNull(model, "model");
  }

  /** Stories of {@code articles} with {@link StoryModel#DEFAULT}, largest first. */
  public static List<Story> build(List<AnalyzedArticle> articles, List<PairVerdict> verdicts) {
    return new StoryBuilder(StoryModel.DEFAULT).stories(articles, verdicts);
  }

  /**
   * Earliest publication first, undated last; articles published at the same instant, and undated
   * ones, compare equal, so a stable sort keeps them in the order given: the order they arrived
   * (the scan's reading order, the store's sequence numbers). The clustering order: an undated
   * article arriving later is always clustered after those before it, so the clusterer's state
   * resumes.
   */
  public static Comparator<Article> byPublication() {
    return Comparator.comparing((Article a) -> a.published().orElse(Instant.MAX));
  }

  /**
   * Earliest publication first (undated last), then id: the orientation of a pair (its earlier
   * article is the likely original).
   */
  public static Comparator<Article> chronological() {
    return Comparator.comparing(
            (Article a) -> a.published().orElse(Instant.MAX), Comparator.naturalOrder())
        .thenComparing(Article::id);
  }

  /**
   * Stories of {@code articles} from the clusterer and the verdicts between them, largest first.
   */
  public List<Story> stories(List<AnalyzedArticle> articles, List<PairVerdict> verdicts) {
    List<AnalyzedArticle> ordered = new ArrayList<>(articles);
    ordered.sort((x, y) -> byPublication().compare(x.article(), y.article()));
    List<StoryFeatures> features =
        ordered.parallelStream().map(a -> ANALYZER.analyze(a.article(), a.tokens())).toList();
    List<Analysed> inputs = new ArrayList<>(ordered.size());
    for (int i = 0; i < ordered.size(); i++) {
      AnalyzedArticle a = ordered.get(i);
      inputs.add(new Analysed(a.article(), a.tokens().size(), features.get(i)));
    }
    return storiesOf(inputs, verdicts);
  }

  /**
   * What the builder needs of one article when its features were computed before (and kept, as in
   * the store): the article, its number of words and its story features.
   */
  public record Analysed(Article article, int words, StoryFeatures features) {
    public Analysed {
      Objects.requireNonNull(article, "article");
      Objects.requireNonNull(features, "features");
      if (!features.articleId().equals(article.id())) {
        throw new IllegalArgumentException(
            "features of " + features.articleId() + " given for " + article.id());
      }
    }
  }

  /** The story features of {@code article}, as {@link #stories} computes them. */
  public static StoryFeatures features(Article article, org.wiretrace.text.Tokens tokens) {
    return ANALYZER.analyze(article, tokens);
  }

  /**
   * Stories from articles whose features are at hand (no text analysis, no alignment), given in the
   * order they arrived: the clusterer replays them in publication order ({@link #byPublication()}),
   * then the verdicts join stories sharing text and form the families. Largest first; the same as
   * {@link #stories} on the same articles in the same order.
   */
  public List<Story> storiesOf(List<Analysed> articles, List<PairVerdict> verdicts) {
    List<Analysed> ordered = new ArrayList<>(articles);
    ordered.sort((x, y) -> byPublication().compare(x.article(), y.article()));
    List<Article> bare = new ArrayList<>(ordered.size());
    int[] words = new int[ordered.size()];
    for (int i = 0; i < ordered.size(); i++) {
      bare.add(ordered.get(i).article());
      words[i] = ordered.get(i).words();
    }
    return resume(
        new StoryClusterer(model),
        List.of(),
        bare,
        words,
        0,
        i -> ordered.get(i).features(),
        verdicts);
  }

  /**
   * How many of {@code ordered} (articles in clustering order) {@code clusterer}, with its closed
   * stories {@code drained} out of it ({@link StoryClusterer#drainClosed()}) and kept elsewhere,
   * has already clustered, when those are exactly a prefix of them, else -1. Feeding it the rest in
   * order ({@link #resume}) then gives the stories of clustering them all in one go: the clusterer
   * is streaming, so a prefix's state is all that the later articles see.
   */
  public static int resumes(
      StoryClusterer clusterer, List<StoryGroup> drained, List<Article> ordered) {
    java.util.Set<String> done = new java.util.HashSet<>();
    for (StoryGroup g : drained) {
      done.addAll(g.articleIds());
    }
    int n = clusterer.clustered() + done.size();
    if (n > ordered.size()) {
      return -1;
    }
    for (int i = 0; i < ordered.size(); i++) {
      String id = ordered.get(i).id();
      boolean clustered = done.contains(id) || clusterer.storyOf(id).isPresent();
      if (clustered != i < n) {
        return -1;
      }
    }
    return n;
  }

  /**
   * Stories of {@code ordered} (articles in clustering order, with their word counts) from {@code
   * clusterer}, which has clustered the first {@code from} of them ({@link #resumes}) but for the
   * closed stories {@code drained} out of it before: it is fed the features of the others in order,
   * then the verdicts join stories sharing text and form the families. Largest first. {@code
   * features} gives the story features of the article at a position, and is asked only for
   * positions from {@code from} on.
   */
  public List<Story> resume(
      StoryClusterer clusterer,
      List<StoryGroup> drained,
      List<Article> ordered,
      int[] words,
      int from,
      java.util.function.IntFunction<StoryFeatures> features,
      List<PairVerdict> verdicts) {
    if (words.length != ordered.size() || from < 0 || from > ordered.size()) {
      throw new IllegalArgumentException(
          "bad resume: " + ordered.size() + " articles, " + words.length + " counts, from " + from);
    }
    for (int i = from; i < ordered.size(); i++) {
      clusterer.add(features.apply(i));
    }
    List<StoryGroup> groups = new ArrayList<>(drained);
    groups.addAll(clusterer.stories());
    return assemble(ordered, words, groups, links(verdicts));
  }

  /**
   * Stories of a part of a store closed under the clusterer's stories and the text-sharing
   * verdicts: {@code ordered} (articles in clustering order, with their word counts) holds every
   * article of each of {@code groups} and both sides of each of {@code verdicts}, and the groups
   * are exactly the clusterer's stories holding those articles. Largest first. Given the verdicts
   * in the order of their sides' positions (as {@link #resume} is), the stories are exactly those
   * {@link #resume} gives for these articles when it is given the whole store: a story is a
   * connected component of groups and shared text, so a part closed under both holds whole stories,
   * and nothing outside it bears on them.
   */
  public static List<Story> assembleClosedPart(
      List<Article> ordered, int[] words, List<StoryGroup> groups, List<PairVerdict> verdicts) {
    if (words.length != ordered.size()) {
      throw new IllegalArgumentException(
          ordered.size() + " articles but " + words.length + " word counts");
    }
    return assemble(ordered, words, groups, links(verdicts));
  }

  private static List<Provenance.Link> links(List<PairVerdict> verdicts) {
    List<Provenance.Link> links = new ArrayList<>(verdicts.size());
    for (PairVerdict v : verdicts) {
      links.add(
          new Provenance.Link(
              v.aId(), v.bId(), v.relation(), v.verdict().coverageA(), v.verdict().coverageB()));
    }
    return links;
  }

  /**
   * Stories from clusterer groups and reuse links: groups sharing text are joined, then each story
   * is split into families.
   */
  static List<Story> assemble(
      List<Article> ordered, int[] words, List<StoryGroup> groups, List<Provenance.Link> links) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < ordered.size(); i++) {
      index.put(ordered.get(i).id(), i);
    }
    UnionFind uf = new UnionFind(ordered.size());
    Map<Integer, StoryGroup> groupOfFirst = new HashMap<>();
    for (StoryGroup g : groups) {
      int first = -1;
      for (String a : g.articleIds()) {
        Integer i = index.get(a);
        if (i == null) {
          continue;
        }
        if (first < 0) {
          first = i;
        } else {
          uf.union(first, i);
        }
      }
      if (first >= 0) {
        groupOfFirst.put(first, g);
      }
    }
    for (Provenance.Link l : links) {
      Integer a = index.get(l.aId());
      Integer b = index.get(l.bId());
      if (a != null && b != null && l.relation().sharesText()) {
        uf.union(a, b);
      }
    }
    Map<Integer, List<Integer>> members = new LinkedHashMap<>();
    for (int i = 0; i < ordered.size(); i++) {
      members.computeIfAbsent(uf.find(i), k -> new ArrayList<>()).add(i);
    }
    Map<String, List<Provenance.Link>> linksByArticle = new HashMap<>();
    for (Provenance.Link l : links) {
      linksByArticle.computeIfAbsent(l.aId(), k -> new ArrayList<>()).add(l);
    }
    List<Story> out = new ArrayList<>();
    for (List<Integer> story : members.values()) {
      // members are in chronological order: the first one names the story
      List<String> absorbed = new ArrayList<>();
      String id = null;
      List<Provenance.Version> versions = new ArrayList<>();
      List<Provenance.Link> storyLinks = new ArrayList<>();
      for (int i : story) {
        Article a = ordered.get(i);
        StoryGroup g = groupOfFirst.get(i);
        if (g != null) {
          if (id == null) {
            id = g.id();
          } else {
            absorbed.add(g.id());
          }
          absorbed.addAll(g.mergedIds());
        }
        String aid = a.id();
        versions.add(new Provenance.Version(aid, a.published(), words[i]));
        storyLinks.addAll(linksByArticle.getOrDefault(aid, List.of()));
      }
      if (id == null) {
        id = StoryGroup.idFor(ordered.get(story.get(0)).id());
      }
      List<Family> families = Provenance.families(versions, storyLinks);
      String title = ordered.get(index.get(families.get(0).originalId())).title();
      out.add(new Story(id, title, families, absorbed));
    }
    out.sort(Story.LARGEST_FIRST);
    return out;
  }
}
