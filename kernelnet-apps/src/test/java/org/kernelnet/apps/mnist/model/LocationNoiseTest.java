package org.kernelnet.apps.mnist.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.kernelnet.djl.nn.KernelLayer;
import org.kernelnet.djl.nn.KernelLayerStack;
import org.kernelnet.djl.nn.Locations;
import org.kernelnet.kernels.RbfKernel;

class LocationNoiseTest {
  private static KernelLayer layer(Locations inputs) {
    return KernelLayer.builder().setUnits(5).setDimension(2).setKernel(new RbfKernel(0.5))
        .optInputLocations(inputs).optOutputLocations(Locations.normal(1.5)).build();
  }

  @Test
  void evaluationUsesTheLocationsAndTrainingPerturbsThem() {
    Engine.getInstance().setRandomSeed(3);
    try (Model model = Model.newInstance("noise")) {
      KernelLayer inner = layer(Locations.grid(3, 3, 2.0).frozen());
      LocationNoise noisy = new LocationNoise(inner, 0.3);
      model.setBlock(noisy);
      noisy.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(4, 9));
      try (NDManager scope = model.getNDManager().newSubManager()) {
        NDArray x = scope.randomUniform(0f, 1f, new Shape(4, 9));
        ParameterStore store = new ParameterStore(scope, false);

        NDArray plain = inner.forward(store, new NDList(x), false).singletonOrThrow();
        NDArray evaluated = noisy.forward(store, new NDList(x), false).singletonOrThrow();
        NDArray trained1 = noisy.forward(store, new NDList(x), true).singletonOrThrow();
        NDArray trained2 = noisy.forward(store, new NDList(x), true).singletonOrThrow();

        assertThat(evaluated.toFloatArray()).containsExactly(plain.toFloatArray());
        assertThat(trained1.sub(plain).abs().max().getFloat()).isGreaterThan(1e-4f);
        assertThat(trained1.sub(trained2).abs().max().getFloat()).isGreaterThan(1e-4f);
      }
    }
  }

  @Test
  void gradientsFlowToTrainableLocationsAndNothingLeaksIntoTheModel() {
    Engine.getInstance().setRandomSeed(5);
    try (Model model = Model.newInstance("noise")) {
      KernelLayer inner = layer(Locations.normal(1.0));
      LocationNoise noisy = new LocationNoise(inner, 0.1);
      model.setBlock(noisy);
      noisy.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(4, 6));
      Parameter u = inner.getDirectParameters().get("u");
      float[] before = u.getArray().toFloatArray();
      int arrays = -1;
      for (int step = 0; step < 10; step++) {
        try (NDManager scope = model.getNDManager().newSubManager();
            GradientCollector collector = Engine.getInstance().newGradientCollector()) {
          NDArray x = scope.randomUniform(0f, 1f, new Shape(4, 6));
          NDArray y = noisy.forward(new ParameterStore(scope, false), new NDList(x), true)
              .singletonOrThrow();
          collector.backward(y.square().sum());
        }
        int now = model.getNDManager().getManagedArrays().size();
        if (step == 1) {
          arrays = now;
        } else if (step > 1) {
          assertThat(now).as("arrays in the model's manager after step " + step).isEqualTo(arrays);
        }
      }
      assertThat(u.getArray().toFloatArray()).containsExactly(before);
      assertThat(u.getArray().getGradient().abs().sum().getFloat()).isGreaterThan(0f);
    }
  }

  private static KernelLayerStack.Builder stack(Locations inputs) {
    return KernelLayerStack.builder().setLayers(2).setUnits(5).setDimension(2)
        .setKernel(new RbfKernel(0.5)).optInputLocations(inputs)
        .optOutputLocations(Locations.normal(1.5));
  }

  @Test
  void eachLayerOfAStackGetsItsOwnNoiseAndTheGridStaysFixed() {
    Engine.getInstance().setRandomSeed(7);
    try (Model model = Model.newInstance("noise")) {
      KernelLayerStack inner = stack(Locations.grid(3, 3, 2.0).frozen()).build();
      LocationNoise noisy = new LocationNoise(inner, 0.3);
      model.setBlock(noisy);
      noisy.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(4, 9));
      // both layers get the same output locations (and alpha starts at ones, bias at zeros), so
      // only the noise can tell them apart
      NDArray v = inner.getDirectParameters().get("v").getArray();
      v.set(v.get(0).stack(v.get(0)).toFloatArray());
      float[] grid = inner.getDirectParameters().get("u").getArray().toFloatArray();
      try (NDManager scope = model.getNDManager().newSubManager()) {
        NDArray x = scope.randomUniform(0f, 1f, new Shape(4, 9));
        ParameterStore store = new ParameterStore(scope, false);

        NDArray evaluated = noisy.forward(store, new NDList(x), false).singletonOrThrow();
        NDArray trained = noisy.forward(store, new NDList(x), true).singletonOrThrow();

        NDArray evalGap = evaluated.get(":, :5").sub(evaluated.get(":, 5:")).abs().max();
        NDArray trainGap = trained.get(":, :5").sub(trained.get(":, 5:")).abs().max();
        assertThat(evalGap.getFloat()).isLessThan(1e-5f);
        assertThat(trainGap.getFloat()).isGreaterThan(1e-3f);
      }
      assertThat(inner.getDirectParameters().get("u").getArray().toFloatArray())
          .containsExactly(grid);
    }
  }

  @Test
  void rejectsAStackWhoseLayersShareTheirLocations() {
    KernelLayerStack shared = stack(Locations.grid(3, 3, 2.0).frozen())
        .optSharedInputLocations(true).build();
    assertThatThrownBy(() -> new LocationNoise(shared, 0.3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shared input locations");
  }

  @Test
  void rejectsNegativeNoise() {
    assertThatThrownBy(() -> new LocationNoise(layer(Locations.normal(1)), -0.1))
        .hasMessageContaining("-0.1");
  }
}
