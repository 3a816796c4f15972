package org.kernelnet.apps.train;

/**
 * How the losses {@code l_s} of an epoch's steps (each the mean over its batch of {@code n_s}
 * examples, as a float) make the epoch's training loss. Sums are accumulated in double precision,
 * step by step.
 */
public enum EpochLoss {
  /** {@code sum_s l_s / S}: every step counts the same, a short last batch included. */
  MEAN_OVER_STEPS,
  /** {@code sum_s (float) (l_s n_s) / sum_s n_s}: the mean over the examples. */
  MEAN_OVER_EXAMPLES,
  /** {@code sum_s l_s}: for losses whose batch terms add up to the full-data objective. */
  SUM_OVER_STEPS;

  /** What one step adds to the epoch's sum. */
  double term(float stepLoss, int examples) {
    return this == MEAN_OVER_EXAMPLES ? stepLoss * examples : stepLoss;
  }

  /** The epoch's loss from its sum, steps and examples. */
  double value(double sum, int steps, long examples) {
    return switch (this) {
      case MEAN_OVER_STEPS -> sum / steps;
      case MEAN_OVER_EXAMPLES -> sum / examples;
      case SUM_OVER_STEPS -> sum;
    };
  }
}
