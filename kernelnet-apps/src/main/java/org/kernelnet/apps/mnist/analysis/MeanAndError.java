package org.kernelnet.apps.mnist.analysis;

import static java.util.Objects.requireNonNull;

/**
 * The mean of repeated measurements and its standard error {@code s / sqrt(n)}, where {@code s} is
 * the sample standard deviation with Bessel's correction, {@code s^2 = sum (x_i - mean)^2 / (n -
 * 1)}. One measurement has standard error 0 (nothing to estimate it from).
 *
 * @param mean the arithmetic mean
 * @param standardError {@code s / sqrt(n)}, 0 for {@code n = 1}
 * @param count the number of measurements n
 */
public record MeanAndError(double mean, double standardError, int count) {
  /**
   * Summarises {@code values}.
   *
   * @throws IllegalArgumentException if there are no values or one is not finite
   */
  public static MeanAndError of(double... values) {
    requireNonNull(values, "values is null");
    if (values.length == 0) {
      throw new IllegalArgumentException("need at least one value, got none");
    }
    double sum = 0;
    for (double v : values) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("values must be finite, got " + v);
      }
      sum += v;
    }
    double mean = sum / values.length;
    if (values.length == 1) {
      return new MeanAndError(mean, 0, 1);
    }
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(squares / (values.length - 1));
    return new MeanAndError(mean, sd / Math.sqrt(values.length), values.length);
  }
}
