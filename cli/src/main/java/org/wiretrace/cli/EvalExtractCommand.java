package org.wiretrace.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.wiretrace.ingest.Article;
import org.wiretrace.ingest.HtmlReader;
import org.wiretrace.ingest.IngestListener;
import org.wiretrace.ingest.eval.ExtractionDataset;
import org.wiretrace.ingest.eval.ExtractionScore;
import org.wiretrace.ingest.eval.ShingleMatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wiretrace eval extract DIR}: main-text extraction quality against a labelled set. */
@Command(
    name = "extract",
    header = "Score main-text extraction from HTML pages (token precision, recall, F1).",
    mixinStandardHelpOptions = true,
    description = {
      "Score main-text extraction on a folder in the layout of the scrapinghub",
      "article-extraction benchmark (html/<id>.html.gz, ground-truth.json with",
      "articleBody), as that benchmark does: word tokens (runs of letters, digits,",
      "_) in shingles of 4, matched as bags between extracted and true body and",
      "normalised per page; precision and recall are averaged over pages, F1 is",
      "their harmonic mean."
    },
    footer = {
      "",
      "Examples:",
      "  wiretrace eval extract ../shared/data/article-extraction",
      "  wiretrace eval extract DIR --out pred.jsonl --min-f1 0.95",
      "",
      "Exit codes: 0 ok, 1 F1 below --min-f1, 2 usage error or unreadable data set."
    })
final class EvalExtractCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "DIR", description = "The data set folder.")
  Path dir;

  @Option(
      names = "--out",
      paramLabel = "PRED.jsonl",
      description = "Write {\"id\",\"text\"} per page.")
  Path out;

  @Option(names = "--min-f1", paramLabel = "X", description = "Exit 1 when F1 is below X (0..1).")
  Double minF1;

  @Option(names = "--json", description = "Print the scores as one JSON object.")
  boolean json;

  @Option(names = "--pages", description = "Also print each page's precision and recall.")
  boolean pages;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (minF1 != null && (minF1 < 0 || minF1 > 1)) {
      throw new UserException(
          "--min-f1 must be between 0 and 1, got " + minF1, WiretraceCli.EXIT_USAGE);
    }
    ExtractionDataset ds;
    try {
      ds = ExtractionDataset.load(dir);
    } catch (IOException e) {
      throw new UserException("cannot read data set: " + e.getMessage(), WiretraceCli.EXIT_USAGE);
    }
    PrintWriter o = spec.commandLine().getOut();
    List<ShingleMatch> matches = new ArrayList<>();
    ObjectMapper mapper = new ObjectMapper();
    BufferedWriter pred = out == null ? null : Files.newBufferedWriter(out, StandardCharsets.UTF_8);
    try (Progress progress = Progress.of("extract", ds.samples().size())) {
      for (ExtractionDataset.Sample s : ds.samples()) {
        String text =
            HtmlReader.parse(
                    "html/" + s.id(),
                    s.html(),
                    java.util.Optional.empty(),
                    s.url(),
                    IngestListener.ignoring())
                .map(Article::text)
                .orElse("");
        ShingleMatch m = ShingleMatch.of(s.truth(), text);
        matches.add(m);
        if (pages) {
          o.printf("%s  precision %.3f  recall %.3f%n", s.id(), m.precision(), m.recall());
        }
        if (pred != null) {
          Map<String, String> row = new LinkedHashMap<>();
          row.put("id", s.id());
          row.put("text", text);
          pred.write(mapper.writeValueAsString(row));
          pred.newLine();
        }
        progress.step();
      }
    } finally {
      if (pred != null) {
        pred.close();
      }
    }
    ExtractionScore score = ExtractionScore.of(matches);
    if (json) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("pages", score.pages());
      row.put("precision", score.precision());
      row.put("recall", score.recall());
      row.put("f1", score.f1());
      row.put("meanPageF1", score.meanPageF1());
      o.println(mapper.writeValueAsString(row));
    } else {
      o.printf("pages        %d%n", score.pages());
      o.printf("precision    %.4f%n", score.precision());
      o.printf("recall       %.4f%n", score.recall());
      o.printf("F1           %.4f%n", score.f1());
      o.printf("mean page F1 %.4f%n", score.meanPageF1());
    }
    o.flush();
    if (minF1 != null && score.f1() < minF1) {
      spec.commandLine()
          .getErr()
          .printf("wiretrace: extraction F1 %.4f is below --min-f1 %.4f%n", score.f1(), minF1);
      return WiretraceCli.EXIT_FAILURE;
    }
    return 0;
  }
}
