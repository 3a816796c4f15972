package org.kernelnet.apps.cifar.probe;

import static java.util.Objects.requireNonNull;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kernelnet.apps.report.ProgressLog;
import org.kernelnet.apps.train.BestEpoch;
import org.kernelnet.apps.train.EpochCheckpoint;
import org.kernelnet.apps.train.EpochLine;
import org.kernelnet.apps.train.EpochLoss;
import org.kernelnet.apps.train.EpochTraining;
import org.kernelnet.apps.train.RestorableRandom;
import org.kernelnet.apps.train.ShuffledBatches;
import org.kernelnet.apps.train.TrainingAccuracy;
import org.kernelnet.apps.train.TrainingProgress;
import org.kernelnet.djl.loss.SoftmaxCrossEntropy;
import org.kernelnet.djl.optim.ResumableAdam;

/**
 * The {@link HeadTrainer} of {@code cifar probe}: softmax cross-entropy and Adam (with optional L2
 * weight decay) on cached trunk features, early stopping on the validation accuracy.
 *
 * <p>Inputs are standardised per feature ({@link Standardizer}) batch by batch. Each epoch visits
 * the training rows in an order shuffled by {@code new Random(seed)} in batches; with {@code v}
 * extra views of the training images (their mirror images, random crops: {@link TrainingView}),
 * each visit takes the row of the image itself or of one of its views, each with probability
 * {@code 1 / (v + 1)} (drawn from the same generator). After each epoch the validation accuracy
 * (on the images themselves) is measured, the parameters of the best epoch are kept, and training
 * stops after {@code patience} epochs without improvement ({@link EpochTraining} with a {@link
 * BestEpoch}). The head ends with the best epoch's parameters.
 */
final class AdamHeadTrainer implements HeadTrainer {
  @Inject
  AdamHeadTrainer() {}

  @Override
  public Result train(Model model, KernelHead head, FeatureCache.Features features,
      List<FeatureCache.Features> views, int[] labels, int[] trainRows, int[] validationRows,
      Standardizer standardizer, ProbeConfig config, long seed, ProgressLog log, String what,
      EpochCheckpoint<Scores> checkpoint) {
    requireNonNull(model, "model is null");
    requireNonNull(head, "head is null");
    int d = features.width();
    requireNonNull(views, "views is null");
    List<FeatureCache.Features> choices = new ArrayList<>();
    choices.add(features);
    for (FeatureCache.Features view : views) {
      if (view.rows() != features.rows() || view.width() != d) {
        throw new IllegalArgumentException("view features [" + view.rows() + ", " + view.width()
            + "] do not match the features [" + features.rows() + ", " + d + "]");
      }
      choices.add(view);
    }
    Engine.getInstance().setRandomSeed((int) seed);
    model.setBlock(head.block());
    TrainingProgress<Scores> progress =
        new TrainingProgress<>(config.epochs(), EpochLoss.MEAN_OVER_EXAMPLES);
    TrainingAccuracy trainingAccuracy = new TrainingAccuracy();
    ResumableAdam adam = ResumableAdam.builder()
        .optLearningRateTracker(Tracker.fixed((float) config.learningRate()))
        .optWeightDecays((float) config.weightDecay())
        .build();
    DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(new SoftmaxCrossEntropy())
        .optOptimizer(adam)
        .optDevices(new Device[] {model.getNDManager().getDevice()})
        .addTrainingListeners(trainingAccuracy, new EpochLine<>(progress, log, what + ": ",
            e -> String.format(Locale.ROOT,
                "loss %.4f train accuracy %.2f %% validation accuracy %.2f %% (%.1f s)", e.loss(),
                100 * e.evaluation().training(), 100 * e.evaluation().validation(), e.seconds())));
    if (checkpoint != null) {
      trainingConfig.addTrainingListeners(checkpoint);
    }
    long started = System.nanoTime();
    int[] validationLabels = pick(labels, validationRows);
    RestorableRandom random = new RestorableRandom(seed);
    BestEpoch<Scores> best = new BestEpoch<>(Scores::validation, config.patience(),
        "validation accuracy");
    try (Trainer trainer = model.newTrainer(trainingConfig)) {
      trainer.initialize(new Shape(config.batchSize(), d));
      ShuffledBatches batches = new ShuffledBatches(trainRows.length, config.batchSize(), random,
          (scope, positions) -> {
            float[] x = new float[positions.length * d];
            float[] y = new float[positions.length];
            for (int k = 0; k < positions.length; k++) {
              int row = trainRows[positions[k]];
              FeatureCache.Features view = choices.size() == 1 ? features
                  : choices.get(random.nextInt(choices.size()));
              standardizer.applyRow(view, row, x, k * d);
              y[k] = labels[row];
            }
            return new ShuffledBatches.Contents(
                new NDList(scope.create(x, new Shape(positions.length, d))),
                new NDList(scope.create(y)));
          });
      if (checkpoint != null && resume(checkpoint.optBestEpoch(best).optBatches(batches),
          head, adam, progress) > 0) {
        log.always("%s: resumed after epoch %d from its checkpoint", what, progress.epoch());
      }
      EpochTraining.<Scores>builder()
          .setBatches(batches)
          .setEvaluation(epoch -> new Scores(trainingAccuracy.epochAccuracy(),
              head.predict(model.getNDManager(), features, validationRows, standardizer)
                  .accuracy(validationLabels)))
          .optBestEpoch(best)
          .build()
          .fit(trainer, progress);
    } catch (IOException | TranslateException e) {
      throw new IllegalStateException("batches assembled from arrays in memory failed", e);
    }
    List<Epoch> history = progress.history().stream()
        .map(e -> new Epoch(e.epoch(), e.loss(), e.evaluation().training(),
            e.evaluation().validation(), e.seconds()))
        .toList();
    return new Result(history, best.epoch(), best.score(), (System.nanoTime() - started) / 1e9);
  }

  /** {@link EpochCheckpoint#begin}, its I/O error unchecked. */
  private static int resume(EpochCheckpoint<Scores> checkpoint, KernelHead head,
      ResumableAdam adam, TrainingProgress<Scores> progress) {
    try {
      return checkpoint.begin(head.block(), adam, null, progress);
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  private static int[] pick(int[] values, int[] rows) {
    int[] out = new int[rows.length];
    for (int k = 0; k < rows.length; k++) {
      out[k] = values[rows[k]];
    }
    return out;
  }
}
