package org.wiretrace.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.wiretrace.align.Edit;
import org.wiretrace.align.EditOp;
import org.wiretrace.align.Passage;
import org.wiretrace.ingest.Article;
import org.wiretrace.ingest.IngestListener;
import org.wiretrace.ingest.Ingestor;
import org.wiretrace.ingest.Skipped;
import org.wiretrace.pipeline.Wiretrace;
import org.wiretrace.relate.Verdict;
import org.wiretrace.report.ReportJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wiretrace compare A B}: the verdict for one pair with its aligned passages. */
@Command(
    name = "compare",
    header = "Compare two articles: the relation of B to A and the aligned passages.",
    mixinStandardHelpOptions = true,
    description = {
      "Compare two articles: the relation of B to A (DUPLICATE, EXCERPT, EDITED, SPUN,",
      "MIS_ENCODED, SAME_STORY, UNRELATED), how much of each is aligned, and the aligned",
      "passages with exact offsets and their word-level changes."
    },
    footer = {
      "",
      "Examples:",
      "  wiretrace compare original.txt copy.html",
      "  wiretrace compare a.txt b.txt --json --edits"
    })
final class CompareCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "A", description = "The first article (the source).")
  Path a;

  @Parameters(index = "1", paramLabel = "B", description = "The second article.")
  Path b;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Option(names = "--edits", description = "Include each passage's word-level edit script.")
  boolean edits;

  @Override
  public Integer call() throws Exception {
    Article x = readOne(a);
    Article y = readOne(b);
    Verdict v = Wiretrace.compare(x, y);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(ReportJson.MAPPER.writeValueAsString(ReportJson.compare(x, y, v, edits)));
      return 0;
    }
    out.printf("Relation of B to A: %s%n", v.relation());
    out.printf(
        "  A %-24s %7d chars  %5.1f%% aligned  %s%n", x.id(), x.chars(), 100 * v.coverageA(), a);
    out.printf(
        "  B %-24s %7d chars  %5.1f%% aligned  %s%n", y.id(), y.chars(), 100 * v.coverageB(), b);
    out.printf("  content-word similarity %.2f%n", v.storySimilarity());
    List<Passage> ps = v.alignment().passages();
    out.printf("%n%d aligned passage%s%n", ps.size(), ps.size() == 1 ? "" : "s");
    for (Passage p : ps) {
      out.printf(
          "  A[%d,%d) ~ B[%d,%d)  %-8s kept %d, substituted %d, inserted %d, deleted %d words%n",
          p.aStart(),
          p.aEnd(),
          p.bStart(),
          p.bEnd(),
          p.kind(),
          p.words(EditOp.KEEP),
          p.words(EditOp.SUBSTITUTE),
          p.words(EditOp.INSERT),
          p.words(EditOp.DELETE));
      if (edits) {
        for (Edit e : p.edits()) {
          if (e.op() != EditOp.KEEP) {
            out.printf("      %-10s \"%s\" -> \"%s\"%n", e.op(), e.aText(), e.bText());
          }
        }
      }
    }
    return 0;
  }

  private Article readOne(Path p) {
    List<Skipped> skipped = new ArrayList<>();
    IngestListener l = skipped::add;
    List<Article> as = new Ingestor(l).read(List.of(p)).limit(2).toList();
    if (as.isEmpty()) {
      String why = skipped.isEmpty() ? "no article" : skipped.get(0).reason();
      throw new UserException(
          "cannot read an article from " + p + ": " + why, WiretraceCli.EXIT_FAILURE);
    }
    if (as.size() > 1) {
      spec.commandLine()
          .getErr()
          .println("wiretrace: " + p + " holds several articles; comparing the first");
    }
    return as.get(0);
  }
}
