package org.kernelnet.apps.mnist.train;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListener;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.List;
import org.kernelnet.apps.mnist.data.MnistSet;
import org.kernelnet.apps.report.ProgressLog;
import org.kernelnet.apps.train.EpochCheckpoint;

/**
 * Trains and measures the MNIST family's classifiers {@code [B, 784] -> [B, 10]} (logits): the
 * trainer that {@code mnist grid-prior}, {@code dimensionality}, {@code predict-params} and {@code
 * benchmark} share. {@code MnistModule} binds {@link AdamClassifierTrainer}; a test or an extension
 * replaces it with {@code Modules.override}. The settings of a run are arguments of each call, as
 * one module serves four commands with four configurations.
 */
public interface ClassifierTrainer {
  /**
   * The optimisation settings.
   *
   * @param epochs passes over the training set, {@code >= 1}
   * @param batchSize examples per step, {@code >= 1}
   * @param learningRate Adam's step size, {@code > 0}
   * @param weightDecay the L2 coefficient lambda, {@code >= 0}
   * @param cosine whether the learning rate decays with a cosine to {@code lr / 100}
   * @param locationRateFactor the factor on the learning rate of the kernel layers' unit locations,
   *     {@code >= 0}; 1 for the same rate as every other parameter, 0 to keep them fixed
   * @param labelSmoothing the label smoothing {@code eps} of the loss, {@code [0, 1)}
   * @param averageDecay the decay {@code beta} of the weight average, {@code [0, 1)}; 0 for none
   */
  record Settings(int epochs, int batchSize, double learningRate, double weightDecay,
      boolean cosine, double locationRateFactor, double labelSmoothing, double averageDecay) {
    /** Validates the values. */
    public Settings {
      if (epochs < 1 || batchSize < 1 || !(learningRate > 0) || !(weightDecay >= 0)
          || !(locationRateFactor >= 0) || Double.isInfinite(locationRateFactor)
          || !(labelSmoothing >= 0 && labelSmoothing < 1)
          || !(averageDecay >= 0 && averageDecay < 1)) {
        throw new IllegalArgumentException("need epochs >= 1, batch size >= 1, learning rate"
            + " > 0, weight decay >= 0, finite location rate factor >= 0, label smoothing and"
            + " average decay in [0, 1); got " + epochs + ", " + batchSize + ", " + learningRate
            + ", " + weightDecay + ", " + locationRateFactor + ", " + labelSmoothing + ", "
            + averageDecay);
      }
    }

    /**
     * Settings where the locations learn at the same rate as every other parameter, with neither
     * label smoothing nor weight averaging.
     */
    public Settings(int epochs, int batchSize, double learningRate, double weightDecay,
        boolean cosine) {
      this(epochs, batchSize, learningRate, weightDecay, cosine, 1, 0, 0);
    }
  }

  /**
   * One finished epoch.
   *
   * @param epoch 1-based
   * @param loss the mean training loss over the epoch's steps
   * @param validationAccuracy the accuracy on the validation set after the epoch, NaN if the
   *     validation set is empty
   * @param seconds the wall-clock time of the epoch's training steps
   */
  record Epoch(int epoch, double loss, double validationAccuracy, double seconds) {}

  /**
   * Trains {@code model}'s block (initialising it for {@code [batch, 784]} inputs if needed) and
   * reports each epoch on {@code log}; an empty {@code validation} set is allowed (the final fit on
   * all the training images) and skips the validation accuracy.
   *
   * @param label a prefix for the progress lines, e.g. {@code grid}
   * @return one entry per epoch
   */
  default List<Epoch> fit(Model model, MnistSet train, MnistSet validation, Settings settings,
      ProgressLog log, String label) throws IOException, TranslateException {
    return fit(model, train, validation, settings, log, label, null);
  }

  /**
   * {@link #fit(Model, MnistSet, MnistSet, Settings, ProgressLog, String)} checkpointed at the end
   * of every epoch and, when the run resumes another, continued from the checkpoint ({@link
   * EpochCheckpoint}).
   *
   * @param checkpoint the run's checkpoint, or null to train without one
   */
  List<Epoch> fit(Model model, MnistSet train, MnistSet validation, Settings settings,
      ProgressLog log, String label, EpochCheckpoint<Double> checkpoint)
      throws IOException, TranslateException;

  /**
   * A DJL trainer for {@code model} (its block set) that takes the steps of {@link #fit} one at a
   * time through {@link #step}, for timing them.
   *
   * @param totalSteps the number of steps a learning-rate schedule spans
   * @param listeners told about the training's progress
   */
  Trainer newTrainer(Model model, Settings settings, int totalSteps,
      TrainingListener... listeners);

  /**
   * One forward, backward and update on a batch {@code data [B, 784]}, {@code labels [B]} with a
   * trainer of {@link #newTrainer}; returns the batch's mean loss. A caller may reuse one batch for
   * many steps: a step leaves no arrays behind.
   */
  float step(Trainer trainer, NDList data, NDList labels);

  /**
   * The accuracy of {@code block} on {@code set}, the fraction of {@code argmax_k z_bk == y_b},
   * evaluated with training off in batches whose arrays live in sub-managers of {@code manager}.
   */
  double accuracy(Block block, NDManager manager, MnistSet set);
}
