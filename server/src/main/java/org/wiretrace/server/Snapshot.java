package org.wiretrace.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wiretrace.ingest.Article;
import org.wiretrace.pipeline.ScanResult;
import org.wiretrace.relate.PairVerdict;
import org.wiretrace.stories.Family;
import org.wiretrace.stories.Member;
import org.wiretrace.stories.Story;
import org.wiretrace.text.AnalyzedArticle;

/**
 * One committed state of the store as the server sees it: the scan result with lookups by id (the
 * story, family and membership of each article, the verdicts involving it) and the {@link
 * CheckIndex} for submitted articles. Built once per commit and never changed, so readers share it
 * without locks. Immutable; thread-safe.
 */
final class Snapshot {

  /** Where an article stands: its story, its family and its membership in that family. */
  record Place(Story story, Family family, Member member) {}

  private final ScanResult result;
  private final Map<String, AnalyzedArticle> articles = new HashMap<>();
  private final Map<String, Story> stories = new HashMap<>();
  private final Map<String, Family> families = new HashMap<>();
  private final Map<String, Story> storyOfFamily = new HashMap<>();
  private final Map<String, Place> places = new HashMap<>();
  private final Map<String, List<PairVerdict>> verdicts = new HashMap<>();
  private final CheckIndex index;

  Snapshot(ScanResult result) {
    this.result = result;
    List<AnalyzedArticle> list = result.articles();
    for (int i = 0; i < list.size(); i++) {
      articles.put(list.get(i).id(), list.get(i));
    }
    for (Story s : result.stories()) {
      stories.put(s.id(), s);
      for (Family f : s.families()) {
        families.put(f.id(), f);
        storyOfFamily.put(f.id(), s);
        for (Member m : f.members()) {
          places.put(m.articleId(), new Place(s, f, m));
        }
      }
    }
    for (PairVerdict v : result.verdicts()) {
      verdicts.computeIfAbsent(v.aId(), k -> new ArrayList<>()).add(v);
      verdicts.computeIfAbsent(v.bId(), k -> new ArrayList<>()).add(v);
    }
    index = new CheckIndex(list);
  }

  /** The state of an empty store. */
  static Snapshot empty() {
    return new Snapshot(new ScanResult(List.of(), List.of(), List.of(), List.of(), 0));
  }

  ScanResult result() {
    return result;
  }

  /** The articles in chronological order (earliest first, undated last). */
  List<AnalyzedArticle> articles() {
    return result.articles();
  }

  /** Stories, largest first. */
  List<Story> stories() {
    return result.stories();
  }

  Optional<AnalyzedArticle> article(String id) {
    return Optional.ofNullable(articles.get(id));
  }

  Optional<Story> story(String id) {
    return Optional.ofNullable(stories.get(id));
  }

  Optional<Family> family(String id) {
    return Optional.ofNullable(families.get(id));
  }

  Story storyOf(Family f) {
    return storyOfFamily.get(f.id());
  }

  /** The story, family and membership of an article (every stored article has one). */
  Optional<Place> place(String articleId) {
    return Optional.ofNullable(places.get(articleId));
  }

  /** The verdicts involving the article, in the scan's order. */
  List<PairVerdict> verdicts(String articleId) {
    return verdicts.getOrDefault(articleId, List.of());
  }

  /** The stored articles to judge against {@code submitted}, and those only of its story. */
  CheckIndex.Candidates candidates(AnalyzedArticle submitted) {
    return index.candidates(submitted.tokens());
  }

  /** The stored article at a chronological position. */
  AnalyzedArticle at(int position) {
    return result.articles().get(position);
  }

  /** The article by id, or a 404. */
  Article require(String id) {
    return article(id)
        .map(AnalyzedArticle::article)
        .orElseThrow(() -> ApiException.notFound("no article with id " + quote(id)));
  }

  /** {@code id} shortened and quoted for a message. */
  static String quote(String id) {
    String s = id.length() > 80 ? id.substring(0, 80) + "…" : id;
    return "'" + s + "'";
  }
}
