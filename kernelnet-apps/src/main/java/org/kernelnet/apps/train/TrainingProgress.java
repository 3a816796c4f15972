package org.kernelnet.apps.train;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Where a training run of {@link #epochs()} epochs stands: the epoch and step under way, the
 * running loss of the epoch, every completed epoch and, once decided, why training stops early.
 * {@link EpochTraining} writes it; listeners (constructed with it) and the caller read it. It is
 * the state a checkpoint at the end of an epoch records, together with the parameters and the
 * optimiser's state; a run continues from it with the epoch after its last completed one.
 *
 * @param <E> the type of each epoch's evaluation
 */
public final class TrainingProgress<E> {
  private final int epochs;
  private final EpochLoss lossMeasure;
  private final List<EpochResult<E>> completed = new ArrayList<>();
  private int epoch;
  private int stepsPerEpoch;
  private int step;
  private long examples;
  private double lossSum;
  private long trainingNanos;
  private String stopReason;

  /**
   * A run that has not started.
   *
   * @param epochs the epochs to run at most, {@code >= 1}
   * @param lossMeasure how the steps' losses make an epoch's loss
   */
  public TrainingProgress(int epochs, EpochLoss lossMeasure) {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
    }
    this.epochs = epochs;
    this.lossMeasure = requireNonNull(lossMeasure, "lossMeasure is null");
  }

  /** The epochs to run at most. */
  public int epochs() {
    return epochs;
  }

  /** The epoch under way, else the last one run (1-based); 0 before the first. */
  public int epoch() {
    return epoch;
  }

  /** The steps of every epoch. */
  public int stepsPerEpoch() {
    return stepsPerEpoch;
  }

  /** The steps done in the current epoch. */
  public int step() {
    return step;
  }

  /** The training examples seen in the current epoch. */
  public long examples() {
    return examples;
  }

  /** The current epoch's training loss so far ({@link EpochLoss}); NaN before its first step. */
  public double loss() {
    return step == 0 ? Double.NaN : lossMeasure.value(lossSum, step, examples);
  }

  /**
   * The wall time of all the steps so far, in nanoseconds: every epoch's steps, the current one's
   * once they are done; evaluations excluded.
   */
  public long trainingNanos() {
    return trainingNanos;
  }

  /** Every completed epoch, in order (an unmodifiable view). */
  public List<EpochResult<E>> history() {
    return Collections.unmodifiableList(completed);
  }

  /** The last completed epoch, if any. */
  public Optional<EpochResult<E>> lastEpoch() {
    return completed.isEmpty() ? Optional.empty()
        : Optional.of(completed.get(completed.size() - 1));
  }

  /** Why training stops before {@link #epochs()}, once that is decided. */
  public Optional<String> stopReason() {
    return Optional.ofNullable(stopReason);
  }

  /** Whether no epoch is left to run: all ran, or training stopped early. */
  public boolean finished() {
    return completed.size() >= epochs || stopReason != null;
  }

  void beginEpoch(int steps) {
    if (finished()) {
      throw new IllegalStateException("training is finished after epoch " + epoch);
    }
    epoch = completed.size() + 1;
    stepsPerEpoch = steps;
    step = 0;
    examples = 0;
    lossSum = 0;
  }

  void addStep(float stepLoss, int batchExamples) {
    lossSum += lossMeasure.term(stepLoss, batchExamples);
    step++;
    examples += batchExamples;
  }

  void addTrainingNanos(long nanos) {
    trainingNanos += nanos;
  }

  void endEpoch(EpochResult<E> result) {
    if (result.epoch() != epoch) {
      throw new IllegalStateException("epoch " + epoch + " is under way, not " + result.epoch());
    }
    completed.add(result);
  }

  void stop(String reason) {
    stopReason = requireNonNull(reason, "reason is null");
  }
}
