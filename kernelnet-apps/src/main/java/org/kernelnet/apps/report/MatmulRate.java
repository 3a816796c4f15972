package org.kernelnet.apps.report;

import static java.util.Objects.requireNonNull;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * The machine's single-precision matrix-multiply rate through DJL, the yardstick of the benchmark
 * commands: {@code 2 n^3 / t} FLOP/s of timed {@code [n, n] x [n, n]} products after one untimed
 * product.
 */
public final class MatmulRate {
  private MatmulRate() {}

  /**
   * GFLOP/s of {@code repeats} timed products, each reported to {@code log}.
   *
   * @param device where to multiply
   * @param n the matrix size, {@code >= 1}
   * @param repeats the number of timed products, {@code >= 1}
   */
  public static double[] measure(Device device, int n, int repeats, ProgressLog log) {
    requireNonNull(device, "device is null");
    requireNonNull(log, "log is null");
    if (n < 1 || repeats < 1) {
      throw new IllegalArgumentException("n and repeats must be >= 1, got " + n + ", " + repeats);
    }
    double[] rates = new double[repeats];
    try (NDManager manager = NDManager.newBaseManager(device)) {
      NDArray a = manager.randomNormal(new Shape(n, n));
      NDArray b = manager.randomNormal(new Shape(n, n));
      a.matMul(b).close();
      for (int r = 0; r < repeats; r++) {
        long start = System.nanoTime();
        NDArray c = a.matMul(b);
        c.getFloat(0, 0);
        double seconds = (System.nanoTime() - start) / 1e9;
        c.close();
        rates[r] = 2.0 * n * n * n / seconds / 1e9;
        log.always("matmul %d/%d: %.2f GFLOP/s", r + 1, repeats, rates[r]);
      }
    }
    return rates;
  }

  /** The median (mean of the middle two for an even count). */
  public static double median(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
