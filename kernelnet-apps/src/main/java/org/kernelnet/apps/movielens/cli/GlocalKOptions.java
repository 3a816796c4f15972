package org.kernelnet.apps.movielens.cli;

import org.kernelnet.apps.movielens.GlocalKDefaults;
import org.kernelnet.apps.movielens.GlocalKOverrides;
import picocli.CommandLine.Option;

/**
 * The options of {@code kernelnet movielens --model glocal-k} (a picocli mixin); the configuration
 * builder fills in the data set's {@link GlocalKDefaults} and validates them.
 */
public final class GlocalKOptions {
  private static final String DEFAULTS = "(default: the authors' setting for the data set, ML-1M's"
      + " where there is none";

  @Option(names = "--pretraining-epochs", paramLabel = "N",
      description = "glocal-k: pre-training epochs, 0 for none; each is one L-BFGS run " + DEFAULTS
          + "; ml-100k: 30; --quick: at most " + GlocalKDefaults.QUICK_EPOCHS + ").")
  private Integer pretrainingEpochs;

  @Option(names = "--pretraining-iterations", paramLabel = "N",
      description = "glocal-k: L-BFGS iterations per pre-training epoch, at least 1 " + DEFAULTS
          + "; ml-100k: 5).")
  private Integer pretrainingIterations;

  @Option(names = "--fine-tuning-epochs", paramLabel = "N",
      description = "glocal-k: fine-tuning epochs with the global kernel, at least 1 " + DEFAULTS
          + "; ml-100k: 60; --quick: at most " + GlocalKDefaults.QUICK_EPOCHS + ").")
  private Integer fineTuningEpochs;

  @Option(names = "--fine-tuning-iterations", paramLabel = "N",
      description = "glocal-k: L-BFGS iterations per fine-tuning epoch, at least 1 " + DEFAULTS
          + "; ml-100k: 5).")
  private Integer fineTuningIterations;

  @Option(names = "--dot-scale", paramLabel = "X",
      description = "glocal-k: factor of the global kernel's dot product " + DEFAULTS
          + "; ml-100k: 1).")
  private Double dotScale;

  @Option(names = "--epoch-validation", paramLabel = "F",
      description = "glocal-k: fraction of each split's training ratings held out to choose the"
          + " fine-tuning epoch whose parameters are kept, in (0, 1); the test ratings are"
          + " predicted once, with those parameters (default: "
          + GlocalKDefaults.VALIDATION_FRACTION + ").")
  private Double epochValidation;

  /** The options given, null where left out. */
  GlocalKOverrides overrides() {
    return new GlocalKOverrides(pretrainingEpochs, pretrainingIterations, fineTuningEpochs,
        fineTuningIterations, dotScale, epochValidation);
  }
}
