package org.kernelnet.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kernelnet.api.LayerMatrices;
import org.kernelnet.api.SparsityRegularizer;

/**
 * The built-in regularisers on {@code M = [[1, -2, 0], [0.5, 3, -1]]}: {@code sum M^2 = 15.25}, {@code
 * sum M = 1.5}.
 */
class BuiltinRegularizersTest {
  private NDManager manager;
  private NDArray m;

  @BeforeEach
  void setUp() {
    manager = NDManager.newBaseManager();
    m = Grams.matrix(manager, new double[][] {{1, -2, 0}, {0.5, 3, -1}}, DataType.FLOAT32);
  }

  @AfterEach
  void tearDown() {
    manager.close();
  }

  @Test
  void l2IsHalfLambdaTimesTheSumOfSquaredDenseWeights() {
    assertPenalty(new L2Regularizer(0.2), LayerMatrices.ofDense(m), 0.1 * 15.25);
  }

  @Test
  void kernelOverlapIsLambdaTimesTheSumOfSquaredKernelEntries() {
    assertPenalty(new KernelOverlapRegularizer(0.2), LayerMatrices.ofKernel(m), 0.2 * 15.25);
  }

  @Test
  void kernelLinearIsLambdaTimesTheSumOfKernelEntries() {
    assertPenalty(new KernelLinearRegularizer(0.2), LayerMatrices.ofKernel(m), 0.2 * 1.5);
  }

  @Test
  void eachRegularizerReadsItsOwnMatrixOnly() {
    NDArray other = m.mul(10);
    LayerMatrices both = new LayerMatrices(m, other);
    assertPenalty(new L2Regularizer(1), both, 0.5 * 1525);
    assertPenalty(new KernelOverlapRegularizer(1), both, 15.25);
    assertPenalty(new KernelLinearRegularizer(1), both, 1.5);
  }

  @Test
  void zeroLambdaGivesZero() {
    assertPenalty(new KernelOverlapRegularizer(0), LayerMatrices.ofKernel(m), 0);
  }

  @Test
  void penaltiesAreDifferentiable() {
    // d/dM of 0.2 sum M^2 is 0.4 M.
    m.setRequiresGradient(true);
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      collector.backward(new KernelOverlapRegularizer(0.2).penalty(LayerMatrices.ofKernel(m)));
    }
    assertThat(m.getGradient().toFloatArray()).usingComparatorWithPrecision(1e-6f)
        .containsExactly(0.4f, -0.8f, 0f, 0.2f, 1.2f, -0.4f);
  }

  @Test
  void squaredPenaltiesHaveGradientZeroNotNaNAtAZeroMatrix() {
    // both are taken through the norm, whose own gradient x / ||x|| is 0 / 0 at x = 0
    NDArray zero = m.zerosLike();
    zero.setRequiresGradient(true);
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      collector.backward(new L2Regularizer(3).penalty(LayerMatrices.ofDense(zero))
          .add(new KernelOverlapRegularizer(0.2).penalty(LayerMatrices.ofKernel(zero))));
    }
    assertThat(zero.getGradient().toFloatArray()).containsOnly(0f);
  }

  @Test
  void l2GradientIsLambdaTimesTheWeights() {
    m.setRequiresGradient(true);
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      collector.backward(new L2Regularizer(3).penalty(LayerMatrices.ofDense(m)));
    }
    float[] expected = m.mul(3).toFloatArray();
    assertThat(m.getGradient().toFloatArray()).usingComparatorWithPrecision(1e-5f)
        .containsExactly(expected);
  }

  @Test
  void missingMatrixIsReportedWithTheRegularizerName() {
    assertThatThrownBy(() -> new L2Regularizer(1).penalty(LayerMatrices.ofKernel(m)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Regularizer 'l2' needs the layer's dense weights, but the layer has none");
    assertThatThrownBy(() -> new KernelOverlapRegularizer(1).penalty(LayerMatrices.ofDense(m)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Regularizer 'kernel-overlap' needs the layer's kernel matrix, but the layer has none");
    assertThatThrownBy(() -> new KernelLinearRegularizer(1).penalty(LayerMatrices.ofDense(m)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Regularizer 'kernel-linear' needs the layer's kernel matrix, but the layer has none");
  }

  @Test
  void negativeLambdaIsRejected() {
    assertThatThrownBy(() -> new L2Regularizer(-1))
        .hasMessage("lambda must be a finite number >= 0, got -1.0");
  }

  private static void assertPenalty(SparsityRegularizer r, LayerMatrices layer, double expected) {
    NDArray p = r.penalty(layer);
    assertThat(p.getShape().dimension()).as("penalty of " + r + " is a scalar").isZero();
    assertThat(p.getDataType()).as("penalty of " + r + " keeps the matrix's data type")
        .isEqualTo(DataType.FLOAT32);
    // the squared penalties are a float32 norm squared: 1e-5, or two ulps where 1e-5 is finer
    // than float32 resolves (762.5 has an ulp of 6.1e-5)
    float tolerance = Math.max(1e-5f, 2 * Math.ulp((float) expected));
    assertThat(p.getFloat()).as(r.toString()).isCloseTo((float) expected, within(tolerance));
  }
}
