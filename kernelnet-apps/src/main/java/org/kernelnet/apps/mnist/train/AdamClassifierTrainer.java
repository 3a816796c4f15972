package org.kernelnet.apps.mnist.train;

import static java.util.Objects.requireNonNull;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.listener.TrainingListenerAdapter;
import ai.djl.training.tracker.ParameterTracker;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.kernelnet.apps.mnist.data.MnistSet;
import org.kernelnet.apps.report.ProgressLog;
import org.kernelnet.apps.train.BatchLoss;
import org.kernelnet.apps.train.EpochBatches;
import org.kernelnet.apps.train.EpochCheckpoint;
import org.kernelnet.apps.train.EpochLine;
import org.kernelnet.apps.train.EpochLoss;
import org.kernelnet.apps.train.EpochResult;
import org.kernelnet.apps.train.EpochTraining;
import org.kernelnet.apps.train.StepLine;
import org.kernelnet.apps.train.TrainingProgress;
import org.kernelnet.djl.loss.SoftmaxCrossEntropy;
import org.kernelnet.djl.nn.Locations;
import org.kernelnet.djl.optim.ParameterAverage;
import org.kernelnet.djl.optim.ParameterGroupTracker;
import org.kernelnet.djl.optim.ResumableAdam;

/**
 * The {@link ClassifierTrainer} of the MNIST family, stateless: trains a classifier {@code [B, 784]
 * -> [B, 10]} (logits) with Adam on the softmax cross-entropy
 * {@code L = -mean_b log softmax(z_b)[y_b]} in the shared epoch loop ({@link EpochTraining}), one
 * validation accuracy per epoch, and measures accuracy (the fraction of {@code argmax_k z_bk ==
 * y_b}).
 *
 * <p>The learning rate is constant or follows a cosine decay from {@code lr} to {@code lr / 100}
 * over all steps; L2 is Adam's weight decay {@code g <- g + lambda w} on every trained parameter.
 * The unit locations of the kernel layers ({@code u}, {@code v}) can learn at a multiple of that
 * rate ({@link ParameterGroupTracker}). Optionally the targets are smoothed ({@code q = (1 - eps)
 * onehot(y) + eps / 10}) and the weights averaged over the steps ({@link ParameterAverage}): the
 * validation accuracy is then that of the averaged weights, which the model keeps at the end.
 */
public final class AdamClassifierTrainer implements ClassifierTrainer {
  /** Examples per forward pass when measuring accuracy. */
  static final int EVALUATION_BATCH = 1000;

  /** The trainer of every {@code mnist} command, as {@code MnistModule} binds it. */
  public AdamClassifierTrainer() {}

  @Override
  public List<Epoch> fit(Model model, MnistSet train, MnistSet validation, Settings settings,
      ProgressLog log, String label, EpochCheckpoint<Double> checkpoint)
      throws IOException, TranslateException {
    requireNonNull(model, "model is null");
    requireNonNull(train, "train is null");
    requireNonNull(validation, "validation is null");
    requireNonNull(settings, "settings is null");
    requireNonNull(log, "log is null");
    int stepsPerEpoch = (train.size() + settings.batchSize() - 1) / settings.batchSize();
    boolean validated = validation.size() > 0;
    TrainingProgress<Double> progress =
        new TrainingProgress<>(settings.epochs(), EpochLoss.MEAN_OVER_STEPS);
    Averaging averaging = new Averaging();
    ResumableAdam adam = adam(model, settings, stepsPerEpoch * settings.epochs());
    List<TrainingListener> listeners = new ArrayList<>(List.of(
        new StepLine(progress, log, label + " "),
        new EpochLine<>(progress, log, label + " ", epoch -> describe(epoch, validated)),
        averaging));
    if (checkpoint != null) {
      listeners.add(checkpoint);
    }
    try (Trainer trainer = newTrainer(model, adam, settings,
            listeners.toArray(TrainingListener[]::new));
        NDManager data = model.getNDManager().newSubManager()) {
      if (!model.getBlock().isInitialized()) {
        trainer.initialize(new Shape(settings.batchSize(), train.pixelsPerImage()));
      }
      ArrayDataset dataset = train.toDataset(data, settings.batchSize(), true);
      try (ParameterAverage average = settings.averageDecay() > 0
          ? ParameterAverage.of(model.getBlock(), settings.averageDecay()) : null) {
        averaging.average = average;
        if (checkpoint != null && checkpoint.begin(model.getBlock(), adam, average, progress) > 0) {
          log.always("%s resumed after epoch %d of %d from its checkpoint", label,
              progress.epoch(), settings.epochs());
        }
        EpochTraining.<Double>builder()
            .setBatches(EpochBatches.of(dataset, settings.batchSize()))
            .setEvaluation(epoch -> validated
                ? validationAccuracy(model, validation, average) : Double.NaN)
            .build()
            .fit(trainer, progress);
        if (average != null) {
          average.copyIntoParameters();
        }
      }
    }
    return progress.history().stream()
        .map(e -> new Epoch(e.epoch(), e.loss(), e.evaluation(), e.trainingSeconds()))
        .toList();
  }

  /** The rest of an epoch's progress line. */
  private static String describe(EpochResult<Double> epoch, boolean validated) {
    return String.format(Locale.ROOT, "loss %.4f %s (%.1f s, %.0f examples/s)", epoch.loss(),
        validated
            ? String.format(Locale.ROOT, "validation accuracy %.2f %%", 100 * epoch.evaluation())
            : "no validation set",
        epoch.trainingSeconds(), epoch.examples() / epoch.trainingSeconds());
  }

  /**
   * Updates the weight average, once there is one, after every optimiser step. The average is
   * made after the trainer (whose configuration sets the initialisers) has initialised the block.
   */
  private static final class Averaging extends TrainingListenerAdapter {
    private ParameterAverage average;

    @Override
    public void onTrainingBatch(Trainer trainer, BatchData batchData) {
      if (average != null) {
        average.update();
      }
    }
  }

  /** The validation accuracy, of the averaged weights if {@code average} is not null. */
  private double validationAccuracy(Model model, MnistSet validation,
      ParameterAverage average) {
    if (average == null) {
      return accuracy(model.getBlock(), model.getNDManager(), validation);
    }
    try (ParameterAverage.Applied applied = average.applied()) {
      return accuracy(model.getBlock(), model.getNDManager(), validation);
    }
  }

  /**
   * A trainer for {@code model} (its block set) with Adam and the softmax cross-entropy loss (with
   * the settings' label smoothing).
   *
   * @param totalSteps the number of steps the cosine decay spans
   * @param listeners told about the training's progress
   */
  @Override
  public Trainer newTrainer(Model model, Settings settings, int totalSteps,
      TrainingListener... listeners) {
    return newTrainer(model, adam(model, settings, totalSteps), settings, listeners);
  }

  private static Trainer newTrainer(Model model, ResumableAdam adam, Settings settings,
      TrainingListener... listeners) {
    DefaultTrainingConfig config =
        new DefaultTrainingConfig(new SoftmaxCrossEntropy(settings.labelSmoothing()))
        .optOptimizer(adam)
        .optDevices(new ai.djl.Device[] {model.getNDManager().getDevice()})
        .addTrainingListeners(listeners);
    return model.newTrainer(config);
  }

  /**
   * Adam with the settings' learning rate schedule and weight decay: {@link ResumableAdam}, which
   * computes what DJL's Adam computes and can be checkpointed.
   */
  private static ResumableAdam adam(Model model, Settings settings, int totalSteps) {
    float lr = (float) settings.learningRate();
    Tracker tracker = settings.cosine()
        ? Tracker.cosine().setBaseValue(lr).optFinalValue(lr / 100)
            .setMaxUpdates(Math.max(1, totalSteps)).build()
        : Tracker.fixed(lr);
    ParameterTracker rates = settings.locationRateFactor() == 1 ? tracker
        : ParameterGroupTracker.byName(tracker, model.getBlock(),
            Set.of(Locations.INPUT_PARAMETER, Locations.OUTPUT_PARAMETER),
            (float) settings.locationRateFactor());
    return ResumableAdam.builder().optLearningRateTracker(rates)
        .optWeightDecays((float) settings.weightDecay()).build();
  }

  /**
   * One forward, backward and update on a batch {@code data [B, 784]}, {@code labels [B]}; returns
   * the batch's mean loss. The step's intermediate arrays attach to the data's manager; they are
   * freed when the step ends (the data and labels are attached to a sub-manager for the step and
   * return to their own afterwards), so a caller that reuses one batch does not accumulate them.
   */
  @Override
  public float step(Trainer trainer, NDList data, NDList labels) {
    return EpochTraining.step(trainer, data.head().getManager(), data, labels,
        BatchLoss.supervised(), step -> { });
  }

  /**
   * The accuracy of {@code block} on {@code set}, evaluated (training off) in batches of {@value
   * #EVALUATION_BATCH} whose arrays live in sub-managers of {@code manager}.
   */
  @Override
  public double accuracy(Block block, NDManager manager, MnistSet set) {
    requireNonNull(block, "block is null");
    requireNonNull(manager, "manager is null");
    requireNonNull(set, "set is null");
    int pixels = set.pixelsPerImage();
    float[] images = set.images();
    long correct = 0;
    for (int start = 0; start < set.size(); start += EVALUATION_BATCH) {
      int count = Math.min(EVALUATION_BATCH, set.size() - start);
      try (NDManager scope = manager.newSubManager()) {
        NDArray x = scope.create(
            Arrays.copyOfRange(images, start * pixels, (start + count) * pixels),
            new Shape(count, pixels));
        NDArray logits =
            block.forward(new ParameterStore(scope, false), new NDList(x), false)
                .singletonOrThrow();
        long[] predicted = logits.argMax(1).toType(ai.djl.ndarray.types.DataType.INT64, false)
            .toLongArray();
        for (int i = 0; i < count; i++) {
          if (predicted[i] == set.label(start + i)) {
            correct++;
          }
        }
      }
    }
    return (double) correct / set.size();
  }
}
