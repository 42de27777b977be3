package org.wiretrace.spin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RerankerTest {

  private static final int N = Reranker.FEATURES.size();
  private static final ScienceCounts NO_SCIENCE = ScienceCounts.empty(PhraseStats.empty());
  private static final BoostedTrees.Settings TREES =
      new BoostedTrees.Settings(20, 3, 0.1, 0.01, 1.0, 16);

  /** Phrases of 5 random candidates whose correct one always has the largest feature 3. */
  private static List<Reranker.Example> synthetic(long seed) {
    Random rnd = new Random(seed);
    List<Reranker.Example> out = new ArrayList<>();
    for (int e = 0; e < 60; e++) {
      double[][] x = new double[5][N];
      int gold = rnd.nextInt(5);
      for (int i = 0; i < 5; i++) {
        for (int j = 0; j < N; j++) {
          x[i][j] = rnd.nextGaussian();
        }
        x[i][3] = i == gold ? 2 + rnd.nextDouble() : rnd.nextDouble();
      }
      out.add(new Reranker.Example(x, gold));
    }
    return out;
  }

  @Test
  void learnsTheFeatureThatPicksTheCorrectCandidate() {
    Reranker r = Reranker.train(synthetic(1), 5, 0.001, 200, TREES, NO_SCIENCE);
    double[] w = r.weights();
    for (int j = 0; j < N; j++) {
      if (j != 3) {
        assertThat(Math.abs(w[j])).isLessThan(w[3]);
      }
    }
  }

  @Test
  void learningIsDeterministic() {
    assertThat(Reranker.train(synthetic(2), 5, 0.001, 50, TREES, NO_SCIENCE).weights())
        .containsExactly(Reranker.train(synthetic(2), 5, 0.001, 50, TREES, NO_SCIENCE).weights());
  }

  @Test
  void theShippedReRankerReRanksTheDefaultDepth() {
    // the resource is learned at Reranker.DEPTH (300 since round restore6): a rebuild at another
    // depth would silently change what PhraseRestorer.suggest re-ranks
    assertThat(Reranker.shared().depth()).isEqualTo(Reranker.DEPTH).isEqualTo(300);
  }

  @Test
  void writesAndReadsTheWeights(@TempDir Path dir) throws IOException {
    Reranker r = Reranker.train(synthetic(3), 5, 0.001, 50, TREES, NO_SCIENCE);
    Path f = dir.resolve("r.tsv.gz");
    r.write(f);
    try (InputStream in = Files.newInputStream(f)) {
      Reranker back = Reranker.read(in, NO_SCIENCE);
      assertThat(back.depth()).isEqualTo(5);
      assertThat(back.weights()).containsExactly(r.weights());
      assertThat(back.trees().trees()).isEqualTo(r.trees().trees());
      for (Reranker.Example e : synthetic(4)) {
        for (double[] x : e.x()) {
          assertThat(back.score(x)).isEqualTo(r.score(x));
        }
      }
    }
    try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(f))) {
      out.write("depth\t5\nbogus\t0\t1\t0\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    try (InputStream in = Files.newInputStream(f)) {
      assertThatThrownBy(() -> Reranker.read(in, NO_SCIENCE)).isInstanceOf(IOException.class);
    }
  }

  @Test
  void rerankingKeepsEveryCandidate() {
    PhraseRestorer plain =
        new PhraseRestorer(
            WordNetLexicon.shared(),
            SpinHabits.none(),
            PhraseStats.shared(),
            Thesaurus.empty(),
            PhraseRestorer.Settings.DEFAULT);
    List<String> words = List.of("pressing", "want");
    List<PhraseRestorer.Candidate> c = plain.candidates(words, 20);
    Reranker r = Reranker.shared();
    if (r == null) {
      return;
    }
    List<PhraseRestorer.Candidate> again =
        r.rerank(
            words,
            c,
            PhraseStats.shared(),
            WordNetLexicon.shared(),
            SpinHabits.none(),
            Thesaurus.empty());
    assertThat(again).hasSameSizeAs(c).containsExactlyInAnyOrderElementsOf(c);
  }

  @Test
  void theShippedReRankerReadsWithTheFeaturesItWasLearnedOn() {
    Reranker r = Reranker.shared();
    if (r == null) {
      return;
    }
    assertThat(r.weights().length).isBetween(1, N);
    assertThat(r.trees().features()).isEqualTo(r.weights().length);
  }

  @Test
  void kindsFollowTheReasons() {
    assertThat(PhraseRestorer.kindOf(null)).isEqualTo(-1);
    assertThat(PhraseRestorer.kindOf("WordNet related x~y"))
        .isEqualTo(PhraseRestorer.Candidate.KINDS.indexOf("WordNet related "));
    assertThat(PhraseRestorer.kindOf("WordNet related~y"))
        .isEqualTo(PhraseRestorer.Candidate.KINDS.indexOf("WordNet "));
    assertThat(PhraseRestorer.kindOf("thesaurus two steps a~b"))
        .isEqualTo(PhraseRestorer.Candidate.KINDS.indexOf("thesaurus two steps "));
    assertThat(PhraseRestorer.kindOf("habit via WordNet a~b->c"))
        .isEqualTo(PhraseRestorer.Candidate.KINDS.indexOf("habit via WordNet "));
  }
}
