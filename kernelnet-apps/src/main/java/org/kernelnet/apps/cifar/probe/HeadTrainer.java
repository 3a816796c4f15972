package org.kernelnet.apps.cifar.probe;

import static java.util.Objects.requireNonNull;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.kernelnet.apps.report.ProgressLog;
import org.kernelnet.apps.train.BestEpoch;
import org.kernelnet.apps.train.EpochLine;
import org.kernelnet.apps.train.EpochLoss;
import org.kernelnet.apps.train.EpochTraining;
import org.kernelnet.apps.train.ShuffledBatches;
import org.kernelnet.apps.train.TrainingAccuracy;
import org.kernelnet.apps.train.TrainingProgress;
import org.kernelnet.djl.loss.SoftmaxCrossEntropy;

/**
 * Trains a {@link KernelHead} on cached trunk features with softmax cross-entropy and Adam (with
 * optional L2 weight decay), and evaluates it.
 *
 * <p>Inputs are standardised per feature, {@code x' = (x - mean) / std} with the mean and std of
 * the training rows (std floored at {@code 1e-6}), batch by batch (no standardised copy of the
 * features is held). Each epoch visits the training rows in an order shuffled by {@code new
 * Random(seed)} in batches; with {@code v} extra views of the training images (their mirror images,
 * random crops: {@link TrainingView}), each visit takes the row of the image itself or of one of its
 * views, each with probability {@code 1 / (v + 1)} (drawn from the same generator). After each epoch
 * the validation accuracy (on the images themselves) is measured, the parameters of the best epoch
 * are kept, and training stops after {@code patience} epochs without improvement ({@link
 * EpochTraining} with a {@link BestEpoch}). The head ends with the best epoch's parameters.
 */
final class HeadTrainer {
  private HeadTrainer() {}

  /**
   * One epoch of training.
   *
   * @param epoch 1-based
   * @param loss the mean training loss
   * @param trainAccuracy the accuracy on the training batches while training
   * @param validationAccuracy the accuracy on the validation rows after the epoch
   * @param seconds the epoch's wall time
   */
  record Epoch(int epoch, double loss, double trainAccuracy, double validationAccuracy, double seconds) {}

  /**
   * The outcome of training.
   *
   * @param history every epoch run
   * @param bestEpoch the epoch whose parameters the head keeps
   * @param bestValidationAccuracy its validation accuracy
   * @param seconds the training wall time
   */
  record Result(List<Epoch> history, int bestEpoch, double bestValidationAccuracy, double seconds) {}

  /**
   * Per-feature standardisation.
   *
   * @param mean {@code [D]}
   * @param std {@code [D]}
   */
  record Standardizer(float[] mean, float[] std) {
    /** The statistics of the given rows of {@code features}. */
    static Standardizer of(FeatureCache.Features features, int[] rows) {
      int d = features.width();
      double[] sum = new double[d];
      double[] sumSq = new double[d];
      float[] row = new float[d];
      for (int r : rows) {
        features.copyRow(r, row, 0);
        for (int j = 0; j < d; j++) {
          double x = row[j];
          sum[j] += x;
          sumSq[j] += x * x;
        }
      }
      float[] mean = new float[d];
      float[] std = new float[d];
      for (int j = 0; j < d; j++) {
        double m = sum[j] / rows.length;
        mean[j] = (float) m;
        std[j] = (float) Math.max(1e-6, Math.sqrt(Math.max(0, sumSq[j] / rows.length - m * m)));
      }
      return new Standardizer(mean, std);
    }

    /** Writes the standardised row {@code row} into {@code out[offset .. offset + D)}. */
    void applyRow(FeatureCache.Features features, int row, float[] out, int offset) {
      int d = features.width();
      features.copyRow(row, out, offset);
      for (int j = 0; j < d; j++) {
        out[offset + j] = (out[offset + j] - mean[j]) / std[j];
      }
    }
  }

  /**
   * Trains {@code head} (uninitialized) inside {@code model}.
   *
   * @param model a fresh model on the training device
   * @param head the head to train; its block becomes the model's block
   * @param features all training features
   * @param views the features of other views of the training images, each row for row (may be empty)
   * @param labels the label of every feature row
   * @param trainRows the rows trained on
   * @param validationRows the rows for validation accuracy
   * @param standardizer the input standardisation
   * @param config epochs, patience, batch size, learning rate, weight decay
   * @param seed the seed of the engine (initialisation) and the shuffles
   * @param log progress
   * @param what the head's name, for progress lines
   */
  static Result train(Model model, KernelHead head, FeatureCache.Features features,
      List<FeatureCache.Features> views, int[] labels, int[] trainRows, int[] validationRows,
      Standardizer standardizer, ProbeConfig config, long seed, ProgressLog log, String what) {
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
    DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(new SoftmaxCrossEntropy())
        .optOptimizer(Adam.builder().optLearningRateTracker(Tracker.fixed((float) config.learningRate()))
            .optWeightDecays((float) config.weightDecay())
            .build())
        .optDevices(new Device[] {model.getNDManager().getDevice()})
        .addTrainingListeners(trainingAccuracy, new EpochLine<>(progress, log, what + ": ",
            e -> String.format(Locale.ROOT,
                "loss %.4f train accuracy %.2f %% validation accuracy %.2f %% (%.1f s)", e.loss(),
                100 * e.evaluation().training(), 100 * e.evaluation().validation(), e.seconds())));
    long started = System.nanoTime();
    int[] validationLabels = pick(labels, validationRows);
    Random random = new Random(seed);
    BestEpoch<Scores> best = new BestEpoch<>(Scores::validation, config.patience(),
        "validation accuracy");
    try (Trainer trainer = model.newTrainer(trainingConfig)) {
      trainer.initialize(new Shape(config.batchSize(), d));
      EpochTraining.<Scores>builder()
          .setBatches(new ShuffledBatches(trainRows.length, config.batchSize(), random,
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
              }))
          .setEvaluation(epoch -> new Scores(trainingAccuracy.epochAccuracy(), accuracy(
              predict(head, model.getNDManager(), features, validationRows, standardizer),
              validationLabels)))
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

  /**
   * What is measured after each epoch.
   *
   * @param training the accuracy on the epoch's training batches, while training
   * @param validation the accuracy on the validation rows after the epoch
   */
  private record Scores(double training, double validation) {}

  /**
   * The kernel-layer activations and predicted classes of standardised feature rows.
   *
   * @param activations {@code [N, grid^2]} row-major
   * @param predictions {@code [N]}
   */
  record Predictions(float[] activations, int[] predictions) {}

  /** Runs the trained head in inference mode over the given rows of features, standardised. */
  static Predictions predict(KernelHead head, NDManager manager, FeatureCache.Features features,
      int[] rowsToPredict, Standardizer standardizer) {
    int d = features.width();
    int n = rowsToPredict.length;
    int step = 1_000;
    List<float[]> acts = new ArrayList<>();
    int[] predictions = new int[n];
    int units = -1;
    for (int start = 0; start < n; start += step) {
      int end = Math.min(n, start + step);
      try (NDManager scope = manager.newSubManager()) {
        float[] rows = new float[(end - start) * d];
        for (int k = start; k < end; k++) {
          standardizer.applyRow(features, rowsToPredict[k], rows, (k - start) * d);
        }
        NDList out = head.activationsAndLogits(new ParameterStore(scope, false),
            scope.create(rows, new Shape(end - start, d)));
        units = (int) out.get(0).getShape().get(1);
        acts.add(out.get(0).toFloatArray());
        long[] argMax = out.get(1).argMax(1).toLongArray();
        for (int k = 0; k < argMax.length; k++) {
          predictions[start + k] = (int) argMax[k];
        }
      }
    }
    float[] activations = new float[Math.max(0, n * units)];
    int offset = 0;
    for (float[] a : acts) {
      System.arraycopy(a, 0, activations, offset, a.length);
      offset += a.length;
    }
    return new Predictions(activations, predictions);
  }

  /** The fraction of {@code predictions} equal to {@code labels}. */
  static double accuracy(Predictions predictions, int[] labels) {
    return accuracy(predictions.predictions(), labels);
  }

  /** The fraction of equal entries. */
  static double accuracy(int[] predictions, int[] labels) {
    if (predictions.length != labels.length || labels.length == 0) {
      throw new IllegalArgumentException("need equally many (>= 1) predictions and labels, got "
          + predictions.length + " and " + labels.length);
    }
    long correct = 0;
    for (int i = 0; i < labels.length; i++) {
      if (predictions[i] == labels[i]) {
        correct++;
      }
    }
    return (double) correct / labels.length;
  }

  private static int[] pick(int[] values, int[] rows) {
    int[] out = new int[rows.length];
    for (int k = 0; k < rows.length; k++) {
      out[k] = values[rows[k]];
    }
    return out;
  }
}
