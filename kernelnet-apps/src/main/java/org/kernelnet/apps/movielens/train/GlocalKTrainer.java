package org.kernelnet.apps.movielens.train;

import static java.util.Objects.requireNonNull;

import org.kernelnet.apps.movielens.data.RatingScale;
import org.kernelnet.apps.movielens.data.Ratings;
import org.kernelnet.apps.movielens.model.GlocalK;
import org.kernelnet.apps.movielens.train.GlocalKHistory.Epoch;

/**
 * Trains a {@link GlocalK} model in place, telling a {@link Listener} of every epoch. The MovieLens
 * module binds a {@link Factory} making {@link LbfgsGlocalKTrainer}s; a test or an extension
 * replaces it ({@code Modules.override}) to train otherwise.
 */
public interface GlocalKTrainer {
  /** Receives every epoch as it ends. */
  @FunctionalInterface
  interface Listener {
    void onEpoch(Epoch epoch);
  }

  /**
   * The outcome of one training run, with the kept parameters in the model.
   *
   * @param history the settings, every epoch and the chosen one
   * @param trainRmse RMSE of the kept parameters on the fitted ratings
   * @param testRmse RMSE of the kept parameters on the test ratings
   * @param testPredictions their predictions of the test ratings, {@code testPredictions[k]} of
   *     {@code test.rating(k)}, unclipped
   * @param iterations L-BFGS iterations of both stages
   * @param evaluations loss-and-gradient evaluations of both stages
   * @param seconds training time, RMSE evaluations excluded
   */
  record Outcome(GlocalKHistory history, double trainRmse, double testRmse,
      float[] testPredictions, int iterations, long evaluations, double seconds) {
    public Outcome {
      requireNonNull(history, "history is null");
      requireNonNull(testPredictions, "testPredictions is null");
    }
  }

  /** Makes the trainer of one GLocal-K row from the run's settings. */
  @FunctionalInterface
  interface Factory {
    /**
     * @param settings the epochs, iterations, dot scale and validation fraction
     * @param threads the threads of the pre-training loss's item shards, {@code >= 1}
     * @param history L-BFGS's history size, {@code >= 1}
     */
    GlocalKTrainer create(GlocalKSettings settings, int threads, int history);
  }

  /**
   * Trains {@code model} in place and leaves the chosen fine-tuning epoch's parameters in it.
   *
   * @param train the training ratings, of items below {@code model.items()}
   * @param test the test ratings, predicted once at the end
   * @param scale the scale predictions are clipped to
   * @param seed seeds the choice of the validation ratings
   * @param listener told about every epoch
   */
  Outcome train(GlocalK model, Ratings train, Ratings test, RatingScale scale, long seed,
      Listener listener);
}
