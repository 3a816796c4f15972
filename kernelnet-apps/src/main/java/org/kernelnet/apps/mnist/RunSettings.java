package org.kernelnet.apps.mnist;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.kernelnet.apps.mnist.data.MnistData;
import org.kernelnet.apps.mnist.data.ValidationSplit;

/**
 * The settings every {@code mnist} experiment shares; part of each experiment's configuration
 * record, which reports {@link #problems()} together with its own.
 *
 * @param seed the base seed (validation split, initialisation, batch order)
 * @param quick whether this is a quick smoke run
 * @param trainSize the number of training images used, 0 for all that remain after the split (the
 *     option itself refuses 0: {@link org.kernelnet.apps.mnist.cli.RunOptions} stands for "all" by
 *     leaving it out)
 * @param validationSize the number of images carved from the training set for validation; 0 trains
 *     on all 60,000 (the final fit once the settings are chosen), with no validation accuracy
 * @param validationSplit how the validation images are chosen
 */
public record RunSettings(long seed, boolean quick, int trainSize, int validationSize,
    ValidationSplit validationSplit) {
  /** Validation images by default. */
  public static final int VALIDATION = 10_000;
  /** Training images in quick mode. */
  public static final int QUICK_TRAIN = 5_000;
  /** Validation images in quick mode. */
  public static final int QUICK_VALIDATION = 2_000;

  /** Checks only presence; ranges are reported by {@link #problems()}. */
  public RunSettings {
    requireNonNull(validationSplit, "validationSplit is null");
  }

  /** Every out-of-range setting, one message each naming the value and the valid range. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (validationSize < 0 || validationSize >= MnistData.TRAIN_SIZE) {
      problems.add("--validation-size must be in 0.." + (MnistData.TRAIN_SIZE - 1) + ", got "
          + validationSize);
    } else if (trainSize < 0 || trainSize > MnistData.TRAIN_SIZE - validationSize) {
      problems.add("--train-size must be in 1.." + (MnistData.TRAIN_SIZE - validationSize)
          + " (the images left after the validation split), got " + trainSize);
    }
    return problems;
  }
}
