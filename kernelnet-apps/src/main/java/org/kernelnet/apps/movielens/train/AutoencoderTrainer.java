package org.kernelnet.apps.movielens.train;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.kernelnet.apps.movielens.data.RatingScale;
import org.kernelnet.apps.movielens.data.Ratings;
import org.kernelnet.apps.movielens.model.ItemAutoencoder;

/**
 * Trains an {@link ItemAutoencoder} on training ratings in place, telling a {@link Listener} of
 * every {@link Checkpoint}. The MovieLens module binds a {@link Factory} making {@link
 * OptimizerTrainer}s; a test or an extension replaces it ({@code Modules.override}) to train
 * otherwise.
 */
@FunctionalInterface
public interface AutoencoderTrainer {
  /**
   * The state at one evaluation point.
   *
   * @param iteration iterations (epochs for Adam) done
   * @param loss the training loss (full-batch; for Adam the sum of the epoch's batch losses)
   * @param trainRmse RMSE of clipped predictions on the training ratings
   * @param testRmse RMSE of clipped predictions on the test ratings
   * @param seconds training time so far, evaluations excluded
   */
  record Checkpoint(
      int iteration, double loss, double trainRmse, double testRmse, double seconds) {}

  /**
   * The outcome of one training run.
   *
   * @param last the final checkpoint
   * @param history every checkpoint, in order
   * @param evaluations loss+gradient evaluations (L-BFGS), steps (RPROP) or batches (Adam)
   * @param secondsPerEvaluation training seconds divided by {@code evaluations}
   * @param stopReason why training ended
   * @param testPredictions the predictions of the test ratings at the last checkpoint, {@code
   *     testPredictions[k]} of {@code testRatings.rating(k)}, unclipped
   */
  record Outcome(
      Checkpoint last, List<Checkpoint> history, long evaluations, double secondsPerEvaluation,
      String stopReason, float[] testPredictions) {
    public Outcome {
      history = List.copyOf(history);
      requireNonNull(testPredictions, "testPredictions is null");
    }
  }

  /** Receives every checkpoint as it happens. */
  @FunctionalInterface
  interface Listener {
    void onCheckpoint(Checkpoint checkpoint);
  }

  /** Makes the trainer of one autoencoder from the run's settings. */
  @FunctionalInterface
  interface Factory {
    AutoencoderTrainer create(TrainingSettings settings);
  }

  /**
   * Trains {@code net} in place.
   *
   * @param net the autoencoder, its input width {@code trainRatings.numUsers()}
   * @param items the number of items (rows) of the rating matrix
   * @param trainRatings the training ratings: the network's input and target, and the train RMSE
   * @param testRatings the held-out ratings, for the test RMSE
   * @param scale the rating scale predictions are clipped to
   * @param listener told about every checkpoint
   * @return the last checkpoint and the history; at least one checkpoint
   */
  Outcome train(
      ItemAutoencoder net, int items, Ratings trainRatings, Ratings testRatings,
      RatingScale scale, Listener listener);
}
