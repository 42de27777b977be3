package org.wiretrace.spin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Top-1 and top-3 accuracy of phrase restoration on tortured/original pairs, plainly and by k-fold
 * cross-validation (habits learned from k-1 folds, the held-out fold scored), which is the figure
 * that predicts accuracy on phrases never seen. Pairs whose original is unknown are left out and
 * counted. Stateless and thread-safe.
 */
public final class RestoreEvaluation {

  /** Suggestions asked for per phrase. */
  public static final int SUGGESTIONS = 5;

  /** Seed of the fold assignment (fixed, so figures are reproducible). */
  public static final long SEED = 20230130L;

  private RestoreEvaluation() {}

  /** The suggestions for one pair. */
  public record Prediction(PhrasePair pair, List<String> suggestions) {
    public Prediction {
      suggestions = List.copyOf(suggestions);
    }

    /** True when the expected phrase is among the first {@code k} suggestions. */
    public boolean hit(int k) {
      String want = PhrasePair.comparable(pair.expected());
      for (int i = 0; i < Math.min(k, suggestions.size()); i++) {
        if (PhrasePair.comparable(suggestions.get(i)).equals(want)) {
          return true;
        }
      }
      return false;
    }
  }

  /** Accuracy over the scored pairs, with the predictions in input order. */
  public record Score(int scored, int skipped, double top1, double top3, List<Prediction> all) {
    public Score {
      all = List.copyOf(all);
    }
  }

  /** Scores {@code pairs} with one restorer. */
  public static Score score(List<PhrasePair> pairs, PhraseRestorer restorer) {
    List<Prediction> all = new ArrayList<>();
    for (PhrasePair p : pairs) {
      all.add(predict(p, restorer));
    }
    return summarise(all);
  }

  /** The prediction for one pair ({@link #SUGGESTIONS} suggestions). */
  public static Prediction predict(PhrasePair p, PhraseRestorer restorer) {
    return predict(p, restorer, SUGGESTIONS);
  }

  /**
   * The prediction for one pair with up to {@code depth} suggestions; a large depth shows whether
   * the expected phrase is in the candidate lattice at all (the oracle top-N).
   */
  public static Prediction predict(PhrasePair p, PhraseRestorer restorer, int depth) {
    List<String> words = PhrasePair.words(p.tortured());
    List<String> s = restorer.suggest(words, depth).stream().map(Suggestion::text).toList();
    return new Prediction(p, s);
  }

  /** The share of the scored predictions whose expected phrase is among the first {@code k}. */
  public static double reach(Score score, int k) {
    int n = 0;
    int hit = 0;
    for (Prediction p : score.all()) {
      if (p.pair().hasExpected()) {
        n++;
        hit += p.hit(k) ? 1 : 0;
      }
    }
    return n == 0 ? 0 : (double) hit / n;
  }

  /**
   * K-fold cross-validation: the pairs are shuffled with {@link #SEED}, split into {@code folds}
   * folds, and each fold is scored with the restorer built from habits learned on the others.
   */
  public static Score crossValidate(
      List<PhrasePair> pairs, int folds, Function<SpinHabits, PhraseRestorer> restorerFor) {
    return crossValidate(pairs, folds, restorerFor, SUGGESTIONS);
  }

  /** {@link #crossValidate(List, int, Function)} with up to {@code depth} suggestions a pair. */
  public static Score crossValidate(
      List<PhrasePair> pairs,
      int folds,
      Function<SpinHabits, PhraseRestorer> restorerFor,
      int depth) {
    if (depth < 1) {
      throw new IllegalArgumentException("depth must be >= 1, got " + depth);
    }
    if (folds < 2 || folds > pairs.size()) {
      throw new IllegalArgumentException(
          "folds must be in [2, " + pairs.size() + "], got " + folds);
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(SEED));
    int[] fold = new int[pairs.size()];
    for (int r = 0; r < order.size(); r++) {
      fold[order.get(r)] = r % folds;
    }
    Prediction[] out = new Prediction[pairs.size()];
    for (int f = 0; f < folds; f++) {
      List<PhrasePair> train = new ArrayList<>();
      for (int i = 0; i < pairs.size(); i++) {
        if (fold[i] != f) {
          train.add(pairs.get(i));
        }
      }
      PhraseRestorer r = restorerFor.apply(SpinHabits.learn(train));
      for (int i = 0; i < pairs.size(); i++) {
        if (fold[i] == f) {
          out[i] = predict(pairs.get(i), r, depth);
        }
      }
    }
    return summarise(List.of(out));
  }

  /** Accuracy of a list of predictions. */
  public static Score summarise(List<Prediction> all) {
    int n = 0;
    int h1 = 0;
    int h3 = 0;
    for (Prediction p : all) {
      if (!p.pair().hasExpected()) {
        continue;
      }
      n++;
      h1 += p.hit(1) ? 1 : 0;
      h3 += p.hit(3) ? 1 : 0;
    }
    return new Score(
        n, all.size() - n, n == 0 ? 0 : (double) h1 / n, n == 0 ? 0 : (double) h3 / n, all);
  }
}
