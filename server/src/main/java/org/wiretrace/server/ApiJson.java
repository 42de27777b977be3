package org.wiretrace.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.wiretrace.ingest.Article;
import org.wiretrace.relate.Relater;
import org.wiretrace.relate.Relation;
import org.wiretrace.relate.Verdict;
import org.wiretrace.report.ReportJson;
import org.wiretrace.stories.Family;
import org.wiretrace.stories.Member;
import org.wiretrace.stories.Story;
import org.wiretrace.text.Tokens;

/**
 * The REST API's JSON, built from one {@link Snapshot}. Field names follow the report's JSON
 * contract (README): article objects are the report's, stories carry the report's families, and
 * comparisons are {@code compare --json --edits} with each side's title and text added. Stateless
 * and thread-safe.
 */
final class ApiJson {

  /** Distinct sources listed per story in the stories list. */
  static final int MAX_SOURCES_LISTED = 8;

  private ApiJson() {}

  /** A page of a list: {@code {"total", "offset", "limit", "items": [...]}}. */
  static ObjectNode page(List<ObjectNode> all, int offset, int limit) {
    ObjectNode o = ReportJson.MAPPER.createObjectNode();
    o.put("total", all.size());
    o.put("offset", offset);
    o.put("limit", limit);
    ArrayNode items = o.putArray("items");
    for (int i = offset; i < Math.min(all.size(), offset + limit); i++) {
      items.add(all.get(i));
    }
    return o;
  }

  /** The articles matching {@code query} (title, id, source or text; all when blank). */
  static List<ObjectNode> articles(Snapshot s, String query) {
    Predicate<Article> match = articleMatcher(query);
    Set<String> inText = s.idsWithText(norm(query));
    List<ObjectNode> out = new ArrayList<>();
    for (Catalogue.Entry e : s.catalogue().entries()) {
      if (match.test(e.meta()) || inText.contains(e.id())) {
        out.add(listedArticle(s, e));
      }
    }
    return out;
  }

  /** An article's report object without its text. */
  static ObjectNode listed(Catalogue.Entry e) {
    ObjectNode o = ReportJson.article(e.meta(), false);
    o.put("chars", e.chars());
    return o;
  }

  private static ObjectNode listedArticle(Snapshot s, Catalogue.Entry e) {
    ObjectNode o = listed(e);
    s.place(e.id())
        .ifPresent(
            p -> {
              o.put("story_id", p.story().id());
              o.put("family_id", p.family().id());
              o.put("relation", p.member().relation().name());
            });
    return o;
  }

  /** One article with its text, its place in a story and family, and its judged relations. */
  static ObjectNode article(Snapshot s, Article a) {
    ObjectNode o = ReportJson.article(a, true);
    s.place(a.id())
        .ifPresent(
            p -> {
              o.put("story_id", p.story().id());
              o.put("story_title", p.story().title());
              o.put("family_id", p.family().id());
              o.put("relation", p.member().relation().name());
              o.put("coverage", round(p.member().coverage()));
              o.put("source_id", p.member().sourceId());
            });
    ArrayNode rels = o.putArray("relations");
    List<Derived.Link> links = s.derivedIfReady().map(d -> d.links(a.id())).orElse(List.of());
    for (Derived.Link v : links) {
      String other = v.other(a.id());
      ObjectNode r = rels.addObject();
      r.put("id", other);
      r.put("title", s.entry(other).map(x -> x.meta().title()).orElse(""));
      r.put("relation", v.relation().name());
      r.put("role", role(v.relation(), v.aId().equals(other)));
      r.put("coverage", round(v.coverageOf(a.id())));
      r.put("other_coverage", round(v.coverageOf(other)));
      r.put("story_similarity", round(v.storySimilarity()));
    }
    o.put("relations_ready", s.derivedReady());
    return o;
  }

  /**
   * What the other article is to this one: its {@code source} (it is the earlier side), a {@code
   * copy} (the later side), or only the {@code same_story}.
   */
  static String role(Relation r, boolean otherIsEarlier) {
    if (r == Relation.SAME_STORY) {
      return "same_story";
    }
    return otherIsEarlier ? "source" : "copy";
  }

  /** The stories matching {@code query} (title, or a member's title, id or source). */
  static List<ObjectNode> stories(Snapshot s, String query) {
    Predicate<Article> match = articleMatcher(query);
    String q = norm(query);
    List<ObjectNode> out = new ArrayList<>();
    for (Story st : s.derived().stories()) {
      boolean hit =
          q.isEmpty()
              || norm(st.title()).contains(q)
              || norm(st.id()).contains(q)
              || st.articleIds().stream()
                  .map(id -> s.entry(id).map(Catalogue.Entry::meta))
                  .flatMap(Optional::stream)
                  .anyMatch(match);
      if (hit) {
        out.add(storySummary(s, st));
      }
    }
    return out;
  }

  static ObjectNode storySummary(Snapshot s, Story st) {
    ObjectNode o = ReportJson.MAPPER.createObjectNode();
    o.put("id", st.id());
    o.put("title", st.title());
    o.put("articles", st.size());
    o.put("families", st.families().size());
    Set<String> sources = new LinkedHashSet<>();
    Instant first = null;
    Instant last = null;
    Map<String, Integer> relations = new TreeMap<>();
    for (Family f : st.families()) {
      for (Member m : f.members()) {
        relations.merge(m.relation().name(), 1, Integer::sum);
        Optional<Article> a = s.entry(m.articleId()).map(Catalogue.Entry::meta);
        if (a.isEmpty()) {
          continue;
        }
        a.get().site().or(a.get()::url).ifPresent(sources::add);
        Optional<Instant> p = a.get().published();
        if (p.isPresent()) {
          first = first == null || p.get().isBefore(first) ? p.get() : first;
          last = last == null || p.get().isAfter(last) ? p.get() : last;
        }
      }
    }
    ArrayNode src = o.putArray("sources");
    sources.stream().limit(MAX_SOURCES_LISTED).forEach(src::add);
    o.put("source_count", sources.size());
    o.put("first_published", first == null ? null : first.toString());
    o.put("last_published", last == null ? null : last.toString());
    ObjectNode rel = o.putObject("relations");
    relations.forEach(rel::put);
    return o;
  }

  /** A story: the report's story object plus {@code article_index}, each member's summary. */
  static ObjectNode story(Snapshot s, Story st) {
    ObjectNode o = ReportJson.story(st);
    ObjectNode sum = storySummary(s, st);
    o.set("sources", sum.get("sources"));
    o.set("first_published", sum.get("first_published"));
    o.set("last_published", sum.get("last_published"));
    ObjectNode index = o.putObject("article_index");
    for (String id : st.articleIds()) {
      s.entry(id).ifPresent(e -> index.set(id, listed(e)));
    }
    return o;
  }

  /** The families matching {@code query} (a member's title, id or source). */
  static List<ObjectNode> families(Snapshot s, String query) {
    Predicate<Article> match = articleMatcher(query);
    String q = norm(query);
    List<ObjectNode> out = new ArrayList<>();
    for (Story st : s.derived().stories()) {
      for (Family f : st.families()) {
        boolean hit =
            q.isEmpty()
                || norm(f.id()).contains(q)
                || f.articleIds().stream()
                    .map(id -> s.entry(id).map(Catalogue.Entry::meta))
                    .flatMap(Optional::stream)
                    .anyMatch(match);
        if (hit) {
          out.add(familySummary(s, st, f));
        }
      }
    }
    return out;
  }

  static ObjectNode familySummary(Snapshot s, Story st, Family f) {
    ObjectNode o = ReportJson.MAPPER.createObjectNode();
    o.put("id", f.id());
    o.put("story_id", st.id());
    o.put("original", f.originalId());
    o.put("title", s.entry(f.originalId()).map(e -> e.meta().title()).orElse(""));
    o.put("members", f.members().size());
    Map<String, Integer> relations = new TreeMap<>();
    f.members().forEach(m -> relations.merge(m.relation().name(), 1, Integer::sum));
    ObjectNode rel = o.putObject("relations");
    relations.forEach(rel::put);
    return o;
  }

  /** A family: its summary, its members (as in the report) and each member's summary. */
  static ObjectNode family(Snapshot s, Family f) {
    Story st = s.derived().storyOf(f);
    ObjectNode o = familySummary(s, st, f);
    ArrayNode members = o.putArray("member_list");
    for (Member m : f.members()) {
      ObjectNode mo = members.addObject();
      mo.put("id", m.articleId());
      mo.put("relation", m.relation().name());
      mo.put("coverage", round(m.coverage()));
      mo.put("source_id", m.sourceId());
      s.entry(m.articleId()).ifPresent(e -> mo.set("article", listed(e)));
    }
    return o;
  }

  /** The comparison of b with a ({@code compare --json --edits}), each side with title and text. */
  static ObjectNode compare(Article a, Article b, Verdict v) {
    ObjectNode o = ReportJson.compare(a, b, v, true);
    side((ObjectNode) o.get("a"), a);
    side((ObjectNode) o.get("b"), b);
    return o;
  }

  private static void side(ObjectNode o, Article a) {
    o.put("title", a.title());
    o.put("source", a.site().or(a::url).orElse(null));
    o.put("published", a.published().map(Object::toString).orElse(null));
    o.put("text", a.text());
  }

  /**
   * The stored articles that share text or a story with {@code submitted}, judged like scan pairs:
   * each match's {@code role} says whether the stored article is a {@code source} of the submitted
   * one (published no later, or the submission is undated), a {@code copy} of it, or reports the
   * {@code same_story}; {@code relation} is the later side's relation to the earlier.
   */
  static ObjectNode check(Snapshot s, Prepared submitted, Relater relater, boolean withText) {
    Article sub = submitted.article();
    CheckSearch.Candidates candidates = s.candidates(submitted);
    List<ObjectNode> matches = new ArrayList<>();
    List<double[]> order = new ArrayList<>();
    for (Prepared stored : candidates.judge()) {
      Article st = stored.article();
      boolean storedEarlier =
          sub.published().isEmpty()
              || st.published().isPresent() && !st.published().get().isAfter(sub.published().get());
      Tokens stTokens = stored.analyzed().tokens();
      Tokens subTokens = submitted.analyzed().tokens();
      Verdict v =
          storedEarlier
              ? relater.judge(st, stTokens, stored.vector(), sub, subTokens, submitted.vector())
              : relater.judge(sub, subTokens, submitted.vector(), st, stTokens, stored.vector());
      if (v.relation() == Relation.UNRELATED) {
        continue;
      }
      double subCov = storedEarlier ? v.coverageB() : v.coverageA();
      double stCov = storedEarlier ? v.coverageA() : v.coverageB();
      order.add(new double[] {matches.size(), v.sharesText() ? 1 : 0, subCov, v.storySimilarity()});
      matches.add(
          match(
              s,
              Catalogue.entry(st),
              v.relation(),
              role(v.relation(), storedEarlier),
              subCov,
              stCov,
              v.storySimilarity()));
    }
    for (int k = 0; k < candidates.storyOnly().size(); k++) {
      Optional<Catalogue.Entry> st = s.entry(candidates.storyOnly().get(k));
      if (st.isEmpty()) {
        continue;
      }
      double sim = candidates.storySimilarity()[k];
      order.add(new double[] {matches.size(), 0, 0, sim});
      matches.add(match(s, st.get(), Relation.SAME_STORY, "same_story", 0, 0, sim));
    }
    order.sort(
        Comparator.comparingDouble((double[] x) -> -x[1])
            .thenComparingDouble(x -> -(x[1] > 0 ? x[2] : x[3]))
            .thenComparingDouble(x -> x[0]));
    ObjectNode o = ReportJson.MAPPER.createObjectNode();
    ObjectNode art = ReportJson.article(sub, withText);
    art.remove("path");
    o.set("article", art);
    o.put("stored", s.articleCount());
    o.put("candidates", candidates.size());
    ArrayNode ms = o.putArray("matches");
    ArrayNode sources = o.putArray("sources");
    ArrayNode copies = o.putArray("copies");
    for (double[] x : order) {
      ObjectNode m = matches.get((int) x[0]);
      ms.add(m);
      String role = m.get("role").asText();
      if (role.equals("source")) {
        sources.add(m.get("id").asText());
      } else if (role.equals("copy")) {
        copies.add(m.get("id").asText());
      }
    }
    return o;
  }

  private static ObjectNode match(
      Snapshot s,
      Catalogue.Entry st,
      Relation relation,
      String role,
      double coverage,
      double otherCoverage,
      double similarity) {
    ObjectNode m = listedArticle(s, st);
    m.put("match_relation", relation.name());
    m.put("role", role);
    m.put("coverage", round(coverage));
    m.put("other_coverage", round(otherCoverage));
    m.put("story_similarity", round(similarity));
    return m;
  }

  private static Predicate<Article> articleMatcher(String query) {
    String q = norm(query);
    if (q.isEmpty()) {
      return a -> true;
    }
    return a ->
        norm(a.title()).contains(q)
            || norm(a.id()).contains(q)
            || a.site().or(a::url).map(x -> norm(x).contains(q)).orElse(false);
  }

  private static String norm(String s) {
    return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
  }

  static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }
}
