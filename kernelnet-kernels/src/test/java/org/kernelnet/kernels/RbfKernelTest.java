package org.kernelnet.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;
import org.kernelnet.api.Scalars;

/**
 * {@link RbfKernel#gram}'s shifted, clamped product form against the values it must keep: the float
 * rounding of the closed form where {@code exp} is normal, subnormal and 0, and the values and
 * gradients of the direct form {@code exp(-gamma D2)} on the grid-prior network's locations.
 */
class RbfKernelTest {
  /**
   * {@code u = 0}, {@code v_k = (sqrt(k), 0)}, gamma 1: the exponents are exactly {@code -k} for
   * {@code k = 0..120}, which crosses float32's normal ({@code k <= 87}), subnormal ({@code 88..103})
   * and zero ({@code >= 104}) results of {@code exp}.
   */
  @Test
  void float32ValuesAreTheRoundedClosedFormIncludingSubnormalsAndZeros() {
    int count = 121;
    float[] v = new float[2 * count];
    for (int k = 0; k < count; k++) {
      v[2 * k] = (float) Math.sqrt(k);
    }
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray u = manager.zeros(new Shape(1, 2));
      float[] gram = new RbfKernel(1).gram(u, manager.create(v, new Shape(count, 2))).toFloatArray();
      for (int k = 0; k < count; k++) {
        double d2 = (double) v[2 * k] * v[2 * k];
        float expected = (float) Math.exp(-d2);
        // exponents rounded to float32 (ulp 2^-17 at 100): relative 1e-5, at least one subnormal step
        assertThat(gram[k]).as("k = %d", k)
            .isCloseTo(expected, within(Math.max(1e-5f * expected, Float.MIN_VALUE)));
      }
      assertThat(gram[87]).isGreaterThanOrEqualTo(Float.MIN_NORMAL);
      assertThat(gram[100]).isPositive().isLessThan(Float.MIN_NORMAL);
      assertThat(gram[104]).isZero();
      assertThat(gram[120]).isZero();
    }
  }

  /** Far beyond float32's range of exp the float64 values are still the closed form. */
  @Test
  void float64KeepsItsOwnRange() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray u = manager.zeros(new Shape(1, 2), DataType.FLOAT64);
      NDArray v = manager.create(new double[] {0, 20, 0, 26}, new Shape(2, 2));
      double[] gram = new RbfKernel(1).gram(u, v).toDoubleArray();
      assertThat(gram[0]).isCloseTo(Math.exp(-400), within(1e-12 * Math.exp(-400)));
      assertThat(gram[1]).isCloseTo(Math.exp(-676), within(1e-12 * Math.exp(-676)));
    }
  }

  /**
   * On the 28 x 28 pixel grid against 300 output locations drawn as the grid-prior network draws
   * them ({@code N(0, 7.8^2)}), gamma 0.5, float32, against the direct form {@code exp(-gamma
   * relu(|u|^2 + |v|^2 - 2 u.v))}: both round {@code |u|^2 + |v|^2} (up to about 1300 here), so
   * both are within 3e-5 of the closed form in double precision, the product form no further than
   * the direct one; the gradients with respect to u and v agree to 2e-5 of their largest entry.
   */
  @Test
  void matchesTheDirectFormInValuesAndGradients() {
    double gamma = 0.5;
    Engine.getInstance().setRandomSeed(11);
    try (NDManager manager = NDManager.newBaseManager()) {
      float[] grid = new float[2 * 784];
      for (int p = 0; p < 784; p++) {
        grid[2 * p] = p / 28 - 13.5f;
        grid[2 * p + 1] = p % 28 - 13.5f;
      }
      NDArray u = manager.create(grid, new Shape(784, 2));
      NDArray v = manager.randomNormal(0f, 7.8f, new Shape(300, 2), DataType.FLOAT32);
      NDArray upstream = manager.randomNormal(new Shape(784, 300));
      Result shifted = valueAndGradients(u, v, upstream, (a, b) -> new RbfKernel(gamma).gram(a, b));
      Result direct = valueAndGradients(u, v, upstream, (a, b) -> {
        NDArray d2 = Distances.squaredEuclidean(a, b);
        return d2.mul(Scalars.like(d2, -gamma)).exp();
      });
      float[] vs = v.toFloatArray();
      double shiftedError = 0;
      double directError = 0;
      for (int i = 0; i < 784; i++) {
        for (int j = 0; j < 300; j++) {
          double dx = grid[2 * i] - vs[2 * j];
          double dy = grid[2 * i + 1] - vs[2 * j + 1];
          double exact = Math.exp(-gamma * (dx * dx + dy * dy));
          shiftedError = Math.max(shiftedError, Math.abs(shifted.k[i * 300 + j] - exact));
          directError = Math.max(directError, Math.abs(direct.k[i * 300 + j] - exact));
        }
      }
      assertThat(shiftedError).isLessThan(3e-5).isLessThanOrEqualTo(directError);
      assertThat(directError).isLessThan(3e-5);
      assertClose(shifted.du, direct.du, "dL/du");
      assertClose(shifted.dv, direct.dv, "dL/dv");
    }
  }

  private record Result(float[] k, float[] du, float[] dv) {}

  private static Result valueAndGradients(NDArray u0, NDArray v0, NDArray upstream,
      BinaryOperator<NDArray> gram) {
    NDArray u = u0.duplicate();
    NDArray v = v0.duplicate();
    u.setRequiresGradient(true);
    v.setRequiresGradient(true);
    float[] k;
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDArray value = gram.apply(u, v);
      k = value.toFloatArray();
      collector.backward(value.mul(upstream).sum());
    }
    return new Result(k, u.getGradient().toFloatArray(), v.getGradient().toFloatArray());
  }

  private static void assertClose(float[] actual, float[] expected, String what) {
    double scale = 0;
    for (float e : expected) {
      scale = Math.max(scale, Math.abs(e));
    }
    assertThat(scale).as(what).isPositive();
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i]).as("%s[%d]", what, i)
          .isCloseTo(expected[i], within((float) (2e-5 * scale)));
    }
  }
}
