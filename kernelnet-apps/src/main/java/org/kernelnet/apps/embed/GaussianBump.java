package org.kernelnet.apps.embed;

/**
 * Artificial activations of the embedding layer for Figure 6 of Mueller et al. 2018: a Gaussian bump
 * on the {@code rows x cols} grid of output units, fed to the decoder half of an autoencoder in
 * place of the activations of a real input.
 *
 * <p>In grid-index coordinates (unit k = r * cols + c sits at row r, column c, the order of {@link
 * org.kernelnet.djl.nn.Locations#grid}), the bump centred at {@code (r0, c0)} with width sigma and
 * height h is
 *
 * <pre>b_k = h * exp(-((r - r0)^2 + (c - c0)^2) / (2 sigma^2))</pre>
 *
 * <p>a {@code [rows * cols]} vector. The centre need not be a grid point.
 */
public final class GaussianBump {
  private GaussianBump() {}

  /**
   * One bump.
   *
   * @param rows grid rows, {@code >= 1}
   * @param cols grid columns, {@code >= 1}
   * @param centreRow r0 (any finite value)
   * @param centreCol c0 (any finite value)
   * @param sigma the width in grid cells, finite and {@code > 0}
   * @param height the peak value h, finite
   * @return {@code [rows * cols]} row-major
   */
  public static float[] of(
      int rows, int cols, double centreRow, double centreCol, double sigma, double height) {
    if (rows < 1 || cols < 1) {
      throw new IllegalArgumentException("grid must be at least 1 x 1, got " + rows + " x " + cols);
    }
    if (!Double.isFinite(centreRow) || !Double.isFinite(centreCol)) {
      throw new IllegalArgumentException(
          "bump centre must be finite, got (" + centreRow + ", " + centreCol + ")");
    }
    if (!(sigma > 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("bump sigma must be a finite number > 0, got " + sigma);
    }
    if (!Double.isFinite(height)) {
      throw new IllegalArgumentException("bump height must be finite, got " + height);
    }
    float[] bump = new float[rows * cols];
    double twoSigmaSquared = 2 * sigma * sigma;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        double d2 = (r - centreRow) * (r - centreRow) + (c - centreCol) * (c - centreCol);
        bump[r * cols + c] = (float) (height * Math.exp(-d2 / twoSigmaSquared));
      }
    }
    return bump;
  }

  /**
   * {@code n} evenly spaced values from {@code from} to {@code to} inclusive (the bump centres along
   * one axis of a traversal window); for {@code n = 1} the midpoint.
   *
   * @param n {@code >= 1}
   */
  public static double[] steps(double from, double to, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1, got " + n);
    }
    if (!Double.isFinite(from) || !Double.isFinite(to)) {
      throw new IllegalArgumentException("range must be finite, got " + from + " .. " + to);
    }
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = n == 1 ? (from + to) / 2 : from + (to - from) * i / (n - 1);
    }
    return values;
  }
}
