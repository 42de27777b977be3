package org.wiretrace.report;

import java.util.List;
import java.util.Map;
import org.wiretrace.ingest.Article;
import org.wiretrace.ingest.Skipped;
import org.wiretrace.pipeline.ScanResult;
import org.wiretrace.pipeline.ScanSummary;
import org.wiretrace.stories.Family;
import org.wiretrace.stories.Member;
import org.wiretrace.stories.Story;

/**
 * The scan report for a person at a terminal: stories, their families as aligned columns (article,
 * relation, coverage as a percentage, source, title), then what was skipped and why. Stateless.
 */
public final class TerminalReport {

  private TerminalReport() {}

  public static String render(ScanResult r) {
    Map<String, Article> byId = ReportJson.byId(r);
    long families = r.stories().stream().mapToLong(s -> s.families().size()).sum();
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            "Wiretrace: %s, %s, %s, %d skipped%n",
            plural(r.articles().size(), "article", "articles"),
            plural(r.stories().size(), "story", "stories"),
            plural(families, "text family", "text families"),
            r.skipped().size()));
    int idw = 10;
    for (Article a : byId.values()) {
      idw = Math.max(idw, Math.min(28, a.id().length()));
    }
    int n = 1;
    for (Story s : r.stories()) {
      sb.append(String.format("%nStory %d  %s  \"%s\"%n", n++, s.id(), clip(s.title(), 70)));
      sb.append(
          String.format(
              "  %d %s in %d text %s%n",
              s.size(),
              s.size() == 1 ? "article" : "articles",
              s.families().size(),
              s.families().size() == 1 ? "family" : "families"));
      int f = 1;
      for (Family fam : s.families()) {
        sb.append(String.format("%n  Family %d (%s)%n", f++, fam.id()));
        String fmt = "    %-" + idw + "s  %-12s %8s  %-" + idw + "s  %s%n";
        sb.append(
            String.format(fmt, "ARTICLE", "RELATION", "COVERAGE", "SOURCE", "TITLE / ORIGIN"));
        for (Member m : fam.members()) {
          Article a = byId.get(m.articleId());
          boolean original = m.articleId().equals(m.sourceId());
          sb.append(
              String.format(
                  fmt,
                  clip(m.articleId(), idw),
                  m.relation().name(),
                  original ? "" : String.format("%.0f%%", 100 * m.coverage()),
                  original ? "-" : clip(m.sourceId(), idw),
                  clip(describe(a), 60)));
        }
      }
    }
    skipped(sb, r.skipped());
    return sb.toString();
  }

  /**
   * The accounting of one scan and the store's totals ({@code scan --summary}): a line for the run,
   * a line for the store, the stored relations by kind, then what was skipped and why.
   */
  public static String summary(ScanSummary r) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            "Read %s: %d added, %d replaced, %d unchanged; %d skipped%n",
            plural(r.read(), "article", "articles"),
            r.added(),
            r.replaced(),
            r.unchanged(),
            r.skipped().size()));
    sb.append(
        String.format(
            "Store: %s, %s, %s%n",
            plural(r.storedArticles(), "article", "articles"),
            plural(r.stories(), "story", "stories"),
            plural(r.families(), "text family", "text families")));
    StringBuilder kinds = new StringBuilder();
    r.relations()
        .forEach(
            (k, n) ->
                kinds.append(kinds.length() == 0 ? "" : ", ").append(k).append(' ').append(n));
    sb.append(String.format("Relations: %s%n", kinds.length() == 0 ? "none" : kinds));
    skipped(sb, r.skipped());
    return sb.toString();
  }

  private static void skipped(StringBuilder sb, List<Skipped> skipped) {
    if (!skipped.isEmpty()) {
      sb.append(String.format("%nSkipped (%d):%n", skipped.size()));
      for (Skipped s : skipped) {
        sb.append(String.format("  %s: %s%n", s.where(), s.reason()));
      }
    }
  }

  static String plural(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  private static String describe(Article a) {
    if (a == null) {
      return "";
    }
    String where = a.site().orElse(a.origin());
    return a.title().isEmpty() ? where : a.title() + "  [" + where + "]";
  }

  static String clip(String s, int max) {
    if (s == null) {
      return "";
    }
    return s.length() <= max ? s : s.substring(0, Math.max(0, max - 1)) + "…";
  }
}
