package org.kernelnet.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/**
 * {@link Distances#affineOfSquared} against hand-computed values and gradients: {@code U = [(1, 0),
 * (0, 2)]}, {@code V = [(1, 1), (0, 0), (3, 0)]}, {@code ||u_i - v_j||^2 = [[1, 1, 4], [2, 4, 13]]}.
 */
class DistancesTest {
  private static final double[][] U = {{1, 0}, {0, 2}};
  private static final double[][] V = {{1, 1}, {0, 0}, {3, 0}};
  private static final double[][] D2 = {{1, 1, 4}, {2, 4, 13}};

  @Test
  void affineOfSquaredIsBPlusATimesTheSquaredDistance() {
    double a = -0.5;
    double b = 2;
    try (NDManager manager = NDManager.newBaseManager()) {
      double[] got = Distances.affineOfSquared(Grams.matrix(manager, U, DataType.FLOAT64),
          Grams.matrix(manager, V, DataType.FLOAT64), a, b).toDoubleArray();
      for (int i = 0; i < 2; i++) {
        for (int j = 0; j < 3; j++) {
          assertThat(got[i * 3 + j]).as("(%d, %d)", i, j).isCloseTo(b + a * D2[i][j], within(1e-12));
        }
      }
    }
  }

  /**
   * {@code S = sum_ij C_ij (b + a ||u_i - v_j||^2)} has {@code dS/du_i = 2a sum_j C_ij (u_i - v_j)}
   * and {@code dS/dv_j = -2a sum_i C_ij (u_i - v_j)}: the gradients through the augmented product.
   */
  @Test
  void gradientsAreThoseOfTheSquaredDistance() {
    double a = 1.5;
    double[][] c = {{1, -2, 0.5}, {3, 0.25, -1}};
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray u = Grams.matrix(manager, U, DataType.FLOAT64);
      NDArray v = Grams.matrix(manager, V, DataType.FLOAT64);
      u.setRequiresGradient(true);
      v.setRequiresGradient(true);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        collector.backward(Distances.affineOfSquared(u, v, a, 0.25)
            .mul(Grams.matrix(manager, c, DataType.FLOAT64)).sum());
      }
      double[] du = u.getGradient().toDoubleArray();
      double[] dv = v.getGradient().toDoubleArray();
      for (int k = 0; k < 2; k++) {
        for (int i = 0; i < 2; i++) {
          double expected = 0;
          for (int j = 0; j < 3; j++) {
            expected += 2 * a * c[i][j] * (U[i][k] - V[j][k]);
          }
          assertThat(du[i * 2 + k]).as("du[%d][%d]", i, k).isCloseTo(expected, within(1e-12));
        }
        for (int j = 0; j < 3; j++) {
          double expected = 0;
          for (int i = 0; i < 2; i++) {
            expected -= 2 * a * c[i][j] * (U[i][k] - V[j][k]);
          }
          assertThat(dv[j * 2 + k]).as("dv[%d][%d]", j, k).isCloseTo(expected, within(1e-12));
        }
      }
    }
  }
}
