package org.kernelnet.apps.train;

import static java.util.Objects.requireNonNull;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.listener.TrainingListener.BatchData;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The training loop of the epoch-based applications. For each epoch not yet completed in the run's
 * {@link TrainingProgress}:
 *
 * <ol>
 *   <li>for each of the epoch's {@link EpochBatches}: in a scope of the batch's manager, the
 *       {@link BatchLoss} inside a gradient collector, backward, the optimiser's
 *       {@link Trainer#step()}; then every listener's {@link TrainingListener#onTrainingBatch}
 *       (with the step's predictions and targets) while the step's arrays still live;
 *   <li>the {@link EpochEvaluation}, recorded with the epoch's loss and times as an {@link
 *       EpochResult};
 *   <li>with a {@link BestEpoch}, its verdict: keep these parameters, or stop;
 *   <li>every listener's {@link TrainingListener#onEpoch}: the hook for progress lines and, at the
 *       end of each completed epoch, checkpoints.
 * </ol>
 *
 * Listeners are DJL's, registered on the trainer's configuration ({@code
 * DefaultTrainingConfig.addTrainingListeners}); DJL itself calls their {@code onTrainingBegin} and
 * {@code onTrainingEnd} when the trainer is made and closed. With a {@link BestEpoch}, the block
 * ends with the best epoch's parameters.
 *
 * @param <E> the type of each epoch's evaluation
 */
public final class EpochTraining<E> {
  private final EpochBatches batches;
  private final BatchLoss loss;
  private final EpochEvaluation<E> evaluation;
  private final BestEpoch<E> bestEpoch;

  private EpochTraining(Builder<E> builder) {
    this.batches = builder.batches;
    this.loss = builder.loss;
    this.evaluation = builder.evaluation;
    this.bestEpoch = builder.bestEpoch;
  }

  /** A builder: batches and evaluation required; the supervised loss and no early stop default. */
  public static <E> Builder<E> builder() {
    return new Builder<>();
  }

  /**
   * Trains until {@code progress} is finished: all its epochs run, or training stopped early.
   *
   * @param trainer the trainer of the model, its block initialised
   * @param progress the run's progress, written as training goes
   * @throws IOException if a dataset cannot be read
   * @throws TranslateException if a dataset's batch cannot be made
   */
  public void fit(Trainer trainer, TrainingProgress<E> progress)
      throws IOException, TranslateException {
    requireNonNull(trainer, "trainer is null");
    requireNonNull(progress, "progress is null");
    Block block = trainer.getModel().getBlock();
    while (!progress.finished()) {
      long start = System.nanoTime();
      progress.beginEpoch(batches.steps());
      for (Batch batch : batches.batches(trainer, progress.epoch())) {
        try (batch) {
          step(trainer, batch.getManager(), batch.getData(), batch.getLabels(), loss, output -> {
            progress.addStep(output.value(), batch.getSize());
            BatchData data = new BatchData(batch, byDevice(trainer, output.targets()),
                byDevice(trainer, output.predictions()));
            trainer.notifyListeners(listener -> listener.onTrainingBatch(trainer, data));
          });
        }
      }
      long trained = System.nanoTime() - start;
      progress.addTrainingNanos(trained);
      E measured = evaluation.evaluate(progress.epoch());
      EpochResult<E> result = new EpochResult<>(progress.epoch(), progress.loss(), progress.step(),
          progress.examples(), trained / 1e9, (System.nanoTime() - start) / 1e9, measured);
      progress.endEpoch(result);
      if (bestEpoch != null) {
        bestEpoch.afterEpoch(block, result).ifPresent(progress::stop);
      }
      trainer.notifyListeners(listener -> listener.onEpoch(trainer));
    }
    if (bestEpoch != null) {
      bestEpoch.restore(block);
    }
  }

  /**
   * What one step computed, handed over while its arrays live.
   *
   * @param value the batch's loss
   * @param predictions the model's outputs, empty if the loss shows none
   * @param targets what they were compared with, empty likewise
   */
  public record Step(float value, NDList predictions, NDList targets) {}

  /**
   * One step of the loop: in a sub-manager of {@code manager} (to which {@code data} and {@code
   * labels} are attached for the step and from which they return afterwards, so a caller may
   * reuse one batch), the loss inside a gradient collector, backward, the optimiser's step; then
   * {@code afterStep}.
   *
   * @param manager the manager of the batch's arrays
   * @return the batch's loss
   */
  public static float step(Trainer trainer, NDManager manager, NDList data, NDList labels,
      BatchLoss loss, Consumer<Step> afterStep) {
    try (NDManager scope = manager.newSubManager()) {
      data.tempAttach(scope);
      labels.tempAttach(scope);
      BatchLoss.Output output;
      float value;
      try (GradientCollector collector = trainer.newGradientCollector()) {
        output = loss.compute(trainer, data, labels);
        collector.backward(output.loss());
        value = output.loss().getFloat();
      }
      trainer.step();
      afterStep.accept(new Step(value, output.predictions(), output.targets()));
      return value;
    }
  }

  private static Map<Device, NDList> byDevice(Trainer trainer, NDList arrays) {
    return arrays.isEmpty() ? Map.of() : Map.of(trainer.getDevices()[0], arrays);
  }

  /**
   * Builds an {@link EpochTraining}.
   *
   * @param <E> the type of each epoch's evaluation
   */
  public static final class Builder<E> {
    private EpochBatches batches;
    private BatchLoss loss = BatchLoss.supervised();
    private EpochEvaluation<E> evaluation;
    private BestEpoch<E> bestEpoch;

    private Builder() {}

    /** Sets the batches of each epoch (required). */
    public Builder<E> setBatches(EpochBatches batches) {
      this.batches = requireNonNull(batches, "batches is null");
      return this;
    }

    /** Sets what is measured after each epoch (required). */
    public Builder<E> setEvaluation(EpochEvaluation<E> evaluation) {
      this.evaluation = requireNonNull(evaluation, "evaluation is null");
      return this;
    }

    /** Sets the loss of a batch; default {@link BatchLoss#supervised()}. */
    public Builder<E> optLoss(BatchLoss loss) {
      this.loss = requireNonNull(loss, "loss is null");
      return this;
    }

    /** Stops early and keeps the best epoch's parameters as {@code bestEpoch} says; default: no. */
    public Builder<E> optBestEpoch(BestEpoch<E> bestEpoch) {
      this.bestEpoch = requireNonNull(bestEpoch, "bestEpoch is null");
      return this;
    }

    /**
     * The loop.
     *
     * @throws IllegalStateException naming what is missing
     */
    public EpochTraining<E> build() {
      List<String> missing = new ArrayList<>();
      if (batches == null) {
        missing.add("batches (setBatches)");
      }
      if (evaluation == null) {
        missing.add("an evaluation (setEvaluation)");
      }
      if (!missing.isEmpty()) {
        throw new IllegalStateException("an EpochTraining needs " + String.join(" and ", missing));
      }
      return new EpochTraining<>(this);
    }
  }
}
