package org.kernelnet.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.kernelnet.api.Kernel;

/** Test helper: Gram matrices of a kernel as Java arrays, and comparisons with expected values. */
final class Grams {
  private Grams() {}

  /** A {@code [rows, cols]} NDArray of {@code type} holding {@code values}. */
  static NDArray matrix(NDManager manager, double[][] values, DataType type) {
    int cols = values[0].length;
    double[] flat = new double[values.length * cols];
    for (int i = 0; i < values.length; i++) {
      System.arraycopy(values[i], 0, flat, i * cols, cols);
    }
    return manager.create(flat, new Shape(values.length, cols)).toType(type, false);
  }

  /** {@code kernel.gram(u, v)} computed in {@code type}, returned in double. */
  static double[][] gram(Kernel kernel, double[][] u, double[][] v, DataType type) {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray g = kernel.gram(matrix(manager, u, type), matrix(manager, v, type));
      assertThat(g.getShape().getShape()).containsExactly(u.length, v.length);
      assertThat(g.getDataType()).isEqualTo(type);
      double[] flat = g.toType(DataType.FLOAT64, false).toDoubleArray();
      double[][] out = new double[u.length][v.length];
      for (int i = 0; i < u.length; i++) {
        System.arraycopy(flat, i * v.length, out[i], 0, v.length);
      }
      return out;
    }
  }

  /**
   * Checks {@code gram} in float32 and float64 and {@code evaluate} in double against {@code
   * expected}.
   */
  static void assertKernelValues(Kernel kernel, double[][] u, double[][] v, double[][] expected) {
    double[][] g32 = gram(kernel, u, v, DataType.FLOAT32);
    double[][] g64 = gram(kernel, u, v, DataType.FLOAT64);
    for (int i = 0; i < u.length; i++) {
      for (int j = 0; j < v.length; j++) {
        String at = kernel + " at (" + i + ", " + j + ")";
        double e = expected[i][j];
        assertThat(kernel.evaluate(u[i], v[j])).as("evaluate " + at).isCloseTo(e, within(1e-12 * (1 + Math.abs(e))));
        assertThat(g64[i][j]).as("float64 gram " + at).isCloseTo(e, within(1e-12 * (1 + Math.abs(e))));
        assertThat(g32[i][j]).as("float32 gram " + at).isCloseTo(e, within(1e-6 * (1 + Math.abs(e))));
      }
    }
  }
}
