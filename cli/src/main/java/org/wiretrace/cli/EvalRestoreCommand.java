package org.wiretrace.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.wiretrace.spin.FalseAlarms;
import org.wiretrace.spin.PhrasePair;
import org.wiretrace.spin.PhrasePairs;
import org.wiretrace.spin.PhraseRestorer;
import org.wiretrace.spin.PhraseStats;
import org.wiretrace.spin.Reranker;
import org.wiretrace.spin.RestoreEvaluation;
import org.wiretrace.spin.ScienceCounts;
import org.wiretrace.spin.SpinDetector;
import org.wiretrace.spin.SpinHabits;
import org.wiretrace.spin.Thesaurus;
import org.wiretrace.spin.WordNetLexicon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wiretrace eval restore}: top-1/top-3 restoration accuracy and false alarms. */
@Command(
    name = "restore",
    header = "Score tortured-phrase restoration (top-1, top-3) and false alarms.",
    mixinStandardHelpOptions = true,
    description = {
      "Measure tortured-phrase restoration: top-1 and top-3 accuracy on",
      "{\"tortured\",\"expected\"} lines (case-insensitive, a trailing parenthetical",
      "acronym ignored; pairs whose original is unknown, \"???\", are left out).",
      "",
      "The plain figure uses the shipped habits, learned from the dev list: on the",
      "dev list itself it is optimistic. --folds K adds K-fold cross-validation",
      "(habits learned from K-1 folds, the held-out fold scored, phrases never",
      "seen): that figure predicts accuracy on new phrases, and the --min-* gates",
      "use it when it is given. The learned re-ranker (restore-reranker.tsv.gz,",
      "a conditional logit plus boosted trees) is",
      "then trained inside each fold on the other folds' pairs only (nested, five",
      "times the cost; --no-rerank: beam order). --leave-one-out also scores each",
      "pair as a new phrase meets the shipped resources: habits and known originals",
      "learned from all the other pairs (K folds learn from (K-1)/K of them and so",
      "under-state it), re-ranked by its fold's nested re-ranker, which never saw it.",
      "--plain FILE measures false alarms: phrases",
      "flagged per 1,000 words of ordinary text (an MSRP .tsv, or one text per",
      "line).",
      "",
      "Candidates also come from the spinners' thesaurus (Aiksaurus, from the",
      "Debian package libaiksaurus-1.2-data) when it is installed; --no-thesaurus",
      "leaves it out. The false-alarm pass uses the detector, which never does.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  wiretrace eval restore --pairs ../shared/data/tortured-phrases/dev.jsonl \\",
      "      --folds 5",
      "  wiretrace eval restore --pairs held-out.jsonl --out pred.jsonl",
      "  wiretrace eval restore --pairs dev.jsonl --folds 5 --min-top1 0.32 \\",
      "      --min-top3 0.395 --plain ../shared/data/paraphrase/msrp_train.tsv \\",
      "      --plain-limit 2000 --max-false-alarms 0.5",
      "",
      "Exit codes: 0 figures at or above the thresholds, 1 below a threshold or no pairs, 2 usage."
    })
final class EvalRestoreCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--depth",
      paramLabel = "N",
      defaultValue = "5",
      description =
          "Suggestions asked per phrase in the cross-validation (default ${DEFAULT-VALUE}); with"
              + " N > 5 also prints the share whose original is anywhere among the first N: the"
              + " reach of the candidate lattice, against which top-1/top-3 show ranking errors.")
  int depth;

  @Option(
      names = "--no-thesaurus",
      description = "Leave the spinners' thesaurus out (WordNet and learned habits only).")
  boolean noThesaurus;

  @Option(
      names = "--no-rerank",
      description =
          "Rank by the beam search alone (no learned re-ranker; the cross-validation then costs a"
              + " fifth).")
  boolean noRerank;

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "2",
      description = "Threads of the cross-validation (default ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--pairs", required = true, paramLabel = "FILE.jsonl", description = "Pairs.")
  Path pairs;

  @Option(
      names = "--out",
      paramLabel = "PRED.jsonl",
      description = "Write {\"tortured\",\"suggestions\":[...]} per input line.")
  Path out;

  @Option(
      names = "--folds",
      paramLabel = "K",
      defaultValue = "0",
      description = "Also cross-validate with K folds (0: no cross-validation).")
  int folds;

  @Option(
      names = "--leave-one-out",
      description =
          "With --folds: also score each pair with habits learned from all the others and its"
              + " fold's nested re-ranker (the shipped condition; about 40% more time).")
  boolean leaveOneOut;

  @Option(
      names = "--min-loo-top1",
      paramLabel = "X",
      description = "Exit 1 when the leave-one-out top-1 is below X.")
  Double minLooTop1;

  @Option(
      names = "--min-loo-top3",
      paramLabel = "Y",
      description = "Exit 1 when the leave-one-out top-3 is below Y.")
  Double minLooTop3;

  @Option(names = "--plain", paramLabel = "FILE", description = "Ordinary text for false alarms.")
  Path plain;

  @Option(
      names = "--plain-limit",
      paramLabel = "N",
      defaultValue = "2000",
      description = "Texts of --plain used (default ${DEFAULT-VALUE}).")
  int plainLimit;

  @Option(names = "--min-top1", paramLabel = "X", description = "Exit 1 when top-1 is below X.")
  Double minTop1;

  @Option(names = "--min-top3", paramLabel = "Y", description = "Exit 1 when top-3 is below Y.")
  Double minTop3;

  @Option(
      names = "--max-false-alarms",
      paramLabel = "Z",
      description = "Exit 1 when false alarms per 1,000 words exceed Z (needs --plain).")
  Double maxFalseAlarms;

  @Override
  public Integer call() throws Exception {
    PrintWriter w = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (folds == 1 || folds < 0) {
      throw new UserException("--folds must be 0 or at least 2", WiretraceCli.EXIT_USAGE);
    }
    if (depth < 1 || threads < 1) {
      throw new UserException("--depth and --threads must be >= 1", WiretraceCli.EXIT_USAGE);
    }
    if (leaveOneOut && (folds < 2 || noRerank)) {
      throw new UserException(
          "--leave-one-out needs --folds K and the re-ranker", WiretraceCli.EXIT_USAGE);
    }
    if ((minLooTop1 != null || minLooTop3 != null) && !leaveOneOut) {
      throw new UserException("--min-loo-* need --leave-one-out", WiretraceCli.EXIT_USAGE);
    }
    if (maxFalseAlarms != null && plain == null) {
      throw new UserException("--max-false-alarms needs --plain FILE", WiretraceCli.EXIT_USAGE);
    }
    if (!Files.isReadable(pairs)) {
      throw new UserException("cannot read " + pairs, WiretraceCli.EXIT_FAILURE);
    }
    List<PhrasePair> list = PhrasePairs.read(pairs, err::println);
    if (list.isEmpty()) {
      throw new UserException("no pairs in " + pairs, WiretraceCli.EXIT_FAILURE);
    }
    Thesaurus thesaurus = noThesaurus ? Thesaurus.empty() : Thesaurus.shared();
    if (thesaurus.size() > 0) {
      w.printf(
          Locale.ROOT,
          "thesaurus: Aiksaurus from %s (%,d words)%n",
          thesaurus.source(),
          thesaurus.size());
    } else {
      w.println(
          noThesaurus
              ? "thesaurus: left out (--no-thesaurus)"
              : "thesaurus: none installed in "
                  + Thesaurus.defaultDir()
                  + " (apt-get install libaiksaurus-1.2-data)");
    }
    PhraseStats stats = PhraseStats.shared();
    ScienceCounts science = ScienceCounts.shared();
    Reranker reranker = noRerank ? null : Reranker.shared();
    if (!noRerank && reranker == null) {
      w.println("re-ranker: none shipped (" + Reranker.RESOURCE + "), beam order");
    }
    PhraseRestorer shipped =
        new PhraseRestorer(
            WordNetLexicon.shared(),
            SpinHabits.shared(),
            stats,
            thesaurus,
            PhraseRestorer.Settings.DEFAULT,
            reranker);
    RestoreEvaluation.Score plainScore;
    try (Progress p = Progress.of("restore", list.size())) {
      List<RestoreEvaluation.Prediction> preds = new ArrayList<>();
      for (PhrasePair pair : list) {
        preds.add(RestoreEvaluation.predict(pair, shipped));
        p.step();
      }
      plainScore = RestoreEvaluation.summarise(preds);
    }
    w.printf(
        Locale.ROOT,
        "restore: %d pairs scored, %d without a known original left out%n",
        plainScore.scored(),
        plainScore.skipped());
    w.printf(
        Locale.ROOT,
        "  shipped habits (learned from the dev list):  top-1 %.3f  top-3 %.3f%n",
        plainScore.top1(),
        plainScore.top3());
    if (out != null) {
      writePredictions(out, plainScore.all());
      w.println("  predictions written to " + out);
    }
    RestoreEvaluation.Score gated = plainScore;
    Optional<RestoreEvaluation.Score> loo = Optional.empty();
    if (folds >= 2) {
      java.util.function.Function<SpinHabits, PhraseRestorer> base =
          h ->
              new PhraseRestorer(
                  WordNetLexicon.shared(), h, stats, thesaurus, PhraseRestorer.Settings.DEFAULT);
      RestoreEvaluation.Nested nested =
          noRerank
              ? new RestoreEvaluation.Nested(
                  RestoreEvaluation.crossValidate(list, folds, base, depth), Optional.empty())
              : RestoreEvaluation.nested(
                  list,
                  folds,
                  base,
                  science,
                  Reranker.DEPTH,
                  ex -> Reranker.learn(ex, science),
                  depth,
                  threads,
                  leaveOneOut);
      RestoreEvaluation.Score cv = nested.folds();
      w.printf(
          Locale.ROOT,
          "  %d-fold cross-validated (never-seen phrases%s): top-1 %.3f  top-3 %.3f%n",
          folds,
          noRerank ? ", beam order" : ", re-ranker learned inside each fold",
          cv.top1(),
          cv.top3());
      if (depth > RestoreEvaluation.SUGGESTIONS) {
        w.printf(
            Locale.ROOT,
            "  original anywhere among the first %d (lattice reach): %.3f%n",
            depth,
            RestoreEvaluation.reach(cv, depth));
      }
      gated = cv;
      loo = nested.leaveOneOut();
      loo.ifPresent(
          l ->
              w.printf(
                  Locale.ROOT,
                  "  leave-one-out (each phrase against habits from all the others, the shipped"
                      + " condition; re-ranker of its nested fold): top-1 %.3f  top-3 %.3f%n",
                  l.top1(),
                  l.top3()));
    }
    w.flush();
    boolean ok = true;
    if (minTop1 != null && gated.top1() < minTop1) {
      err.printf(Locale.ROOT, "FAIL: top-1 %.3f below %.3f%n", gated.top1(), minTop1);
      ok = false;
    }
    if (minTop3 != null && gated.top3() < minTop3) {
      err.printf(Locale.ROOT, "FAIL: top-3 %.3f below %.3f%n", gated.top3(), minTop3);
      ok = false;
    }
    if (minLooTop1 != null && loo.orElseThrow().top1() < minLooTop1) {
      err.printf(
          Locale.ROOT,
          "FAIL: leave-one-out top-1 %.3f below %.3f%n",
          loo.orElseThrow().top1(),
          minLooTop1);
      ok = false;
    }
    if (minLooTop3 != null && loo.orElseThrow().top3() < minLooTop3) {
      err.printf(
          Locale.ROOT,
          "FAIL: leave-one-out top-3 %.3f below %.3f%n",
          loo.orElseThrow().top3(),
          minLooTop3);
      ok = false;
    }
    if (plain != null) {
      List<String> texts = FalseAlarms.readTexts(plain, plainLimit, err::println);
      FalseAlarms.Result fa;
      try (Progress p = Progress.of("false alarms", texts.size())) {
        fa = FalseAlarms.measure(texts, SpinDetector.standard(), t -> p.step());
      }
      w.printf(
          Locale.ROOT,
          "false alarms: %d phrases flagged in %,d words of %d texts = %.2f per 1,000 words%n",
          fa.flagged().size(),
          fa.words(),
          fa.texts(),
          fa.perThousandWords());
      w.flush();
      if (maxFalseAlarms != null && fa.perThousandWords() > maxFalseAlarms) {
        err.printf(
            Locale.ROOT,
            "FAIL: %.2f false alarms per 1,000 words above %.2f%n",
            fa.perThousandWords(),
            maxFalseAlarms);
        ok = false;
      }
    }
    return ok ? 0 : WiretraceCli.EXIT_FAILURE;
  }

  private static void writePredictions(Path file, List<RestoreEvaluation.Prediction> all)
      throws Exception {
    ObjectMapper m = new ObjectMapper();
    try (BufferedWriter bw = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (RestoreEvaluation.Prediction p : all) {
        ObjectNode o = m.createObjectNode();
        o.put("tortured", p.pair().tortured());
        ArrayNode s = o.putArray("suggestions");
        p.suggestions().forEach(s::add);
        bw.write(m.writeValueAsString(o));
        bw.newLine();
      }
    }
  }
}
