package org.kernelnet.apps.cifar.probe;

import ai.djl.Model;
import java.util.List;
import org.kernelnet.apps.report.ProgressLog;
import org.kernelnet.apps.train.EpochCheckpoint;

/**
 * Trains the {@link KernelHead} of one cut of the trunk on its cached features: the CIFAR
 * family's trainer, bound in {@link CifarModule} to {@link AdamHeadTrainer} and replaceable there
 * ({@code Modules.override}). The settings of the run come with each call.
 */
@FunctionalInterface
interface HeadTrainer {
  /**
   * Trains {@code head} (uninitialised) inside {@code model}; the head ends with the parameters
   * it is to be tested with.
   *
   * @param model a fresh model on the training device
   * @param head the head to train; its block becomes the model's block
   * @param features all training features {@code [N, D]}
   * @param views the features of other views of the training images, each row for row (may be
   *     empty)
   * @param labels the label of every feature row
   * @param trainRows the rows trained on
   * @param validationRows the rows of the validation accuracy
   * @param standardizer the input standardisation
   * @param config epochs, patience, batch size, learning rate, weight decay
   * @param seed the seed of the engine (initialisation) and the shuffles
   * @param log progress
   * @param what the head's name, for progress lines
   * @param checkpoint the head's checkpoint, written after every epoch and continued from when the
   *     run resumes another; null to train without one
   * @throws IllegalArgumentException if a view's features do not match {@code features}
   */
  Result train(Model model, KernelHead head, FeatureCache.Features features,
      List<FeatureCache.Features> views, int[] labels, int[] trainRows, int[] validationRows,
      Standardizer standardizer, ProbeConfig config, long seed, ProgressLog log, String what,
      EpochCheckpoint<Scores> checkpoint);

  /**
   * One epoch of training.
   *
   * @param epoch 1-based
   * @param loss the mean training loss
   * @param trainAccuracy the accuracy on the training batches while training
   * @param validationAccuracy the accuracy on the validation rows after the epoch
   * @param seconds the epoch's wall time
   */
  record Epoch(int epoch, double loss, double trainAccuracy, double validationAccuracy,
      double seconds) {}

  /**
   * The outcome of training.
   *
   * @param history every epoch run
   * @param bestEpoch the epoch whose parameters the head keeps
   * @param bestValidationAccuracy its validation accuracy
   * @param seconds the training wall time
   */
  record Result(List<Epoch> history, int bestEpoch, double bestValidationAccuracy,
      double seconds) {}

  /**
   * What is measured after each epoch (and recorded in the checkpoint).
   *
   * @param training the accuracy on the epoch's training batches, while training
   * @param validation the accuracy on the validation rows after the epoch
   */
  record Scores(double training, double validation) {}
}
