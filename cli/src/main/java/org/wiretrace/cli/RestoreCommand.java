package org.wiretrace.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.wiretrace.ingest.Article;
import org.wiretrace.spin.Restoration;
import org.wiretrace.spin.SourceRestorer;
import org.wiretrace.spin.SpinDetector;
import org.wiretrace.spin.SpunPhrase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wiretrace restore FILE [--source SRC] [--json]}: flag spun phrases, restore wording. */
@Command(
    name = "restore",
    header = "Flag spun (\"tortured\") phrases and restore their original wording.",
    mixinStandardHelpOptions = true,
    description = {
      "Find the phrases of an article that read as synonym-spun (\"tortured",
      "phrases\") and propose the original wording, with a confidence and the",
      "evidence.",
      "",
      "Without --source the restoration is intrinsic: candidates come from WordNet",
      "synonyms and the spinners' substitution habits learned from published",
      "tortured phrases, ranked by phrase statistics of news and science corpora",
      "shipped with Wiretrace. With --source the source is aligned against the",
      "article and every substituted word gets the source's exact wording.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  wiretrace restore spun.txt               highlight the restored wording",
      "  wiretrace restore spun.txt --json        spin_score, phrases, restored_text",
      "  wiretrace restore spun.html --source wire.txt",
      "                                           exact original words from the source",
      "",
      "JSON: {\"spin_score\":0..1, \"phrases\":[{\"start\",\"end\",\"text\",",
      "\"suggestion\",\"alternatives\",\"confidence\",\"evidence\"}], \"restored_text\"};",
      "start/end are Java String indices into the article text as read."
    })
final class RestoreCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "Article to restore (.txt, .html, .jsonl).")
  Path file;

  @Option(
      names = "--source",
      paramLabel = "SRC",
      description = "The source the article was spun from: restore from the alignment.")
  Path source;

  @Option(names = "--json", description = "Print JSON instead of the readable rendering.")
  boolean json;

  @Option(
      names = "--color",
      paramLabel = "WHEN",
      defaultValue = "auto",
      description = "Highlight with ANSI colours: auto (when a terminal), always, never.")
  String color;

  @Override
  public Integer call() throws Exception {
    Article article = ArticleFiles.single(file);
    String text = article.text();
    Restoration r =
        source == null
            ? SpinDetector.standard().restore(text)
            : SourceRestorer.standard().restore(text, ArticleFiles.single(source).text());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(toJson(r));
    } else {
      boolean ansi =
          switch (color.toLowerCase(Locale.ROOT)) {
            case "always" -> true;
            case "never" -> false;
            case "auto" -> System.console() != null && System.getenv("NO_COLOR") == null;
            default ->
                throw new UserException(
                    "--color must be auto, always or never, not " + color, WiretraceCli.EXIT_USAGE);
          };
      out.print(render(text, r, ansi));
    }
    out.flush();
    return 0;
  }

  static String toJson(Restoration r) throws Exception {
    ObjectMapper m = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = m.createObjectNode();
    root.put("spin_score", Math.round(r.spinScore() * 1000) / 1000.0);
    ArrayNode phrases = root.putArray("phrases");
    for (SpunPhrase p : r.phrases()) {
      ObjectNode o = phrases.addObject();
      o.put("start", p.start());
      o.put("end", p.end());
      o.put("text", p.text());
      o.put("suggestion", p.suggestion());
      ArrayNode alt = o.putArray("alternatives");
      p.alternatives().forEach(alt::add);
      o.put("confidence", Math.round(p.confidence() * 1000) / 1000.0);
      o.put("evidence", p.evidence());
    }
    root.put("restored_text", r.restoredText());
    return m.writeValueAsString(root);
  }

  /** The restored text with each restoration marked, then the list of phrases. */
  static String render(String text, Restoration r, boolean ansi) {
    String on = ansi ? "\u001b[1;32m" : "[";
    String off = ansi ? "\u001b[0m" : "]";
    String was = ansi ? "\u001b[2;9m" : "{was: ";
    String wasOff = ansi ? "\u001b[0m" : "}";
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "spin score %.2f, %d phrase%s restored%n%n",
            r.spinScore(),
            r.phrases().size(),
            r.phrases().size() == 1 ? "" : "s"));
    int at = 0;
    for (SpunPhrase p : r.phrases()) {
      sb.append(text, at, p.start());
      sb.append(on).append(p.suggestion()).append(off);
      sb.append(ansi ? " " : "").append(was).append(p.text()).append(wasOff);
      at = p.end();
    }
    sb.append(text, at, text.length());
    if (!text.endsWith("\n")) {
      sb.append('\n');
    }
    if (!r.phrases().isEmpty()) {
      sb.append('\n');
      for (SpunPhrase p : r.phrases()) {
        sb.append(
            String.format(
                Locale.ROOT,
                "  %6d-%-6d %-28s -> %-28s %.2f  %s%n",
                p.start(),
                p.end(),
                p.text(),
                p.suggestion(),
                p.confidence(),
                p.evidence()));
      }
    }
    return sb.toString();
  }
}
