package org.kernelnet.apps.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kernelnet.djl.complexity.ComplexityReport;
import org.kernelnet.kernels.RbfKernel;

class EmbeddingNetworkTest {
  private static EmbeddingNetwork network() {
    return new EmbeddingNetwork(
        new EmbeddingNetwork.Architecture(6, List.of(8, 9), 5, List.of(7), 3, 0.5),
        new RbfKernel(0.5));
  }

  @Test
  void centreOfMassIsInGridCellsAroundTheMiddle() {
    EmbeddingNetwork net = network();
    try (NDManager manager = NDManager.newBaseManager()) {
      float[] a = new float[2 * 25];
      a[7] = 1; // row 1, col 2 of the 5x5 grid -> (1 - 2, 2 - 2)
      a[25 + 0] = 1; // row 0, col 0 -> (-2, -2), with weight 1 ...
      a[25 + 24] = 3; // ... and row 4, col 4 -> (2, 2), weight 3: centre (1, 1)
      float[] c = net.centres(manager.create(a, new Shape(2, 25))).toFloatArray();

      assertThat(c).containsExactly(new float[] {-1, 0, 1, 1}, within(1e-6f));
    }
  }

  @Test
  void embedsToNonNegativeThresholdedActivationsAndDecodes() {
    EmbeddingNetwork net = network();
    try (NDManager manager = NDManager.newBaseManager()) {
      net.block().setInitializer(new NormalInitializer(0.5f), ai.djl.nn.Parameter.Type.WEIGHT);
      net.block().initialize(manager, DataType.FLOAT32, new Shape(4, 6));
      ParameterStore parameters = new ParameterStore(manager, false);
      NDArray x = manager.randomUniform(0, 1, new Shape(4, 6));

      NDArray a = net.embed(parameters, x, false);
      NDArray y = net.decode(parameters, a, false);

      assertThat(a.getShape()).isEqualTo(new Shape(4, 25));
      assertThat(a.min().getFloat()).isGreaterThanOrEqualTo(0f);
      // Eq. 9 with eta = 0.5 zeroes every unit at or below the mean: at least one per row.
      for (int i = 0; i < 4; i++) {
        float[] row = a.get(i).toFloatArray();
        int zeros = 0;
        for (float v : row) {
          zeros += v == 0 ? 1 : 0;
        }
        assertThat(zeros).isPositive();
      }
      assertThat(y.getShape()).isEqualTo(new Shape(4, 3));
      // Free: encoder 6*8+8, 8*9+9; kernel layer u [9, 2] + alpha [9] + bias [25] (the grid v [25, 2]
      // is fixed); decoder 25*7+7, 7*3+3.
      long expected = 56 + 81 + 18 + 9 + 25 + 182 + 24;
      assertThat(ComplexityReport.of(net.block()).total().freeParameters()).isEqualTo(expected);
    }
  }

  @Test
  void architectureRejectsBadSizes() {
    assertThatThrownBy(() -> new EmbeddingNetwork.Architecture(6, List.of(), 5, List.of(), 3, 0.5))
        .hasMessageContaining("at least one hidden layer");
    assertThatThrownBy(() -> new EmbeddingNetwork.Architecture(6, List.of(4), 1, List.of(), 3, 0.5))
        .hasMessageContaining("grid must be >= 2, got 1");
    assertThatThrownBy(() -> new EmbeddingNetwork.Architecture(6, List.of(4), 5, List.of(), 3, 1.0))
        .hasMessageContaining("eta must be in [0, 1), got 1.0");
  }
}
