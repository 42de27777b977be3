package org.wiretrace.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.wiretrace.ingest.Article;
import org.wiretrace.ingest.IngestListener;
import org.wiretrace.ingest.Ingestor;
import org.wiretrace.ingest.JsonlReader;
import org.wiretrace.ingest.Skipped;
import org.wiretrace.relate.PairVerdict;
import org.wiretrace.relate.Relater;
import org.wiretrace.stories.ClusteringScores;
import org.wiretrace.stories.Family;
import org.wiretrace.stories.Story;
import org.wiretrace.stories.StoryAnalyzer;
import org.wiretrace.stories.StoryBuilder;
import org.wiretrace.stories.StoryModel;
import org.wiretrace.stories.StoryTrainer;
import org.wiretrace.stories.StoryTrainer.Labelled;
import org.wiretrace.text.AnalyzedArticle;
import org.wiretrace.text.Tokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wiretrace eval stories}: story clustering quality against event labels. */
@Command(
    name = "stories",
    header = "Score story clustering against labels (B-cubed and pairwise F1).",
    mixinStandardHelpOptions = true,
    description = {
      "Cluster labelled articles into stories in publication order and print B-cubed and pairwise"
          + " precision, recall and F1 against the labels.",
      "With --fit, also fits the model's weights and thresholds by K-fold cross-validation over"
          + " events and prints the held-out figure and the model fitted on all the data."
    },
    footer = {
      "",
      "Examples:",
      "  wiretrace eval stories ../shared/data/news-clusters/giveme5w1h_news_cluster.jsonl",
      "  wiretrace eval stories dev.jsonl --label event_id --out pred.jsonl --min-bcubed-f1 0.88",
      "  wiretrace eval stories dev.jsonl --fit --folds 5"
    })
final class EvalStoriesCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(index = "0", paramLabel = "FILE.jsonl", description = "Labelled articles (JSONL).")
  Path file;

  @Option(
      names = "--label",
      defaultValue = "event_id",
      description = "Field holding the event label (default: ${DEFAULT-VALUE}).")
  String label;

  @Option(names = "--out", paramLabel = "PRED.jsonl", description = "Write {id, story, family}.")
  Path out;

  @Option(
      names = "--min-bcubed-f1",
      paramLabel = "X",
      description = "Exit 1 when B-cubed F1 is below X.")
  Double minBcubedF1;

  @Option(names = "--fit", description = "Cross-validate and fit the model on this data.")
  boolean fit;

  @Option(names = "--folds", defaultValue = "5", description = "Folds for --fit (default: 5).")
  int folds;

  @Option(names = "--window-days", description = "Override the model's story time window (days).")
  Double windowDays;

  @Option(names = "--json", description = "Print the figures as JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    if (!Files.isReadable(file)) {
      throw new UserException("cannot read " + file, WiretraceCli.EXIT_FAILURE);
    }
    Map<Integer, String> labels = readLabels(file, label);
    List<Article> articles = new ArrayList<>();
    IngestListener listener =
        new IngestListener() {
          @Override
          public void skipped(Skipped s) {
            System.err.println("wiretrace: skipped " + s);
          }
        };
    new JsonlReader(file, listener).forEach(articles::add);
    if (articles.isEmpty()) {
      throw new UserException("no articles in " + file, WiretraceCli.EXIT_FAILURE);
    }
    StoryAnalyzer analyzer = new StoryAnalyzer();
    List<Labelled> ordered = new ArrayList<>();
    articles.sort(org.wiretrace.stories.StoryBuilder.chronological());
    Map<String, Article> byId = new LinkedHashMap<>();
    for (Article a : articles) {
      String l = labels.get(lineOf(a));
      if (l == null) {
        System.err.println("wiretrace: " + a.origin() + ": no '" + label + "' label, not scored");
        continue;
      }
      byId.put(a.id(), a);
      ordered.add(new Labelled(analyzer.analyze(a, Tokens.of(a.text())), l));
    }
    StoryModel model = StoryModel.DEFAULT;
    if (windowDays != null) {
      model = model.withWindowDays(windowDays);
    }
    if (fit) {
      StoryTrainer.CrossValidation cv = StoryTrainer.crossValidate(ordered, model, folds);
      System.out.printf(
          "cross-validated (%d folds over events): B-cubed F1 %.4f, pairwise F1 %.4f%n",
          cv.folds(), cv.bcubedF1(), cv.pairF1());
      for (ClusteringScores s : cv.perFold()) {
        System.out.printf(
            "  fold: %d articles, B-cubed F1 %.4f, pairwise F1 %.4f%n",
            s.items(), s.bcubedF1(), s.pairF1());
      }
      model = cv.model();
      System.out.println("fitted on all: " + model);
      System.out.println("weights: " + java.util.Arrays.toString(model.weights()));
    }
    ClusteringScores s = StoryTrainer.evaluate(ordered, model);
    print(s);
    if (out != null) {
      writePredictions(new ArrayList<>(byId.values()), model);
    }
    if (minBcubedF1 != null && s.bcubedF1() < minBcubedF1) {
      System.err.printf("wiretrace: B-cubed F1 %.4f is below %.4f%n", s.bcubedF1(), minBcubedF1);
      return WiretraceCli.EXIT_FAILURE;
    }
    return 0;
  }

  private void print(ClusteringScores s) throws IOException {
    if (json) {
      ObjectNode o = JSON.createObjectNode();
      o.put("articles", s.items());
      o.put("stories", s.predictedClusters());
      o.put("events", s.labelledClusters());
      o.put("bcubedPrecision", s.bcubedPrecision());
      o.put("bcubedRecall", s.bcubedRecall());
      o.put("bcubedF1", s.bcubedF1());
      o.put("pairPrecision", s.pairPrecision());
      o.put("pairRecall", s.pairRecall());
      o.put("pairF1", s.pairF1());
      System.out.println(JSON.writeValueAsString(o));
    } else {
      System.out.printf(
          "%s: %d articles, %d stories (%d events)%n",
          file, s.items(), s.predictedClusters(), s.labelledClusters());
      System.out.printf(
          "B-cubed   precision %.4f  recall %.4f  F1 %.4f%n",
          s.bcubedPrecision(), s.bcubedRecall(), s.bcubedF1());
      System.out.printf(
          "pairwise  precision %.4f  recall %.4f  F1 %.4f%n",
          s.pairPrecision(), s.pairRecall(), s.pairF1());
    }
  }

  /**
   * Stories as the pipeline builds them (clusterer, then families from the relater's verdicts on
   * the pairs inside each story), one {"id","story","family"} line per article.
   */
  private void writePredictions(List<Article> articles, StoryModel model) throws IOException {
    List<AnalyzedArticle> analyzed = articles.stream().map(AnalyzedArticle::of).toList();
    Map<String, AnalyzedArticle> byId = new HashMap<>();
    analyzed.forEach(a -> byId.put(a.id(), a));
    StoryBuilder builder = new StoryBuilder(model);
    Relater relater = Relater.standard();
    List<PairVerdict> verdicts = new ArrayList<>();
    for (Story story : builder.stories(analyzed, List.of())) {
      List<String> ids = story.articleIds();
      for (int i = 0; i < ids.size(); i++) {
        for (int j = i + 1; j < ids.size(); j++) {
          AnalyzedArticle a = byId.get(ids.get(i));
          AnalyzedArticle b = byId.get(ids.get(j));
          verdicts.add(
              new PairVerdict(
                  a.id(), b.id(), relater.judge(a.article(), a.tokens(), b.article(), b.tokens())));
        }
      }
    }
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (Story story : builder.stories(analyzed, verdicts)) {
        for (Family f : story.families()) {
          for (String id : f.articleIds()) {
            ObjectNode o = JSON.createObjectNode();
            o.put("id", id);
            o.put("story", story.id());
            o.put("family", f.id());
            w.write(JSON.writeValueAsString(o));
            w.newLine();
          }
        }
      }
    }
    System.out.println("predictions written to " + out);
  }

  private static int lineOf(Article a) {
    int hash = a.origin().lastIndexOf("#line ");
    return hash < 0 ? -1 : Integer.parseInt(a.origin().substring(hash + 6));
  }

  /** Labels by line number (1-based), read alongside the articles. */
  private static Map<Integer, String> readLabels(Path file, String field) throws IOException {
    Map<Integer, String> labels = new HashMap<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(Ingestor.open(file), StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        try {
          JsonNode v = JSON.readTree(line).get(field);
          if (v != null && !v.isNull()) {
            labels.put(n, v.asText());
          }
        } catch (IOException e) {
          // the reader reports invalid lines
        }
      }
    }
    return labels;
  }
}
