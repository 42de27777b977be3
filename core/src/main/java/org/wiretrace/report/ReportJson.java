package org.wiretrace.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.wiretrace.align.Edit;
import org.wiretrace.align.Passage;
import org.wiretrace.ingest.Article;
import org.wiretrace.ingest.Skipped;
import org.wiretrace.pipeline.ScanResult;
import org.wiretrace.pipeline.ScanSummary;
import org.wiretrace.relate.PairVerdict;
import org.wiretrace.relate.Verdict;
import org.wiretrace.stories.Family;
import org.wiretrace.stories.Member;
import org.wiretrace.stories.Story;
import org.wiretrace.text.AnalyzedArticle;

/**
 * The JSON contract of {@code scan}, {@code report} and {@code compare} (documented in the README;
 * other tools and the evaluations rely on it). Offsets are Java {@code String} indices into the
 * article text as read after decoding. Stateless and thread-safe.
 */
public final class ReportJson {

  /** The mapper used for every report (pretty-printed, stable field order). */
  public static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportJson() {}

  /** {@code {"articles":[...],"stories":[...],"relations":[...],"skipped":[...]}}. */
  public static ObjectNode scan(ScanResult result, boolean withText) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode articles = root.putArray("articles");
    for (AnalyzedArticle aa : result.articles()) {
      articles.add(article(aa.article(), withText));
    }
    ArrayNode stories = root.putArray("stories");
    for (Story s : result.stories()) {
      stories.add(story(s));
    }
    ArrayNode relations = root.putArray("relations");
    for (PairVerdict v : result.verdicts()) {
      ObjectNode r = relations.addObject();
      r.put("a", v.aId());
      r.put("b", v.bId());
      r.put("relation", v.relation().name());
      r.put("a_coverage", round(v.verdict().coverageA()));
      r.put("b_coverage", round(v.verdict().coverageB()));
      r.put("story_similarity", round(v.verdict().storySimilarity()));
    }
    skipped(root, result.skipped());
    return root;
  }

  /**
   * {@code {"read","added","replaced","unchanged","store":{"articles","stories","families",
   * "relations":{"SPUN":n,...}},"skipped":[...]}}: {@code scan --summary}.
   */
  public static ObjectNode summary(ScanSummary summary) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("read", summary.read());
    root.put("added", summary.added());
    root.put("replaced", summary.replaced());
    root.put("unchanged", summary.unchanged());
    ObjectNode store = root.putObject("store");
    store.put("articles", summary.storedArticles());
    store.put("stories", summary.stories());
    store.put("families", summary.families());
    ObjectNode relations = store.putObject("relations");
    summary.relations().forEach((k, n) -> relations.put(k.name(), n));
    skipped(root, summary.skipped());
    return root;
  }

  private static void skipped(ObjectNode root, List<Skipped> list) {
    ArrayNode skipped = root.putArray("skipped");
    for (Skipped s : list) {
      ObjectNode o = skipped.addObject();
      o.put("path", s.where());
      o.put("reason", s.reason());
    }
  }

  public static ObjectNode article(Article a, boolean withText) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("id", a.id());
    o.put("path", a.origin());
    o.put("title", a.title());
    o.put("source", a.site().or(a::url).orElse(null));
    o.put("published", a.published().map(Object::toString).orElse(null));
    o.put("chars", a.chars());
    if (a.wasRepaired()) {
      ArrayNode rep = o.putArray("repairs");
      a.repairs()
          .forEach(
              r ->
                  rep.addObject()
                      .put("kind", r.kind())
                      .put("start", r.start())
                      .put("end", r.end())
                      .put("before", r.before())
                      .put("after", r.after()));
    }
    if (withText) {
      o.put("text", a.text());
    }
    return o;
  }

  public static ObjectNode story(Story s) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("id", s.id());
    o.put("title", s.title());
    ArrayNode ids = o.putArray("articles");
    s.articleIds().forEach(ids::add);
    ArrayNode fams = o.putArray("families");
    for (Family f : s.families()) {
      ObjectNode fo = fams.addObject();
      fo.put("id", f.id());
      fo.put("original", f.originalId());
      ArrayNode members = fo.putArray("members");
      for (Member m : f.members()) {
        members
            .addObject()
            .put("id", m.articleId())
            .put("relation", m.relation().name())
            .put("coverage", round(m.coverage()))
            .put("source_id", m.sourceId());
      }
    }
    return o;
  }

  /**
   * {@code {"relation","a":{"id","chars","coverage"},"b":{...},"alignments":[{"a_start","a_end",
   * "b_start","b_end","kind","edits":[...]}]}}.
   */
  public static ObjectNode compare(Article a, Article b, Verdict v, boolean withEdits) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("relation", v.relation().name());
    root.putObject("a")
        .put("id", a.id())
        .put("chars", a.chars())
        .put("coverage", round(v.coverageA()));
    root.putObject("b")
        .put("id", b.id())
        .put("chars", b.chars())
        .put("coverage", round(v.coverageB()));
    root.put("story_similarity", round(v.storySimilarity()));
    ArrayNode al = root.putArray("alignments");
    for (Passage p : v.alignment().passages()) {
      ObjectNode po = al.addObject();
      po.put("a_start", p.aStart());
      po.put("a_end", p.aEnd());
      po.put("b_start", p.bStart());
      po.put("b_end", p.bEnd());
      po.put("kind", p.kind().name());
      if (withEdits) {
        ArrayNode edits = po.putArray("edits");
        for (Edit e : p.edits()) {
          edits
              .addObject()
              .put("op", e.op().name())
              .put("a_start", e.aStart())
              .put("a_end", e.aEnd())
              .put("b_start", e.bStart())
              .put("b_end", e.bEnd())
              .put("a_text", e.aText())
              .put("b_text", e.bText());
        }
      }
    }
    return root;
  }

  /** Articles of a result by id. */
  static Map<String, Article> byId(ScanResult r) {
    return r.articles().stream()
        .map(AnalyzedArticle::article)
        .collect(Collectors.toMap(Article::id, Function.identity(), (x, y) -> x));
  }

  static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }
}
