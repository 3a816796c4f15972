package org.kernelnet.apps.movielens.train;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How GLocal-K was trained on one split, as the results record it: the settings, the ratings it
 * fitted and those it held out for validation, every epoch of both stages, and the fine-tuning
 * epoch whose parameters were kept (the lowest validation RMSE; the earliest of equal ones).
 *
 * @param settings the epochs, iterations per epoch, dot scale and validation fraction
 * @param fitRatings the training ratings the model was fitted to (its input and target)
 * @param validationRatings the training ratings held out to choose the epoch
 * @param pretraining one entry per pre-training epoch
 * @param fineTuning one entry per fine-tuning epoch; the validation RMSE curve
 * @param chosenEpoch the kept fine-tuning epoch, from 1
 * @param chosenValidationRmse its validation RMSE
 * @param pretrainingSecondsPerEvaluation training seconds per loss-and-gradient evaluation in
 *     pre-training (NaN for no pre-training)
 * @param fineTuningSecondsPerEvaluation the same in fine-tuning
 */
public record GlocalKHistory(
    GlocalKSettings settings,
    int fitRatings,
    int validationRatings,
    List<Epoch> pretraining,
    List<Epoch> fineTuning,
    int chosenEpoch,
    double chosenValidationRmse,
    double pretrainingSecondsPerEvaluation,
    double fineTuningSecondsPerEvaluation) {

  public GlocalKHistory {
    requireNonNull(settings, "settings is null");
    pretraining = List.copyOf(pretraining);
    fineTuning = List.copyOf(fineTuning);
  }

  /** The two stages of GLocal-K's training. */
  public enum Stage {
    /** The local kernel autoencoder alone. */
    PRETRAINING,
    /** The autoencoder with the global kernel. */
    FINE_TUNING
  }

  /**
   * The state after one epoch (one L-BFGS run).
   *
   * @param stage the stage
   * @param epoch the epoch of the stage, from 1
   * @param iterations the L-BFGS iterations of the epoch
   * @param evaluations the loss-and-gradient evaluations of the epoch
   * @param loss the training loss at the epoch's end
   * @param trainRmse RMSE of clipped predictions on the fitted ratings
   * @param validationRmse RMSE of clipped predictions on the validation ratings
   * @param seconds training time of the split so far, both stages, RMSE evaluations excluded
   * @param stopReason why the epoch's L-BFGS run ended
   */
  public record Epoch(
      Stage stage, int epoch, int iterations, int evaluations, double loss, double trainRmse,
      double validationRmse, double seconds, String stopReason) {
    public Epoch {
      requireNonNull(stage, "stage is null");
    }
  }
}
