package org.wiretrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalRestoreCommandTest {

  private static final String PAIRS =
      String.join(
          "\n",
          "{\"tortured\": \"pressing want\", \"expected\": \"urgent need\"}",
          "{\"tortured\": \"chilly battle\", \"expected\": \"cold war\"}",
          "{\"tortured\": \"unclear line\", \"expected\": \"???\"}",
          "not json",
          "{\"tortured\": \"catastrophe response\", \"expected\": \"disaster response (dr)\"}",
          "");

  @Test
  void printsAccuracyWritesPredictionsAndGates(@TempDir Path dir) throws Exception {
    Path pairs = Files.writeString(dir.resolve("pairs.jsonl"), PAIRS);
    Path out = dir.resolve("pred.jsonl");
    String[] r =
        RestoreCommandTest.run(
            "eval",
            "restore",
            "--pairs",
            pairs.toString(),
            "--out",
            out.toString(),
            "--min-top3",
            "0.6");
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1]).contains("3 pairs scored, 1 without a known original").contains("top-1");
    assertThat(r[2]).contains("pairs.jsonl:4");
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).startsWith("{\"tortured\":\"pressing want\",\"suggestions\":[");

    String[] failed =
        RestoreCommandTest.run(
            "eval", "restore", "--pairs", pairs.toString(), "--min-top1", "1.01");
    assertThat(failed[0]).isEqualTo("1");
    assertThat(failed[2]).contains("FAIL: top-1");
  }

  @Test
  void rejectsAFalseAlarmGateWithoutText(@TempDir Path dir) throws Exception {
    Path pairs = Files.writeString(dir.resolve("pairs.jsonl"), PAIRS);
    String[] r =
        RestoreCommandTest.run(
            "eval", "restore", "--pairs", pairs.toString(), "--max-false-alarms", "0.5");
    assertThat(r[0]).isEqualTo("2");
  }

  @Test
  void rejectsLeaveOneOutWithoutNestedFoldsAndItsGatesWithoutIt(@TempDir Path dir)
      throws Exception {
    Path pairs = Files.writeString(dir.resolve("pairs.jsonl"), PAIRS);
    String p = pairs.toString();
    String[] noFolds = RestoreCommandTest.run("eval", "restore", "--pairs", p, "--leave-one-out");
    assertThat(noFolds[0]).isEqualTo("2");
    assertThat(noFolds[2]).contains("--leave-one-out needs --folds");
    String[] beamOnly =
        RestoreCommandTest.run(
            "eval", "restore", "--pairs", p, "--folds", "2", "--no-rerank", "--leave-one-out");
    assertThat(beamOnly[0]).isEqualTo("2");
    String[] gateAlone =
        RestoreCommandTest.run(
            "eval", "restore", "--pairs", p, "--folds", "2", "--min-loo-top3", "0.45");
    assertThat(gateAlone[0]).isEqualTo("2");
    assertThat(gateAlone[2]).contains("--min-loo-* need --leave-one-out");
  }
}
