package org.kernelnet.apps.mnist;

import java.util.List;

/** Range checks that add one message per bad option to a list, for the configuration records. */
final class Checks {
  private Checks() {}

  static void range(List<String> problems, String option, long value, long min, long max) {
    if (value < min || value > max) {
      problems.add(option + " must be in " + min + ".." + max + ", got " + value);
    }
  }

  static void positive(List<String> problems, String option, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      problems.add(option + " must be a finite number > 0, got " + value);
    }
  }

  static void nonNegative(List<String> problems, String option, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      problems.add(option + " must be a finite number >= 0, got " + value);
    }
  }

  /** A probability such as a dropout rate, in {@code [0, 1)}. */
  static void rate(List<String> problems, String option, double value) {
    if (!(value >= 0 && value < 1)) {
      problems.add(option + " must be in [0, 1), got " + value);
    }
  }

  /** The optimisation options every training experiment has. */
  static void training(List<String> problems, int epochs, int batchSize, double learningRate,
      double weightDecay) {
    range(problems, "--epochs", epochs, 1, 10_000);
    range(problems, "--batch-size", batchSize, 1, 60_000);
    positive(problems, "--lr", learningRate);
    nonNegative(problems, "--weight-decay", weightDecay);
  }
}
