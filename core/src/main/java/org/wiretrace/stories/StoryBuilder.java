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
 * <p>Stories come from the streaming {@link StoryClusterer} fed in publication order; articles that
 * share text (a text-sharing {@link PairVerdict}) always report the same event, so their stories
 * are joined (the earliest story's id survives, the others are listed in {@link
 * Story#mergedIds()}). Inside each story, {@link Provenance} forms the text families and names each
 * family's original. Ids derive from article ids, never from run order.
 *
 * <p>Thread-safe: every call builds its own clusterer; features are computed in parallel.
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

  /** Earliest publication first (undated last), then id. */
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
    ordered.sort((x, y) -> chronological().compare(x.article(), y.article()));
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
   * Stories from articles whose features are at hand (no text analysis, no alignment): the
   * clusterer replays them in publication order, then the verdicts join stories sharing text and
   * form the families. Largest first; the same as {@link #stories} on the same articles.
   */
  public List<Story> storiesOf(List<Analysed> articles, List<PairVerdict> verdicts) {
    List<Analysed> ordered = new ArrayList<>(articles);
    ordered.sort((x, y) -> chronological().compare(x.article(), y.article()));
    StoryClusterer clusterer = new StoryClusterer(model);
    for (Analysed a : ordered) {
      clusterer.add(a.features());
    }
    List<Provenance.Link> links = new ArrayList<>(verdicts.size());
    for (PairVerdict v : verdicts) {
      links.add(
          new Provenance.Link(
              v.aId(), v.bId(), v.relation(), v.verdict().coverageA(), v.verdict().coverageB()));
    }
    return assemble(ordered, clusterer.stories(), links);
  }

  /**
   * Stories from clusterer groups and reuse links: groups sharing text are joined, then each story
   * is split into families.
   */
  static List<Story> assemble(
      List<Analysed> ordered, List<StoryGroup> groups, List<Provenance.Link> links) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < ordered.size(); i++) {
      index.put(ordered.get(i).article().id(), i);
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
        Analysed a = ordered.get(i);
        StoryGroup g = groupOfFirst.get(i);
        if (g != null) {
          if (id == null) {
            id = g.id();
          } else {
            absorbed.add(g.id());
          }
          absorbed.addAll(g.mergedIds());
        }
        String aid = a.article().id();
        versions.add(new Provenance.Version(aid, a.article().published(), a.words()));
        storyLinks.addAll(linksByArticle.getOrDefault(aid, List.of()));
      }
      if (id == null) {
        id = StoryGroup.idFor(ordered.get(story.get(0)).article().id());
      }
      List<Family> families = Provenance.families(versions, storyLinks);
      String title = ordered.get(index.get(families.get(0).originalId())).article().title();
      out.add(new Story(id, title, families, absorbed));
    }
    out.sort(Comparator.comparingInt((Story s) -> -s.articleIds().size()).thenComparing(Story::id));
    return out;
  }
}
