package org.kernelnet.apps.train;

import static java.util.Objects.requireNonNull;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Early stopping that keeps the best epoch: after each epoch its score is read from the
 * evaluation; an epoch scoring higher than every earlier one becomes the best and a copy of the
 * block's (float) parameters is taken; after {@code patience} epochs in a row without a higher
 * score, training stops. When training ends the block gets the best epoch's parameters back.
 *
 * @param <E> the type of the evaluation the score is read from
 */
public final class BestEpoch<E> {
  private final ToDoubleFunction<? super E> score;
  private final int patience;
  private final String scoreName;
  private int bestEpoch;
  private double bestScore = Double.NEGATIVE_INFINITY;
  private Map<String, float[]> bestParameters;

  /**
   * @param score the score of an evaluation, higher is better
   * @param patience epochs without a higher score before training stops, {@code >= 1}
   * @param scoreName what the score is, for the stop reason, e.g. {@code validation accuracy}
   */
  public BestEpoch(ToDoubleFunction<? super E> score, int patience, String scoreName) {
    this.score = requireNonNull(score, "score is null");
    if (patience < 1) {
      throw new IllegalArgumentException("patience must be >= 1, got " + patience);
    }
    this.patience = patience;
    this.scoreName = requireNonNull(scoreName, "scoreName is null");
  }

  /** The best epoch so far (1-based), 0 before any epoch had a score. */
  public int epoch() {
    return bestEpoch;
  }

  /** The best epoch's score, negative infinity before any epoch had a score. */
  public double score() {
    return bestScore;
  }

  /**
   * Takes a finished epoch into account.
   *
   * @return why training should stop, if it should
   */
  Optional<String> afterEpoch(Block block, EpochResult<E> result) {
    double value = score.applyAsDouble(result.evaluation());
    if (value > bestScore) {
      bestScore = value;
      bestEpoch = result.epoch();
      bestParameters = copy(block);
    } else if (result.epoch() - bestEpoch >= patience) {
      return Optional.of("no better " + scoreName + " for " + patience + " epochs");
    }
    return Optional.empty();
  }

  /** Gives {@code block} the best epoch's parameters, if an epoch had a score. */
  void restore(Block block) {
    if (bestParameters == null) {
      return;
    }
    for (Pair<String, Parameter> entry : block.getParameters()) {
      entry.getValue().getArray().set(bestParameters.get(entry.getKey()));
    }
  }

  private static Map<String, float[]> copy(Block block) {
    Map<String, float[]> values = new LinkedHashMap<>();
    for (Pair<String, Parameter> entry : block.getParameters()) {
      values.put(entry.getKey(), entry.getValue().getArray().toFloatArray());
    }
    return values;
  }
}
