package org.kernelnet.apps.mnist.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kernelnet.apps.mnist.analysis.PixelLayout;
import org.kernelnet.djl.nn.KernelLayerStack;
import org.kernelnet.djl.nn.KernelMaskedDense;
import org.kernelnet.kernels.RbfKernel;

class GridPriorNetworkTest {
  private static final int LAYERS = 3;
  private static final int UNITS = 4;
  private static final Shape INPUT = new Shape(5, 784);

  private static GridPriorNetwork network(LayerForm form, PixelLocations locations, double noise) {
    return new GridPriorNetwork(locations, form, LAYERS, UNITS, 0.5, noise, 0, 0, 0, 1);
  }

  /** The network without location noise, built with an RBF of gamma 0.5 and initialised. */
  private static Block initialized(Model model, LayerForm form, PixelLocations locations) {
    Block net = network(form, locations, 0).build(new RbfKernel(0.5));
    net.initialize(model.getNDManager(), DataType.FLOAT32, INPUT);
    return net;
  }

  private static Parameter parameter(Block block, String name) {
    return block.getDirectParameters().get(name);
  }

  @Test
  void theMaskedFormWithEachColumnSetToItsLayersTemplateIsTheKernelForm() {
    Engine.getInstance().setRandomSeed(11);
    try (Model kernelModel = Model.newInstance("kernel");
        Model maskedModel = Model.newInstance("masked")) {
      Block kernelNet = initialized(kernelModel, LayerForm.KERNEL, PixelLocations.GRID);
      Block maskedNet = initialized(maskedModel, LayerForm.MASKED, PixelLocations.GRID);
      Block stack = kernelNet.getChildren().get(0).getValue();
      Block masked = maskedNet.getChildren().get(0).getValue();
      assertThat(stack).isInstanceOf(KernelLayerStack.class);
      assertThat(masked).isInstanceOf(KernelMaskedDense.class);

      // column l h + j of A is layer l's template alpha_l [784]; v and b are the stack's, flattened
      NDArray alpha = parameter(stack, "alpha").getArray();
      alpha.reshape(LAYERS, 1, 784).repeat(1, UNITS).reshape(LAYERS * UNITS, 784).transpose()
          .copyTo(parameter(masked, "weight").getArray());
      parameter(stack, "v").getArray().reshape(LAYERS * UNITS, 2)
          .copyTo(parameter(masked, "v").getArray());
      parameter(stack, "bias").getArray().reshape(LAYERS * UNITS)
          .copyTo(parameter(masked, "bias").getArray());
      Block kernelSoftmax = kernelNet.getChildren().get(2).getValue();
      Block maskedSoftmax = maskedNet.getChildren().get(2).getValue();
      for (String name : new String[] {"weight", "bias"}) {
        parameter(kernelSoftmax, name).getArray()
            .copyTo(parameter(maskedSoftmax, name).getArray());
      }

      try (NDManager scope = NDManager.newBaseManager()) {
        NDArray x = scope.randomUniform(0f, 1f, INPUT);
        float[] expected = kernelNet.forward(new ParameterStore(scope, false), new NDList(x), false)
            .singletonOrThrow().toFloatArray();
        float[] actual = maskedNet.forward(new ParameterStore(scope, false), new NDList(x), false)
            .singletonOrThrow().toFloatArray();
        assertThat(actual).hasSize(5 * 10);
        for (int i = 0; i < expected.length; i++) {
          assertThat(actual[i]).as("logit " + i).isCloseTo(expected[i], within(1e-4f));
        }
      }
    }
  }

  @Test
  void theTrainedGridStartsOnTheFixedGridWithATrainableCopyPerLayer() {
    Engine.getInstance().setRandomSeed(13);
    try (Model fixedModel = Model.newInstance("fixed");
        Model trainedModel = Model.newInstance("trained")) {
      Block fixed = initialized(fixedModel, LayerForm.KERNEL, PixelLocations.GRID);
      Block trained = initialized(trainedModel, LayerForm.KERNEL, PixelLocations.GRID_TRAINED);

      float[] grid = PixelLayout.inputLocations(fixed);
      float[] start = PixelLayout.inputLocations(trained);
      assertThat(grid).hasSize(784 * 2);
      assertThat(start).hasSize(LAYERS * 784 * 2);
      for (int layer = 0; layer < LAYERS; layer++) {
        assertThat(Arrays.copyOfRange(start, layer * 784 * 2, (layer + 1) * 784 * 2))
            .as("layer " + layer).containsExactly(grid);
      }
      Block stack = trained.getChildren().get(0).getValue();
      assertThat(parameter(stack, "u").requiresGradient()).isTrue();
      assertThat(parameter(fixed.getChildren().get(0).getValue(), "u").requiresGradient())
          .isFalse();
      assertThat(ModelSize.of(trained).parameters() - ModelSize.of(fixed).parameters())
          .as("a trainable copy of the grid per layer").isEqualTo(LAYERS * 784 * 2);
    }
  }

  @Test
  void theMaskedFormHasOneWeightPerPixelAndUnitAndOneSetOfPixelLocations() {
    Engine.getInstance().setRandomSeed(12);
    try (Model model = Model.newInstance("masked")) {
      GridPriorNetwork random = network(LayerForm.MASKED, PixelLocations.RANDOM, 0.3);
      Block net = random.build(new RbfKernel(0.5));
      net.initialize(model.getNDManager(), DataType.FLOAT32, INPUT);
      Block noisy = net.getChildren().get(0).getValue();
      assertThat(noisy).isInstanceOf(LocationNoise.class);
      Block masked = ((LocationNoise) noisy).layer();
      assertThat(parameter(masked, "weight").getArray().getShape())
          .isEqualTo(new Shape(784, LAYERS * UNITS));
      assertThat(parameter(masked, "u").getArray().getShape()).isEqualTo(new Shape(784, 2));
      assertThat(parameter(masked, "u").requiresGradient()).isTrue();
      assertThat(ModelSize.of(net).parameters())
          .isEqualTo(784 * 12 + 12 * 2 + 12 + 784 * 2 + 12 * 10 + 10);
      assertThat(random.describe())
          .isEqualTo("KernelMaskedDense(rbf:gamma=0.5, d=2, h=12) -> relu -> Linear(10)");
    }
  }

  @ParameterizedTest
  @CsvSource({"KERNEL, alpha, 0.1", "KERNEL, alpha, 1", "MASKED, weight, 0.1", "MASKED, weight, 3"})
  void theInitialScaleIsTheStandardDeviationOfTheTemplatesOrFreeWeights(LayerForm form,
      String name, double scale) {
    Engine.getInstance().setRandomSeed(13);
    try (Model model = Model.newInstance("scale")) {
      Block net = new GridPriorNetwork(PixelLocations.GRID, form, 8, 16, 0.5, 0, 0, 0, 0, scale)
          .build(new RbfKernel(0.5));
      net.initialize(model.getNDManager(), DataType.FLOAT32, INPUT);
      // kernel form: alpha [8, 784], 6,272 draws; masked form: A [784, 128], 100,352 draws
      double[] drawn = parameter(net.getChildren().get(0).getValue(), name).getArray()
          .toType(DataType.FLOAT64, false).toDoubleArray();
      assertThat(new StandardDeviation().evaluate(drawn)).isCloseTo(scale, within(0.05 * scale));
    }
  }

  @Test
  void aScaleThatIsNotPositiveIsRefused() {
    assertThatThrownBy(() -> new GridPriorNetwork(PixelLocations.GRID, LayerForm.MASKED, 1, 1, 0.5,
        0, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("initial scale > 0");
  }
}
