package org.kernelnet.apps.movielens.train;

import java.util.Locale;

/**
 * How GLocal-K is trained (its autoencoder's regularisation is in the {@code AutoencoderSpec}):
 * {@code pretrainingEpochs} epochs of at most {@code pretrainingIterations} L-BFGS iterations on
 * the local autoencoder, then {@code fineTuningEpochs} epochs of at most {@code
 * fineTuningIterations} on the autoencoder with the global kernel, the L-BFGS history restarting
 * every epoch (the authors' code calls scipy's L-BFGS-B once per epoch). The fine-tuning epoch
 * whose parameters are kept is the one with the lowest RMSE on {@code validationFraction} of the
 * training ratings, which are held out of training for that.
 *
 * @param pretrainingEpochs pre-training epochs, {@code >= 0} (the authors: 30 on ML-100K)
 * @param pretrainingIterations L-BFGS iterations per pre-training epoch, {@code >= 1} (5)
 * @param fineTuningEpochs fine-tuning epochs, {@code >= 1} (60)
 * @param fineTuningIterations L-BFGS iterations per fine-tuning epoch, {@code >= 1} (5)
 * @param dotScale the factor of the global kernel's dot product, finite (1)
 * @param validationFraction the fraction of the training ratings held out to choose the
 *     fine-tuning epoch, in {@code (0, 1)}
 */
public record GlocalKSettings(
    int pretrainingEpochs,
    int pretrainingIterations,
    int fineTuningEpochs,
    int fineTuningIterations,
    double dotScale,
    double validationFraction) {

  /**
   * @throws IllegalArgumentException naming every value if one is out of its range
   */
  public GlocalKSettings {
    if (pretrainingEpochs < 0 || pretrainingIterations < 1 || fineTuningEpochs < 1
        || fineTuningIterations < 1 || !Double.isFinite(dotScale)
        || !(validationFraction > 0 && validationFraction < 1)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "GLocal-K needs pre-training"
              + " epochs >= 0, iterations per epoch >= 1, fine-tuning epochs and iterations >= 1,"
              + " a finite dot scale and a validation fraction in (0, 1), got %d, %d, %d, %d, %s,"
              + " %s", pretrainingEpochs, pretrainingIterations, fineTuningEpochs,
          fineTuningIterations, dotScale, validationFraction));
    }
  }
}
