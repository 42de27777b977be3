package org.wiretrace.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import org.wiretrace.align.pan.AlignCorpusGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wiretrace eval align-corpus}: writes a PAN-format alignment dev corpus. */
@Command(
    name = "align-corpus",
    header = "Write a PAN-format alignment corpus from news articles, with planted reuse.",
    mixinStandardHelpOptions = true,
    description = {
      "Write a PAN-format text-alignment corpus (src/, susp/, truth/, pairs) from news articles",
      "in JSON lines (fields text, title, category): verbatim, truncated, edited, lightly and",
      "heavily spun (WordNet synonyms), mis-encoded and whole-document copies, and negative pairs",
      "(other topic, same topic) sharing no text. Deterministic for a seed. Write it outside the",
      "repository (target/ or a temp dir): the texts are not ours to redistribute."
    },
    footer = {
      "",
      "Examples:",
      "  wiretrace eval align-corpus --from ../shared/data/corpora/bbc.jsonl.gz --out"
          + " target/align-dev --seed 1",
      "  wiretrace eval align --pairs target/align-dev/pairs --src-dir target/align-dev/src"
          + " --susp-dir target/align-dev/susp --truth target/align-dev/truth"
    })
final class EvalAlignCorpusCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  private java.io.PrintWriter out() {
    return spec.commandLine().getOut();
  }

  private java.io.PrintWriter err() {
    return spec.commandLine().getErr();
  }

  @Option(
      names = "--from",
      required = true,
      description = "Articles, JSON lines (optionally .gz) with text, title and category.")
  Path from;

  @Option(names = "--out", required = true, description = "Output folder.")
  Path out;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--per-type",
      defaultValue = "40",
      description = "Pairs per obfuscation type (default ${DEFAULT-VALUE}).")
  int perType;

  @Option(
      names = "--heavy-spin",
      defaultValue = "0.75",
      description = "Share of replaceable words a heavy spin replaces (default ${DEFAULT-VALUE}).")
  double heavySpin;

  @Option(
      names = "--light-spin",
      defaultValue = "0.25",
      description = "Share of replaceable words a light spin replaces (default ${DEFAULT-VALUE}).")
  double lightSpin;

  private static String category(JsonNode n) {
    JsonNode c = n.has("category") ? n.path("category") : n.path("topics");
    if (c.isArray()) {
      return c.size() == 0 ? "" : c.get(0).asText("");
    }
    return c.asText("");
  }

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(from)) {
      throw new UserException(from + ": no such file", WiretraceCli.EXIT_FAILURE);
    }
    List<AlignCorpusGenerator.SourceArticle> articles = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (var in = Files.newInputStream(from);
        var raw = from.toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
        BufferedReader r = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8))) {
      String line;
      int no = 0;
      while ((line = r.readLine()) != null) {
        no++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode n;
        try {
          n = json.readTree(line);
        } catch (IOException e) {
          err().println("wiretrace: " + from + ":" + no + ": skipped, not JSON");
          continue;
        }
        String text = n.path("text").asText("");
        if (text.isBlank()) {
          continue;
        }
        articles.add(
            new AlignCorpusGenerator.SourceArticle(
                n.path("id").asText(String.valueOf(no)),
                category(n),
                n.path("title").asText(""),
                text));
      }
    }
    Map<String, Integer> counts =
        new AlignCorpusGenerator(articles, new WordNetThesaurus(), seed, lightSpin, heavySpin)
            .write(out, perType);
    out().println("wrote " + out + ": " + counts);
    return 0;
  }
}
