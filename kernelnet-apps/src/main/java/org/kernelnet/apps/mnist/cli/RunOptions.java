package org.kernelnet.apps.mnist.cli;

import java.util.ArrayList;
import java.util.List;
import org.kernelnet.apps.cli.ConfigurationException;
import org.kernelnet.apps.mnist.RunSettings;
import org.kernelnet.apps.mnist.data.ValidationSplit;
import picocli.CommandLine.Option;

/**
 * The options every {@code mnist} experiment shares (a picocli mixin): seed, quick mode, the sizes
 * of the training and validation sets and how the validation set is chosen.
 */
public final class RunOptions {
  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Seed of the validation split, the initialisation and the batch order; run r of"
          + " a repeated experiment uses seed + r (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(
      names = "--quick",
      description = "A small smoke run of about a minute: " + RunSettings.QUICK_TRAIN
          + " training and " + RunSettings.QUICK_VALIDATION + " validation images, fewer epochs and"
          + " configurations; options given explicitly still apply.")
  private boolean quick;

  @Option(
      names = "--train-size",
      paramLabel = "N",
      description = "Use only the first N training images after the split, N >= 1 (default: all,"
          + " or " + RunSettings.QUICK_TRAIN + " with --quick).")
  private Integer trainSize;

  @Option(
      names = "--validation-size",
      paramLabel = "N",
      description = "Images carved from the 60,000 training images for validation; 0 for none:"
          + " train on all of them, the final fit once the settings are chosen on validation"
          + " (dimensionality needs at least 1) (default: " + RunSettings.VALIDATION + ", or "
          + RunSettings.QUICK_VALIDATION + " with --quick).")
  private Integer validationSize;

  @Option(
      names = "--validation-split",
      defaultValue = "random",
      description = "How the validation images are chosen: random, drawn by the seed; or block, a"
          + " contiguous block of the training file at an offset drawn by the seed, which shares"
          + " fewer writers with the training images, as the test set shares none (default:"
          + " ${DEFAULT-VALUE}).")
  private ValidationSplit validationSplit;

  /** Whether {@code --quick} was given. */
  public boolean quick() {
    return quick;
  }

  /**
   * The settings, with quick-mode defaults for what was not given.
   *
   * @throws ConfigurationException if {@code --train-size} is below 1, with the other problems of
   *     the settings (those of the experiment's own options are then reported on the next run)
   */
  public RunSettings settings() {
    int train = trainSize != null ? trainSize : quick ? RunSettings.QUICK_TRAIN : 0;
    int validation = validationSize != null ? validationSize
        : quick ? RunSettings.QUICK_VALIDATION : RunSettings.VALIDATION;
    RunSettings settings = new RunSettings(seed, quick, train, validation, validationSplit);
    if (trainSize != null && trainSize < 1) {
      // the settings record says "all" with 0, so an explicit 0 is refused here
      List<String> problems = new ArrayList<>();
      problems.add("--train-size must be >= 1 (leave it out to train on all the images left after"
          + " the validation split), got " + trainSize);
      problems.addAll(settings.problems());
      throw new ConfigurationException(problems);
    }
    return settings;
  }
}
