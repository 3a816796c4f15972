package org.kernelnet.apps.movielens.train;

import static java.util.Objects.requireNonNull;

/**
 * How one autoencoder is trained: what an {@link AutoencoderTrainer.Factory} makes a trainer
 * from, taken per run from the application's configuration (e.g. {@code
 * MovieLensConfig#training()}).
 *
 * @param optimizer the optimiser
 * @param iterations iterations, steps or epochs, {@code >= 1}
 * @param evalEvery checkpoint interval, {@code >= 1}; for L-BFGS also the length of a round after
 *     which its history restarts
 * @param learningRate Adam's learning rate (unused by the full-batch optimisers)
 * @param batchSize Adam's batch size in items, {@code >= 1}
 * @param seed seeds Adam's batch order
 * @param threads threads that process item shards in parallel, {@code >= 1}
 * @param history L-BFGS's history size m, {@code >= 1} ({@code 2 (m + 1)} float and 6 double
 *     vectors of the parameters' size)
 */
public record TrainingSettings(
    OptimizerKind optimizer, int iterations, int evalEvery, double learningRate, int batchSize,
    long seed, int threads, int history) {

  /**
   * @throws IllegalArgumentException naming the values if a count is below 1
   */
  public TrainingSettings {
    requireNonNull(optimizer, "optimizer is null");
    if (iterations < 1 || evalEvery < 1 || batchSize < 1 || threads < 1 || history < 1) {
      throw new IllegalArgumentException(
          "iterations, evalEvery, batchSize, threads and history must be >= 1, got " + iterations
              + ", " + evalEvery + ", " + batchSize + ", " + threads + ", " + history);
    }
  }
}
