package org.wiretrace.spin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.function.IntFunction;

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
    int[] fold = folds(pairs.size(), folds);
    Prediction[] out = new Prediction[pairs.size()];
    for (int f = 0; f < folds; f++) {
      PhraseRestorer r = restorerWithout(pairs, fold, restorerFor, f);
      overFold(pairs, fold, f, 1, out, i -> predict(pairs.get(i), r, depth));
    }
    return summarise(List.of(out));
  }

  /** The restorer built on habits learned from the pairs outside the folds {@code out}. */
  private static PhraseRestorer restorerWithout(
      List<PhrasePair> pairs,
      int[] fold,
      Function<SpinHabits, PhraseRestorer> restorerFor,
      int... out) {
    return restorerFor.apply(SpinHabits.learn(outside(pairs, fold, out)));
  }

  /**
   * Sets {@code out[i]} to {@code body} of {@code i} for every index {@code i} of a pair of fold
   * {@code f}, on {@code threads} threads.
   */
  private static <T> void overFold(
      List<PhrasePair> pairs, int[] fold, int f, int threads, T[] out, IntFunction<T> body) {
    parallel(
        pairs.size(),
        threads,
        i -> {
          if (fold[i] == f) {
            out[i] = body.apply(i);
          }
        });
  }

  /** The non-null entries of {@code a}, in order. */
  private static <T> List<T> present(T[] a) {
    List<T> list = new ArrayList<>();
    for (T e : a) {
      if (e != null) {
        list.add(e);
      }
    }
    return list;
  }

  /** The fold of each pair: shuffled with {@link #SEED}, dealt round-robin into {@code folds}. */
  public static int[] folds(int pairs, int folds) {
    if (folds < 2 || folds > pairs) {
      throw new IllegalArgumentException("folds must be in [2, " + pairs + "], got " + folds);
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < pairs; i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(SEED));
    int[] fold = new int[pairs];
    for (int r = 0; r < order.size(); r++) {
      fold[order.get(r)] = r % folds;
    }
    return fold;
  }

  /**
   * The pairs of {@code pairs} outside the folds in {@code out} (pairs without a known original are
   * kept: learning ignores them).
   */
  static List<PhrasePair> outside(List<PhrasePair> pairs, int[] fold, int... out) {
    List<PhrasePair> train = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      boolean keep = true;
      for (int f : out) {
        keep &= fold[i] != f;
      }
      if (keep) {
        train.add(pairs.get(i));
      }
    }
    return train;
  }

  /**
   * The re-ranker training example of one pair: the features of its first {@code depth} candidates
   * and the index of the expected phrase among them, or null when it is not among them.
   */
  public static Reranker.Example example(
      PhrasePair p, PhraseRestorer restorer, ScienceCounts science, int depth) {
    if (!p.hasExpected()) {
      return null;
    }
    List<String> words = PhrasePair.words(p.tortured());
    List<PhraseRestorer.Candidate> c = restorer.candidates(words, depth);
    String want = PhrasePair.comparable(p.expected());
    for (int i = 0; i < c.size(); i++) {
      if (c.get(i).text().equals(want)) {
        return new Reranker.Example(
            Reranker.features(
                words,
                c,
                restorer.stats(),
                science,
                restorer.wordnet(),
                restorer.habits(),
                restorer.thesaurus()),
            i);
      }
    }
    return null;
  }

  /**
   * Re-ranker training examples for {@code pairs} with no pair's habits learned from itself: the
   * pairs are split into {@code folds} folds and each fold's candidates come from a restorer built
   * on habits learned from the other folds (pairs whose original is unreached give no example).
   * Pairs are processed in parallel on {@code threads} threads; the result is in pair order.
   */
  public static List<Reranker.Example> examples(
      List<PhrasePair> pairs,
      int folds,
      Function<SpinHabits, PhraseRestorer> restorerFor,
      ScienceCounts science,
      int depth,
      int threads) {
    int[] fold = folds(pairs.size(), folds);
    Reranker.Example[] out = new Reranker.Example[pairs.size()];
    for (int f = 0; f < folds; f++) {
      PhraseRestorer r = restorerWithout(pairs, fold, restorerFor, f);
      overFold(pairs, fold, f, threads, out, i -> example(pairs.get(i), r, science, depth));
    }
    return present(out);
  }

  /**
   * K-fold cross-validation of the re-ranked restorer, nested so that no scored fold reaches its
   * own training: for each held-out fold {@code f}, the re-ranker is trained on examples of the
   * other folds' pairs whose candidates come from habits learned without fold {@code f} and without
   * the pair's own fold ({@link #examples} on the training pairs, their folds kept), and the fold
   * {@code f} is scored by the restorer built on habits learned from all the other folds with that
   * re-ranker. Costs {@code folds} times the plain cross-validation.
   */
  public static Score crossValidateReranked(
      List<PhrasePair> pairs,
      int folds,
      Function<SpinHabits, PhraseRestorer> restorerFor,
      ScienceCounts science,
      int trainDepth,
      Function<List<Reranker.Example>, Reranker> trainer,
      int depth,
      int threads) {
    return nested(pairs, folds, restorerFor, science, trainDepth, trainer, depth, threads, false)
        .folds();
  }

  /**
   * The nested cross-validation of {@link #crossValidateReranked}, and with {@code leaveOneOut}
   * also the <em>shipped condition</em>: a new phrase meets habits and known originals learned from
   * every dev pair, which k folds under-state (each fold's habits come from (k-1)/k of the pairs).
   * So each pair of fold {@code f} is also scored by a restorer whose habits are learned from all
   * the other pairs (leave one out), re-ranked by fold {@code f}'s nested re-ranker, which never
   * saw the pair nor lists made with it. Pairs with equal tortured phrases would leak through it;
   * the dev list holds none. Costs one habit learning and candidate search more per pair.
   */
  public static Nested nested(
      List<PhrasePair> pairs,
      int folds,
      Function<SpinHabits, PhraseRestorer> restorerFor,
      ScienceCounts science,
      int trainDepth,
      Function<List<Reranker.Example>, Reranker> trainer,
      int depth,
      int threads,
      boolean leaveOneOut) {
    int[] fold = folds(pairs.size(), folds);
    Prediction[] out = new Prediction[pairs.size()];
    Prediction[] loo = leaveOneOut ? new Prediction[pairs.size()] : null;
    for (int f = 0; f < folds; f++) {
      Reranker.Example[] ex = new Reranker.Example[pairs.size()];
      for (int g = 0; g < folds; g++) {
        if (g != f) {
          PhraseRestorer inner = restorerWithout(pairs, fold, restorerFor, f, g);
          overFold(
              pairs, fold, g, threads, ex, i -> example(pairs.get(i), inner, science, trainDepth));
        }
      }
      Reranker reranker = trainer.apply(present(ex));
      PhraseRestorer r = restorerWithout(pairs, fold, restorerFor, f).withReranker(reranker);
      overFold(pairs, fold, f, threads, out, i -> predict(pairs.get(i), r, depth));
      if (leaveOneOut) {
        overFold(
            pairs,
            fold,
            f,
            threads,
            loo,
            i -> {
              List<PhrasePair> others = new ArrayList<>(pairs);
              others.remove(i);
              PhraseRestorer one =
                  restorerFor.apply(SpinHabits.learn(others)).withReranker(reranker);
              return predict(pairs.get(i), one, depth);
            });
      }
    }
    return new Nested(
        summarise(List.of(out)),
        leaveOneOut ? Optional.of(summarise(List.of(loo))) : Optional.empty());
  }

  /** The scores of {@link #nested}: the k-fold figure, and the leave-one-out one when asked. */
  public record Nested(Score folds, Optional<Score> leaveOneOut) {
    public Nested {
      Objects.requireNonNull(folds, "folds");
      Objects.requireNonNull(leaveOneOut, "leaveOneOut");
    }
  }

  /** Runs {@code body} for 0..n-1 on {@code threads} threads (1: in this thread). */
  static void parallel(int n, int threads, java.util.function.IntConsumer body) {
    if (threads <= 1) {
      for (int i = 0; i < n; i++) {
        body.accept(i);
      }
      return;
    }
    java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
    try {
      pool.submit(() -> java.util.stream.IntStream.range(0, n).parallel().forEach(body)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
    }
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
