package org.kernelnet.djl.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kernelnet.api.LayerMatrices;
import org.kernelnet.djl.TestKernels.BumpKernel;

class KernelMaskedDenseTest {
  /**
   * Inputs on a 2x2 grid at (+-0.5, +-0.5), outputs at (0, -0.5) and (0, 0.5): with the bump kernel
   * max(0, 1 - ||u - v||^2) each input is 0.25 from its near output (K = 0.75) and 1.25 from the far
   * one (K = 0).
   */
  private static final float[] KERNEL = {0.75f, 0, 0, 0.75f, 0.75f, 0, 0, 0.75f};

  private NDManager manager;
  private KernelMaskedDense layer;

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
    layer =
        KernelMaskedDense.builder()
            .setUnits(2)
            .setDimension(2)
            .setKernel(new BumpKernel())
            .optInputLocations(Locations.grid(2, 2, 1.0))
            .optOutputLocations(Locations.grid(1, 2, 1.0))
            .build();
    layer.initialize(manager, DataType.FLOAT32, new Shape(3, 4));
  }

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void effectiveWeightsAreExactlyZeroWhereTheKernelIsZero() {
    float[] w = layer.getParameters().get("weight").getArray().toFloatArray();
    assertThat(layer.getParameters().get("weight").getArray().getShape()).isEqualTo(new Shape(4, 2));
    try (NDManager scope = manager.newSubManager()) {
      ParameterStore store = new ParameterStore(scope, false);
      assertThat(layer.kernelMatrix(store, scope, false).toFloatArray())
          .containsExactly(KERNEL);
      float[] effective = layer.effectiveWeights(store, scope, false).toFloatArray();
      for (int k = 0; k < KERNEL.length; k++) {
        if (KERNEL[k] == 0) {
          assertThat(effective[k]).as("entry %d", k).isEqualTo(0f);
        } else {
          assertThat(w[k]).isNotZero();
          assertThat(effective[k]).isCloseTo(w[k] * 0.75f, within(1e-6f));
        }
      }
      LayerMatrices matrices = layer.layerMatrices(store, scope, false);
      assertThat(matrices.kernel()).isPresent();
      assertThat(matrices.dense().orElseThrow().toFloatArray()).containsExactly(w);

      NDArray x = scope.randomNormal(new Shape(3, 4));
      NDArray y = layer.forward(store, new NDList(x), false).singletonOrThrow();
      NDArray expected =
          x.matMul(scope.create(effective, new Shape(4, 2)))
              .add(layer.getParameters().get("bias").getArray());
      assertThat(y.toFloatArray()).containsExactly(expected.toFloatArray());
    }
  }

  @Test
  void gradientReachesWeightsAndBothLocations() {
    try (NDManager scope = manager.newSubManager()) {
      ParameterStore store = new ParameterStore(scope, false);
      NDArray x = scope.ones(new Shape(3, 4));
      try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
        NDArray y = layer.forward(store, new NDList(x), true).singletonOrThrow();
        collector.backward(y.square().sum());
      }
      float[] gw = layer.getParameters().get("weight").getArray().getGradient().toFloatArray();
      for (int k = 0; k < KERNEL.length; k++) {
        if (KERNEL[k] == 0) {
          assertThat(gw[k]).as("masked entry %d", k).isEqualTo(0f);
        } else {
          assertThat(gw[k]).as("entry %d", k).isNotZero();
        }
      }
      for (String name : new String[] {"u", "v"}) {
        NDArray grad = layer.getParameters().get(name).getArray().getGradient();
        assertThat(grad.abs().sum().getFloat()).as("|grad %s|", name).isGreaterThan(0f);
      }
    }
  }
}
