package org.kernelnet.apps.mnist.data;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.kernelnet.apps.report.DataFile;

/**
 * The data of one MNIST experiment: a validation set carved from the 60,000 training images by a
 * seeded split, random or a block ({@link MnistSet#split(int, long, ValidationSplit)}), the rest
 * for training (optionally only its first {@code trainSize} images, for quick runs), and the
 * official 10,000 test images, used only for the final number. Images are {@code [N, 784]} in
 * {@code [0, 1]}.
 *
 * @param train the training images
 * @param validation the validation images (model and hyper-parameter selection)
 * @param validationSplit how they were chosen
 * @param test the official test images
 * @param files the four MNIST files with their SHA-256, for provenance
 */
public record ExperimentData(MnistSet train, MnistSet validation, ValidationSplit validationSplit,
    MnistSet test, List<DataFile> files) {
  /** Validates and copies. */
  public ExperimentData {
    requireNonNull(train, "train is null");
    requireNonNull(validation, "validation is null");
    requireNonNull(validationSplit, "validationSplit is null");
    requireNonNull(test, "test is null");
    files = List.copyOf(files);
  }

  /**
   * Loads the images from {@code source} and splits the training images.
   *
   * @param validationSize images held out of training, {@code 0..} the training images {@code - 1}
   * @param trainSize images kept for training, up to those left after the split; 0 for all of them
   * @param splitSeed the seed of the split
   * @param way how the validation images are chosen
   * @throws IOException if a file is missing or malformed (the message names it)
   */
  public static ExperimentData load(MnistSource source, int validationSize, int trainSize,
      long splitSeed, ValidationSplit way) throws IOException {
    requireNonNull(source, "source is null");
    List<DataFile> files = source.files();
    MnistSet.Split split = source.train().split(validationSize, splitSeed, way);
    int available = split.train().size();
    if (trainSize < 0 || trainSize > available) {
      throw new IllegalArgumentException(
          "train size must be in 0.." + available + " (0 = all), got " + trainSize);
    }
    MnistSet train = trainSize == 0 ? split.train() : split.train().head(trainSize);
    return new ExperimentData(train, split.validation(), way, source.test(), files);
  }

  /** One line for the log, e.g. {@code train 50000, validation 10000 (block), test 10000 images}. */
  public String describe() {
    String way =
        validation.size() > 0 ? " (" + validationSplit.name().toLowerCase(Locale.ROOT) + ")" : "";
    return "train " + train.size() + ", validation " + validation.size() + way + ", test "
        + test.size() + " images";
  }
}
