/**
 * The one training loop of the epoch-based applications ({@code mnist} classifiers, {@code embed},
 * the {@code cifar probe} heads and Adam in {@code movielens}): {@link
 * org.kernelnet.apps.train.EpochTraining} runs epochs of {@link
 * org.kernelnet.apps.train.EpochBatches} (a DJL dataset's, or {@link
 * org.kernelnet.apps.train.ShuffledBatches} assembled from arrays) through a DJL {@link
 * ai.djl.training.Trainer}, one {@link org.kernelnet.apps.train.BatchLoss} and optimiser step per
 * batch, an {@link org.kernelnet.apps.train.EpochEvaluation} at the end of each epoch, and
 * optionally keeps the best epoch's parameters ({@link org.kernelnet.apps.train.BestEpoch}).
 *
 * <p>Progress goes to DJL {@link ai.djl.training.listener.TrainingListener}s registered on the
 * trainer's configuration: {@code onTrainingBatch} after every optimiser step, {@code onEpoch}
 * after every completed epoch. Listeners read where training stands from the run's {@link
 * org.kernelnet.apps.train.TrainingProgress}: {@link org.kernelnet.apps.train.StepLine} and {@link
 * org.kernelnet.apps.train.EpochLine} print progress lines, {@link
 * org.kernelnet.apps.train.TrainingAccuracy} counts correct predictions on the training batches.
 */
package org.kernelnet.apps.train;
