package org.kernelnet.djl.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kernelnet.djl.nn.internal.Ridge;
import org.kernelnet.kernels.RbfKernel;

class PredictedWeightLayerTest {
  /** A 4x4 grid of unit spacing: 16 inputs. */
  private static final double[][] GRID = new double[16][];

  static {
    for (int k = 0; k < 16; k++) {
      GRID[k] = new double[] {k / 4, k % 4};
    }
  }

  private NDManager manager;

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  private static PredictedWeightLayer.Builder builder() {
    return PredictedWeightLayer.builder().setUnits(3).setCoordinates(GRID).setKernel(new RbfKernel(1.0));
  }

  @Test
  void ridgeSolvesAKnownSystem() {
    // (K + lambda I) = [[2, 1], [1, 3]] + I = [[3, 1], [1, 4]], inverse = [[4, -1], [-1, 3]] / 11
    double[][] u =
        Ridge.predictor(new double[][] {{1, 0}, {2, 1}}, new double[][] {{2, 1}, {1, 3}}, 1.0);
    assertThat(u[0]).containsExactly(new double[] {4 / 11.0, -1 / 11.0}, within(1e-15));
    assertThat(u[1]).containsExactly(new double[] {7 / 11.0, 1 / 11.0}, within(1e-15));
    assertThatThrownBy(
            () -> Ridge.predictor(new double[][] {{1, 1}}, new double[][] {{1, 1}, {1, 1}}, 0))
        .hasMessageContaining("singular (lambda = 0.0)");
  }

  @Test
  void withEveryInputInAlphaAndATinyRidgeTheDictionaryIsTheIdentity() {
    int[] all = new int[16];
    for (int i = 0; i < 16; i++) {
      all[i] = i;
    }
    PredictedWeightLayer layer = builder().setAlphaIndices(all).optRidge(1e-10).build();
    double[][] u = layer.dictionary();
    for (int i = 0; i < 16; i++) {
      for (int j = 0; j < 16; j++) {
        assertThat(u[i][j]).as("U[%d][%d]", i, j).isCloseTo(i == j ? 1 : 0, within(1e-8));
      }
    }
    assertThat(layer.fractionPredicted()).isEqualTo(0.0);
  }

  @Test
  void predictedWeightsInterpolateTheLearnedRows() {
    PredictedWeightLayer layer = builder().setAlphaSample(5, 42).optRidge(1e-8).build();
    int[] alpha = layer.getAlphaIndices();
    assertThat(alpha).hasSize(5).isSorted().doesNotHaveDuplicates();
    assertThat(java.util.Arrays.stream(alpha).boxed()).allSatisfy(i -> assertThat(i).isBetween(0, 15));
    assertThat(builder().setAlphaSample(5, 42).build().getAlphaIndices()).containsExactly(alpha);
    assertThat(layer.fractionPredicted()).isEqualTo(1 - 5 / 16.0);

    NDArray x = manager.randomNormal(new Shape(2, 16));
    layer.initialize(manager, DataType.FLOAT32, x.getShape());
    ParameterStore store = new ParameterStore(manager, false);
    NDArray y = layer.forward(store, new NDList(x), false).singletonOrThrow();
    assertThat(y.getShape()).isEqualTo(new Shape(2, 3));
    NDArray u = layer.getParameters().get("dictionary").getArray();
    NDArray v = layer.getParameters().get("weight").getArray();
    assertThat(u.getShape()).isEqualTo(new Shape(16, 5));
    assertThat(v.getShape()).isEqualTo(new Shape(5, 3));
    assertThat(layer.getParameters().get("dictionary").requiresGradient()).isFalse();

    NDArray expected = x.matMul(u).matMul(v).add(layer.getParameters().get("bias").getArray());
    assertThat(y.toFloatArray()).containsExactly(expected.toFloatArray());

    try (NDManager scope = manager.newSubManager()) {
      float[] w = layer.effectiveWeights(new ParameterStore(scope, false), scope, false).toFloatArray();
      float[] vs = v.toFloatArray();
      for (int a = 0; a < 5; a++) {
        for (int j = 0; j < 3; j++) {
          assertThat(w[alpha[a] * 3 + j]).as("W[%d][%d]", alpha[a], j)
              .isCloseTo(vs[a * 3 + j], within(1e-4f));
        }
      }
    }
  }

  @Test
  void builderRejectsBadSubsetsAndSettings() {
    assertThatThrownBy(() -> builder().build()).hasMessageContaining("needs the alpha subset");
    assertThatThrownBy(() -> builder().setAlphaIndices(1, 3, 1).build())
        .hasMessage("alpha index 1 is repeated");
    assertThatThrownBy(() -> builder().setAlphaIndices(0, 16).build())
        .hasMessage("alpha index must be in [0, 16), got 16");
    assertThatThrownBy(() -> builder().setAlphaSample(17, 1).build())
        .hasMessage("alpha sample count must be in [1, 16], got 17");
    assertThatThrownBy(() -> builder().setAlphaIndices(0).optRidge(-1).build())
        .hasMessage("ridge must be a finite number >= 0, got -1.0");
    assertThatThrownBy(() -> builder().setUnits(0).setAlphaIndices(0).build())
        .hasMessage("PredictedWeightLayer units must be >= 1, got 0");
    assertThatThrownBy(
            () ->
                builder()
                    .setCoordinates(new double[][] {{0, 0}, {1}})
                    .setAlphaIndices(0)
                    .build())
        .hasMessageContaining("row 0 has 2 and row 1 has 1");
    PredictedWeightLayer layer = builder().setAlphaIndices(0, 1).build();
    assertThatThrownBy(() -> layer.initialize(manager, DataType.FLOAT32, new Shape(2, 15)))
        .hasMessageContaining("[batch, 16]");
  }
}
