package org.kernelnet.apps.movielens;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import java.util.List;
import java.util.stream.Stream;
import org.kernelnet.apps.movielens.train.GlocalKSettings;

/**
 * The GLocal-K options of {@code kernelnet movielens}, each null where it was left out; {@link
 * #resolve} fills in the data set's {@link GlocalKDefaults}. ({@code lambda_2} and {@code
 * lambda_s} are {@code --lambda2} and {@code --lambda0}, shared with the other models.)
 *
 * @param pretrainingEpochs {@code --pretraining-epochs}
 * @param pretrainingIterations {@code --pretraining-iterations}
 * @param fineTuningEpochs {@code --fine-tuning-epochs}
 * @param fineTuningIterations {@code --fine-tuning-iterations}
 * @param dotScale {@code --dot-scale}
 * @param validationFraction {@code --epoch-validation}
 */
public record GlocalKOverrides(
    Integer pretrainingEpochs,
    Integer pretrainingIterations,
    Integer fineTuningEpochs,
    Integer fineTuningIterations,
    Double dotScale,
    Double validationFraction) {

  /** No option given. */
  public static final GlocalKOverrides NONE =
      new GlocalKOverrides(null, null, null, null, null, null);

  /** Whether any option was given. */
  boolean any() {
    return Stream.of(pretrainingEpochs, pretrainingIterations, fineTuningEpochs,
        fineTuningIterations, dotScale, validationFraction).anyMatch(v -> v != null);
  }

  /**
   * The settings: each option given, else the data set's default; with {@code quick}, at most
   * {@link GlocalKDefaults#QUICK_EPOCHS} epochs per stage unless the epochs are given.
   *
   * @param problems receives a line for every option out of its range
   * @return the settings, or null if a problem was added
   */
  GlocalKSettings resolve(GlocalKDefaults defaults, boolean quick, List<String> problems) {
    requireNonNull(defaults, "defaults is null");
    int before = problems.size();
    int preEpochs = epochs(pretrainingEpochs, defaults.pretrainingEpochs(), quick);
    int fineEpochs = epochs(fineTuningEpochs, defaults.fineTuningEpochs(), quick);
    int preIterations = requireNonNullElse(pretrainingIterations, defaults.pretrainingIterations());
    int fineIterations = requireNonNullElse(fineTuningIterations, defaults.fineTuningIterations());
    double scale = requireNonNullElse(dotScale, defaults.dotScale());
    double held = requireNonNullElse(validationFraction, GlocalKDefaults.VALIDATION_FRACTION);
    if (preEpochs < 0) {
      problems.add("--pretraining-epochs must be >= 0, got " + preEpochs);
    }
    if (preIterations < 1) {
      problems.add("--pretraining-iterations must be >= 1, got " + preIterations);
    }
    if (fineEpochs < 1) {
      problems.add("--fine-tuning-epochs must be >= 1, got " + fineEpochs);
    }
    if (fineIterations < 1) {
      problems.add("--fine-tuning-iterations must be >= 1, got " + fineIterations);
    }
    if (!Double.isFinite(scale)) {
      problems.add("--dot-scale must be a finite number, got " + scale);
    }
    if (!(held > 0 && held < 1)) {
      problems.add("--epoch-validation must be in (0, 1), got " + held);
    }
    if (problems.size() > before) {
      return null;
    }
    return new GlocalKSettings(preEpochs, preIterations, fineEpochs, fineIterations, scale, held);
  }

  private static int epochs(Integer given, int published, boolean quick) {
    if (given != null) {
      return given;
    }
    return quick ? Math.min(published, GlocalKDefaults.QUICK_EPOCHS) : published;
  }
}
