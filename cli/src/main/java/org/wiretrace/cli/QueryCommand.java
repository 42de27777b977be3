package org.wiretrace.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.wiretrace.index.ArticleIndex;
import org.wiretrace.index.Candidate;
import org.wiretrace.index.IndexOpenException;
import org.wiretrace.index.StoredArticle;
import org.wiretrace.ingest.Article;
import org.wiretrace.ingest.Ingestor;
import org.wiretrace.pipeline.Wiretrace;
import org.wiretrace.relate.Relation;
import org.wiretrace.relate.Verdict;
import org.wiretrace.report.ReportJson;
import org.wiretrace.text.Tokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wiretrace query FILE}: the sources and copies of an article in the store, read-only. */
@Command(
    name = "query",
    header = "Find an article's sources and copies in the store, without adding it.",
    mixinStandardHelpOptions = true,
    description = {
      "Find an article's sources and copies among everything the store holds, without adding it:",
      "candidates from the index (near duplicates, shared passages, spin-robust immutables), each",
      "judged with the aligner: the relation of the queried article to the stored one and the",
      "aligned passages. Reads the committed store only, so it may run while a scan writes."
    },
    footer = {
      "",
      "Examples:",
      "  wiretrace query suspicious.txt",
      "  wiretrace query --data news-data --json page.html"
    })
final class QueryCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1", paramLabel = "FILE", description = "The article (.txt, .html, .jsonl).")
  Path file;

  @Mixin DataOption data;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Option(
      names = "--limit",
      defaultValue = "20",
      description = "Candidates examined per article (default 20).")
  int limit;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<Article> articles = new ArrayList<>();
    new Ingestor(
            s ->
                spec.commandLine()
                    .getErr()
                    .println("wiretrace: skipped " + s.where() + ": " + s.reason()))
        .read(List.of(file))
        .forEach(articles::add);
    if (articles.isEmpty()) {
      throw new UserException("no article could be read from " + file, WiretraceCli.EXIT_FAILURE);
    }
    ObjectMapper m = new ObjectMapper();
    ArrayNode results = m.createArrayNode();
    try (ArticleIndex index = ArticleIndex.openReadOnly(data.dir)) {
      for (Article a : articles) {
        ObjectNode r = results.addObject();
        r.put("id", a.id());
        r.put("origin", a.origin());
        ArrayNode matches = r.putArray("matches");
        if (!json) {
          out.printf("%s (%s)%n", a.id(), a.origin());
        }
        int shown = 0;
        for (Candidate c : index.candidates(a, Tokens.of(a.text()), limit)) {
          StoredArticle s = index.get(c.id()).orElse(null);
          if (s == null) {
            continue;
          }
          Verdict v = Wiretrace.compare(s.article(), a);
          if (v.relation() == Relation.UNRELATED) {
            continue;
          }
          String role =
              a.published().isPresent()
                      && s.article().published().isPresent()
                      && s.article().published().get().isAfter(a.published().get())
                  ? "copy"
                  : "source";
          ObjectNode mo = matches.addObject();
          mo.put("id", s.id()).put("role", role).put("score", round(c.score()));
          mo.put("jaccard", round(c.jaccard())).put("containment", round(c.containment()));
          mo.put("spin", round(c.spin()));
          mo.set("verdict", ReportJson.compare(s.article(), a, v, false));
          if (!json) {
            out.printf(
                "  %-11s %-24s %-7s coverage %3.0f%%  score %.2f  %s%n",
                v.relation(), s.id(), role, 100 * v.coverageB(), c.score(), s.article().title());
          }
          shown++;
        }
        if (!json && shown == 0) {
          out.println("  no source or copy in " + data.dir);
        }
      }
    } catch (IndexOpenException e) {
      throw new UserException(e.getMessage(), WiretraceCli.EXIT_FAILURE);
    }
    if (json) {
      out.println(m.writerWithDefaultPrettyPrinter().writeValueAsString(results));
    }
    out.flush();
    return 0;
  }

  private static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }
}
