package org.kernelnet.apps.mnist.model;

import java.util.Random;

/**
 * Coordinates and sizes for the predicted-weight layers of Denil et al. (2013): the positions the
 * squared-exponential kernel compares, the number of learned rows |alpha| for a fraction of
 * predicted weights, and a length scale matched to the density of the learned rows.
 *
 * <p>All coordinates have unit spacing (one point per unit area), so one length-scale rule fits the
 * pixel grid and the hidden-unit grid alike.
 */
public final class Dictionaries {
  private Dictionaries() {}

  /**
   * The row-major grid {@code [rows * cols][2]}: point {@code k = r * cols + c} at {@code (r, c)}
   * (the order of flattened image pixels).
   */
  public static double[][] grid(int rows, int cols) {
    if (rows < 1 || cols < 1) {
      throw new IllegalArgumentException("grid needs rows, cols >= 1, got " + rows + " x " + cols);
    }
    double[][] points = new double[rows * cols][];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        points[r * cols + c] = new double[] {r, c};
      }
    }
    return points;
  }

  /**
   * {@code n} units on the most square exact grid {@code rows x cols = n}, {@code rows <= cols}
   * (20 x 25 for 500; a 1 x n line for a prime n).
   */
  public static double[][] squareGrid(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("need n >= 1 units, got " + n);
    }
    int rows = (int) Math.floor(Math.sqrt(n));
    while (n % rows != 0) {
      rows--;
    }
    return grid(rows, n / rows);
  }

  /** {@code n} points uniform in the square {@code [0, sqrt(n))^2} (unit density), from {@code seed}. */
  public static double[][] random(int n, long seed) {
    if (n < 1) {
      throw new IllegalArgumentException("need n >= 1 units, got " + n);
    }
    Random random = new Random(seed);
    double side = Math.sqrt(n);
    double[][] points = new double[n][];
    for (int i = 0; i < n; i++) {
      points[i] = new double[] {side * random.nextDouble(), side * random.nextDouble()};
    }
    return points;
  }

  /**
   * The number of learned rows |alpha| when a fraction {@code predicted} of an {@code inputs x out}
   * weight matrix is predicted: {@code max(1, round((1 - predicted) inputs))}.
   *
   * @param predicted in {@code [0, 1)}
   */
  public static int learnedRows(int inputs, double predicted) {
    if (inputs < 1) {
      throw new IllegalArgumentException("need inputs >= 1, got " + inputs);
    }
    if (!(predicted >= 0 && predicted < 1)) {
      throw new IllegalArgumentException("fraction predicted must be in [0, 1), got " + predicted);
    }
    return (int) Math.max(1, Math.round((1 - predicted) * inputs));
  }

  /**
   * The length scale {@code l = factor sqrt(inputs / learned)}: the mean spacing of {@code learned}
   * points among {@code inputs} unit-density points, so the kernel interpolates between neighbouring
   * learned rows whatever fraction is predicted.
   */
  public static double lengthScale(int inputs, int learned, double factor) {
    if (learned < 1 || learned > inputs || !(factor > 0)) {
      throw new IllegalArgumentException("need 1 <= learned <= inputs and factor > 0, got learned "
          + learned + ", inputs " + inputs + ", factor " + factor);
    }
    return factor * Math.sqrt((double) inputs / learned);
  }
}
