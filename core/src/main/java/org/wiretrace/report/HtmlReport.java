package org.wiretrace.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.wiretrace.align.Alignment;
import org.wiretrace.align.Edit;
import org.wiretrace.align.Passage;
import org.wiretrace.ingest.Article;
import org.wiretrace.ingest.Skipped;
import org.wiretrace.pipeline.ScanResult;
import org.wiretrace.relate.PairVerdict;
import org.wiretrace.stories.Family;
import org.wiretrace.stories.Member;
import org.wiretrace.stories.Story;

/**
 * The scan report as one self-contained HTML file (inline CSS, no script, no external asset):
 * stories, families as provenance trees (as the web page draws them), and for each copy its text
 * with the word-level changes against its source marked (kept,
 * <del>replaced</del><ins>replacement</ins>, inserted, deleted). Everything from articles is
 * HTML-escaped. Stateless and thread-safe.
 */
public final class HtmlReport {

  /** Copies longer than this (characters) are listed without the marked-up text. */
  public static final int MAX_DIFF_CHARS = 60_000;

  /**
   * The stylesheet shared with the web app ({@code wiretrace serve} serves the same resource), so
   * the static report and the web pages look alike; inlined here so the report stays one file.
   */
  public static final String CSS_RESOURCE = "/org/wiretrace/report/wiretrace.css";

  private static final String CSS = css();

  /** The shared stylesheet's text. */
  public static String css() {
    try (InputStream in = HtmlReport.class.getResourceAsStream(CSS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + CSS_RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + CSS_RESOURCE, e);
    }
  }

  private HtmlReport() {}

  public static String render(ScanResult r) {
    Map<String, Article> byId = ReportJson.byId(r);
    StringBuilder sb = new StringBuilder(1 << 16);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
        .append("<title>Wiretrace report</title><style>")
        .append(CSS)
        .append("</style></head><body>\n")
        .append("<header class=\"wt-header\"><span class=\"brand\">wire<span>trace</span></span>")
        .append(
            "<nav><span>static report</span></nav></header>\n<main>\n<h1>Wiretrace report</h1>\n");
    long families = r.stories().stream().mapToLong(s -> s.families().size()).sum();
    sb.append("<p class=\"summary\">")
        .append(r.articles().size())
        .append(" articles, ")
        .append(r.stories().size())
        .append(" stories, ")
        .append(families)
        .append(" text families, ")
        .append(r.skipped().size())
        .append(" skipped.</p>\n")
        .append(
            "<p class=\"legend\"><span>Marks in copies:</span><span><ins>inserted</ins></span>"
                + "<span><del>deleted</del></span><span><del>original</del><ins>replacement</ins>"
                + " substituted</span><span class=\"unaligned\">not from the source</span></p>\n");
    int n = 1;
    int[] changes = {0};
    for (Story s : r.stories()) {
      sb.append("<section class=\"story\" id=\"")
          .append(esc(s.id()))
          .append("\"><h2>Story ")
          .append(n++)
          .append(": ")
          .append(esc(s.title()))
          .append("</h2>\n<p class=\"summary\">")
          .append(s.size())
          .append(" articles, ")
          .append(s.families().size())
          .append(" text families &middot; <code>")
          .append(esc(s.id()))
          .append("</code></p>\n");
      int f = 1;
      for (Family fam : s.families()) {
        sb.append("<h3>Family ")
            .append(f++)
            .append(" &middot; <code>")
            .append(esc(fam.id()))
            .append("</code></h3>\n");
        Map<String, String> anchors = new HashMap<>();
        for (Member m : fam.members()) {
          if (!m.articleId().equals(m.sourceId())
              && r.verdict(m.sourceId(), m.articleId()).isPresent()) {
            anchors.put(m.articleId(), "c" + (++changes[0]));
          }
        }
        tree(sb, fam, byId, anchors);
        for (Member m : fam.members()) {
          String anchor = anchors.get(m.articleId());
          if (anchor != null) {
            diff(sb, r, byId.get(m.sourceId()), byId.get(m.articleId()), anchor);
          }
        }
      }
      sb.append("</section>\n");
    }
    if (!r.skipped().isEmpty()) {
      sb.append("<h2>Skipped inputs</h2>\n<table><tr><th>Input</th><th>Reason</th></tr>\n");
      for (Skipped s : r.skipped()) {
        sb.append("<tr><td><code>")
            .append(esc(s.where()))
            .append("</code></td><td>")
            .append(esc(s.reason()))
            .append("</td></tr>\n");
      }
      sb.append("</table>\n");
    }
    sb.append("</main></body></html>\n");
    return sb.toString();
  }

  /**
   * The family as a provenance tree, as the web page draws it: the original, then each copy under
   * the member it was judged against (its source; the original when that source is not a member),
   * labelled with its relation, the share of its text taken from the source, its date and site, and
   * a link to its marked changes.
   */
  static void tree(
      StringBuilder sb, Family fam, Map<String, Article> byId, Map<String, String> anchors) {
    Map<String, List<Member>> children = new LinkedHashMap<>();
    Set<String> members = new HashSet<>(fam.articleIds());
    for (Member m : fam.members()) {
      if (m.articleId().equals(fam.originalId())) {
        continue;
      }
      String parent =
          members.contains(m.sourceId()) && !m.sourceId().equals(m.articleId())
              ? m.sourceId()
              : fam.originalId();
      children.computeIfAbsent(parent, k -> new ArrayList<>()).add(m);
    }
    Member root =
        fam.members().stream()
            .filter(m -> m.articleId().equals(fam.originalId()))
            .findFirst()
            .orElse(fam.members().get(0));
    sb.append("<ul class=\"tree\">");
    node(sb, root, fam, byId, anchors, children, new HashSet<>());
    sb.append("</ul>\n");
  }

  private static void node(
      StringBuilder sb,
      Member m,
      Family fam,
      Map<String, Article> byId,
      Map<String, String> anchors,
      Map<String, List<Member>> children,
      Set<String> seen) {
    seen.add(m.articleId());
    Article a = byId.get(m.articleId());
    boolean original = m.articleId().equals(fam.originalId());
    sb.append("<li><div class=\"node")
        .append(original ? " original" : "")
        .append("\"><div class=\"title\">")
        .append(esc(a == null ? m.articleId() : title(a)))
        .append("</div><div class=\"meta\"><span class=\"rel ")
        .append(m.relation().name())
        .append("\">")
        .append(m.relation().name())
        .append("</span>");
    if (!original) {
      sb.append("<span class=\"coverage\">")
          .append(Math.round(100 * m.coverage()))
          .append("% of its text from <code>")
          .append(esc(m.sourceId()))
          .append("</code></span>");
    }
    if (a != null) {
      a.published()
          .ifPresent(p -> sb.append("<span>").append(esc(day(p.toString()))).append("</span>"));
      sb.append("<span>").append(esc(a.site().or(a::url).orElse(a.origin()))).append("</span>");
    }
    sb.append("<code>").append(esc(m.articleId())).append("</code>");
    String anchor = anchors.get(m.articleId());
    if (anchor != null) {
      sb.append("<a href=\"#").append(anchor).append("\">changes</a>");
    }
    sb.append("</div></div>");
    List<Member> kids = new ArrayList<>();
    for (Member k : children.getOrDefault(m.articleId(), List.of())) {
      if (!seen.contains(k.articleId())) {
        kids.add(k);
      }
    }
    if (!kids.isEmpty()) {
      sb.append("<ul>");
      for (Member k : kids) {
        if (!seen.contains(k.articleId())) {
          node(sb, k, fam, byId, anchors, children, seen);
        }
      }
      sb.append("</ul>");
    }
    sb.append("</li>");
  }

  /** The date part of an ISO-8601 instant. */
  private static String day(String instant) {
    int t = instant.indexOf('T');
    return t > 0 ? instant.substring(0, t) : instant;
  }

  private static String title(Article a) {
    return a.title().isEmpty() ? a.origin() : a.title();
  }

  /** The copy's text with its changes against the source marked. */
  private static void diff(
      StringBuilder sb, ScanResult r, Article source, Article copy, String anchor) {
    if (source == null || copy == null) {
      return;
    }
    Optional<PairVerdict> pv = r.verdict(source.id(), copy.id());
    if (pv.isEmpty()) {
      return;
    }
    sb.append("<details id=\"")
        .append(anchor)
        .append("\"><summary>")
        .append(esc(title(copy)))
        .append(" &mdash; changes against <code>")
        .append(esc(source.id()))
        .append("</code></summary>\n");
    if (copy.chars() > MAX_DIFF_CHARS) {
      sb.append("<p class=\"summary\">Text too long to show here (")
          .append(copy.chars())
          .append(" characters); use <code>wiretrace compare</code>.</p></details>\n");
      return;
    }
    Alignment al = pv.get().verdict().alignment();
    // orient so that a = source, b = copy
    if (!pv.get().aId().equals(source.id())) {
      al = al.swapped();
    }
    sb.append("<div class=\"text\">");
    markUp(sb, copy.text(), al.passages());
    sb.append("</div></details>\n");
  }

  /** Appends b's text with the passages' edits marked; text outside passages is dimmed. */
  static void markUp(StringBuilder sb, String b, List<Passage> passages) {
    int pos = 0;
    for (Passage p : passages) {
      if (p.bStart() < pos) {
        continue; // overlapping passage on the copy's side: already shown
      }
      unaligned(sb, b, pos, p.bStart());
      pos = p.bStart();
      for (Edit e : p.edits()) {
        if (e.bStart() > pos) {
          sb.append(esc(b.substring(pos, e.bStart())));
          pos = e.bStart();
        }
        switch (e.op()) {
          case KEEP -> sb.append(esc(b.substring(e.bStart(), e.bEnd())));
          case INSERT ->
              sb.append("<ins>").append(esc(b.substring(e.bStart(), e.bEnd()))).append("</ins>");
          case DELETE -> sb.append("<del>").append(esc(e.aText())).append("</del> ");
          case SUBSTITUTE ->
              sb.append("<span class=\"sub\"><del>")
                  .append(esc(e.aText()))
                  .append("</del><ins>")
                  .append(esc(b.substring(e.bStart(), e.bEnd())))
                  .append("</ins></span>");
        }
        pos = Math.max(pos, e.bEnd());
      }
      pos = Math.max(pos, p.bEnd());
    }
    unaligned(sb, b, pos, b.length());
  }

  private static void unaligned(StringBuilder sb, String b, int from, int to) {
    if (to > from) {
      sb.append("<span class=\"unaligned\">").append(esc(b.substring(from, to))).append("</span>");
    }
  }

  /** HTML-escapes text for element content and quoted attribute values. */
  public static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
