package org.kernelnet.djl.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kernelnet.djl.TestKernels;
import org.kernelnet.djl.complexity.Complexity;
import org.kernelnet.djl.loss.SoftmaxCrossEntropy;
import org.kernelnet.kernels.RbfKernel;

class KernelLayerStackTest {
  private static final int LAYERS = 3;
  private static final int IN = 6;
  private static final int UNITS = 4;
  private static final int BATCH = 5;
  private static final float TOLERANCE = 1e-5f;

  private NDManager manager;

  @BeforeEach
  void open() {
    Engine.getInstance().setRandomSeed(11);
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  private static KernelLayerStack.Builder stack(Locations inputs, AlphaMode mode) {
    return KernelLayerStack.builder()
        .setLayers(LAYERS)
        .setUnits(UNITS)
        .setDimension(2)
        .setKernel(new RbfKernel(0.5))
        .optAlpha(mode)
        .optAlphaInitializer(new NormalInitializer(1f))
        .optInputLocations(inputs)
        .optOutputLocations(Locations.normal(1.5));
  }

  /** Layer l of {@code stack} as a separate KernelLayer holding copies of its parameter values. */
  private KernelLayer copyOfLayer(KernelLayerStack stack, Locations inputs, int l) {
    KernelLayer layer = KernelLayer.builder()
        .setUnits(UNITS)
        .setDimension(2)
        .setKernel(stack.getKernel())
        .optAlpha(stack.getAlphaMode())
        .optInputLocations(inputs)
        .build();
    layer.initialize(manager, DataType.FLOAT32, new Shape(BATCH, IN));
    for (String name : List.of("u", "v", "alpha", "bias")) {
      if (layer.getDirectParameters().contains(name)) {
        NDArray stacked = stack.getDirectParameters().get(name).getArray();
        NDArray value = name.equals("u") && stack.hasSharedInputLocations() ? stacked : stacked.get(l);
        layer.getDirectParameters().get(name).getArray().set(value.toFloatArray());
      }
    }
    return layer;
  }

  /** {@code sum(y * r)} for a fixed random {@code r}, so every output gets its own gradient. */
  private static NDArray loss(NDArray y) {
    NDArray r = y.getManager().arange((float) y.size()).reshape(y.getShape()).sin();
    return y.mul(r).sum();
  }

  private NDArray forwardAndBackward(Block block, NDArray x) {
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDArray y = block.forward(new ParameterStore(manager, false), new NDList(x), true)
          .singletonOrThrow();
      collector.backward(loss(y));
      return y;
    }
  }

  private static void assertClose(NDArray actual, NDArray expected, String what) {
    assertThat(actual.getShape()).as(what).isEqualTo(expected.getShape());
    float[] a = actual.toFloatArray();
    float[] e = expected.toFloatArray();
    for (int i = 0; i < e.length; i++) {
      assertThat(a[i]).as("%s[%d]", what, i).isCloseTo(e[i], within(TOLERANCE));
    }
  }

  private void assertSameAsSeparateLayers(Locations inputs, AlphaMode mode, boolean shared) {
    KernelLayerStack stack = stack(inputs, mode).optSharedInputLocations(shared).build();
    NDArray x = manager.randomNormal(new Shape(BATCH, IN));
    stack.initialize(manager, DataType.FLOAT32, x.getShape());
    List<KernelLayer> layers = new ArrayList<>();
    NDList outputs = new NDList();
    for (int l = 0; l < LAYERS; l++) {
      layers.add(copyOfLayer(stack, inputs, l));
    }
    // one loss over the concatenated outputs, as the L layers side by side would get it
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      for (KernelLayer layer : layers) {
        outputs.add(layer.forward(new ParameterStore(manager, false), new NDList(x), true)
            .singletonOrThrow());
      }
      collector.backward(loss(NDArrays.concat(outputs, 1)));
    }
    NDArray y = forwardAndBackward(stack, x);

    assertThat(y.getShape()).isEqualTo(new Shape(BATCH, LAYERS * UNITS));
    assertClose(y, NDArrays.concat(outputs, 1), "output");
    for (String name : List.of("u", "v", "alpha", "bias")) {
      if (!stack.getDirectParameters().contains(name)
          || !stack.getDirectParameters().get(name).requiresGradient()) {
        continue;
      }
      NDList separate = new NDList();
      layers.forEach(l -> separate.add(l.getDirectParameters().get(name).getArray().getGradient()));
      NDArray stackGradient = stack.getDirectParameters().get(name).getArray().getGradient();
      assertThat(stackGradient.abs().sum().getFloat()).as("|d %s|", name).isGreaterThan(1e-3f);
      assertClose(stackGradient, NDArrays.stack(separate), "gradient of " + name);
    }
  }

  @ParameterizedTest
  @EnumSource(AlphaMode.class)
  void equalsSeparateKernelLayersInOutputsAndGradients(AlphaMode mode) {
    assertSameAsSeparateLayers(Locations.normal(1.0), mode, false);
  }

  @Test
  void perLayerFrozenGridsEqualSeparateLayersOnTheGrid() {
    assertSameAsSeparateLayers(Locations.grid(2, 3, 2.0).frozen(), AlphaMode.PER_INPUT, false);
  }

  @Test
  void oneSharedGridEqualsSeparateLayersOnTheSameGrid() {
    assertSameAsSeparateLayers(Locations.grid(2, 3, 2.0).frozen(), AlphaMode.PER_INPUT, true);
  }

  @Test
  void parameterShapesAndAGridRepeatedInEveryLayer() {
    KernelLayerStack perLayer =
        stack(Locations.grid(2, 3, 2.0).frozen(), AlphaMode.PER_INPUT).build();
    KernelLayerStack shared = stack(Locations.grid(2, 3, 2.0).frozen(), AlphaMode.PER_OUTPUT)
        .optSharedInputLocations(true)
        .build();
    perLayer.initialize(manager, DataType.FLOAT32, new Shape(BATCH, IN));
    shared.initialize(manager, DataType.FLOAT32, new Shape(BATCH, IN));

    NDArray u = perLayer.getDirectParameters().get("u").getArray();
    assertThat(u.getShape()).isEqualTo(new Shape(LAYERS, IN, 2));
    assertThat(perLayer.getDirectParameters().get("v").getArray().getShape())
        .isEqualTo(new Shape(LAYERS, UNITS, 2));
    assertThat(perLayer.getDirectParameters().get("alpha").getArray().getShape())
        .isEqualTo(new Shape(LAYERS, IN));
    assertThat(shared.getDirectParameters().get("alpha").getArray().getShape())
        .isEqualTo(new Shape(LAYERS, UNITS));
    assertThat(perLayer.getDirectParameters().get("bias").getArray().getShape())
        .isEqualTo(new Shape(LAYERS, UNITS));
    float[] grid = {-0.5f, -1, -0.5f, 0, -0.5f, 1, 0.5f, -1, 0.5f, 0, 0.5f, 1};
    assertThat(shared.getDirectParameters().get("u").getArray().toFloatArray()).containsExactly(grid);
    for (int l = 0; l < LAYERS; l++) {
      assertThat(u.get(l).toFloatArray()).containsExactly(grid);
    }
    assertThat(perLayer.getOutputShapes(new Shape[] {new Shape(7, IN)}))
        .containsExactly(new Shape(7, LAYERS * UNITS));
  }

  private static DefaultTrainingConfig trainingConfig() {
    return new DefaultTrainingConfig(new SoftmaxCrossEntropy())
        .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.05f)).build());
  }

  private static float[] values(Block block, String name) {
    return block.getDirectParameters().get(name).getArray().toFloatArray();
  }

  /** Runs a few Adam steps of {@code stack -> relu -> Linear(2)} on random data. */
  private static void train(Model model, KernelLayerStack stack, int steps) {
    model.setBlock(new SequentialBlock().add(stack).add(Activation.reluBlock())
        .add(Linear.builder().setUnits(2).build()));
    try (Trainer trainer = model.newTrainer(trainingConfig())) {
      trainer.initialize(new Shape(16, IN));
      int arrays = -1;
      for (int i = 0; i < steps; i++) {
        try (NDManager batch = trainer.getManager().newSubManager()) {
          NDArray x = batch.randomNormal(new Shape(16, IN));
          NDArray y = x.get(":, 0").gt(0).toType(DataType.FLOAT32, false);
          try (GradientCollector collector = trainer.newGradientCollector()) {
            NDArray prediction = trainer.forward(new NDList(x)).singletonOrThrow();
            collector.backward(trainer.getLoss().evaluate(new NDList(y), new NDList(prediction)));
          }
          trainer.step();
        }
        int now = model.getNDManager().getManagedArrays().size();
        if (i == 2) {
          arrays = now;
        } else if (i > 2) {
          assertThat(now).as("arrays in the model's manager after step %d", i).isEqualTo(arrays);
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void frozenGridLocationsStayFixedWhileOutputLocationsMove(boolean shared) {
    try (Model model = Model.newInstance("frozen")) {
      KernelLayerStack stack = stack(Locations.grid(2, 3, 2.0).frozen(), AlphaMode.PER_INPUT)
          .optSharedInputLocations(shared)
          .build();
      model.setBlock(stack);
      stack.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(16, IN));
      float[] u = values(stack, "u");
      float[] v = values(stack, "v");
      train(model, stack, 8);
      assertThat(values(stack, "u")).containsExactly(u);
      assertThat(values(stack, "v")).isNotEqualTo(v);
    }
  }

  @Test
  void trainableInputLocationsMove() {
    try (Model model = Model.newInstance("trainable")) {
      KernelLayerStack stack = stack(Locations.normal(1.0), AlphaMode.PER_INPUT).build();
      model.setBlock(stack);
      stack.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(16, IN));
      float[] u = values(stack, "u");
      train(model, stack, 8);
      float[] after = values(stack, "u");
      // every layer's locations move, not only one slice
      for (int l = 0; l < LAYERS; l++) {
        int from = l * IN * 2;
        boolean moved = false;
        for (int i = from; i < from + IN * 2; i++) {
          moved |= Math.abs(after[i] - u[i]) > 1e-4f;
        }
        assertThat(moved).as("layer %d's u moved", l).isTrue();
      }
    }
  }

  private static byte[] save(Block block) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream os = new DataOutputStream(bytes)) {
      block.saveParameters(os);
    }
    return bytes.toByteArray();
  }

  private void load(Block block, byte[] bytes) throws IOException, MalformedModelException {
    block.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(bytes)));
  }

  private static KernelLayerStack.Builder resolverOnly(int layers) {
    return KernelLayerStack.builder()
        .setLayers(layers)
        .setUnits(UNITS)
        .setDimension(2)
        .optKernelResolver(TestKernels.resolver())
        .optAlpha(AlphaMode.PER_OUTPUT);
  }

  @Test
  void savedStackReloadsByKernelSpecAndComputesTheSameOutputs() throws Exception {
    KernelLayerStack original = KernelLayerStack.builder()
        .setLayers(LAYERS)
        .setUnits(UNITS)
        .setDimension(2)
        .setKernel("rbf:gamma=0.3", TestKernels.resolver())
        .optAlpha(AlphaMode.PER_OUTPUT)
        .optAlphaInitializer(new NormalInitializer(1f))
        .build();
    NDArray x = manager.randomNormal(new Shape(BATCH, IN));
    original.initialize(manager, DataType.FLOAT32, x.getShape());
    byte[] saved = save(original);

    KernelLayerStack loaded = resolverOnly(LAYERS).build();
    load(loaded, saved);

    assertThat(loaded.getKernel()).isEqualTo(new RbfKernel(0.3));
    assertThat(loaded.getInputs()).isEqualTo(IN);
    ParameterStore store = new ParameterStore(manager, false);
    assertThat(loaded.forward(store, new NDList(x), false).singletonOrThrow().toFloatArray())
        .containsExactly(original.forward(store, new NDList(x), false).singletonOrThrow()
            .toFloatArray());
    assertThatThrownBy(() -> load(resolverOnly(LAYERS + 1).build(), saved))
        .isInstanceOf(MalformedModelException.class)
        .hasMessage("Cannot load KernelLayerStack: saved number of layers does not match this block"
            + " (expected 4, found 3)");
    assertThatThrownBy(() -> load(resolverOnly(LAYERS).optSharedInputLocations(true).build(), saved))
        .isInstanceOf(MalformedModelException.class)
        .hasMessageContaining("shared input locations flag");
    assertThatThrownBy(() -> load(resolverOnly(LAYERS).optAlpha(AlphaMode.PER_INPUT).build(), saved))
        .isInstanceOf(MalformedModelException.class)
        .hasMessageContaining("alpha mode");
  }

  @Test
  void complexityCountsTheLayersTogether() {
    KernelLayerStack trainable = stack(Locations.normal(1.0), AlphaMode.PER_INPUT).build();
    KernelLayerStack sharedGrid = stack(Locations.grid(2, 3, 2.0).frozen(), AlphaMode.PER_INPUT)
        .optSharedInputLocations(true)
        .build();
    trainable.initialize(manager, DataType.FLOAT32, new Shape(BATCH, IN));
    sharedGrid.initialize(manager, DataType.FLOAT32, new Shape(BATCH, IN));

    // u 3*6*2, v 3*4*2, alpha 3*6, bias 3*4; dense 6*12 + 12; the RBF is never exactly 0 here
    assertThat(trainable.complexity()).isEqualTo(new Complexity(36 + 24 + 18 + 12, 84, 72));
    assertThat(sharedGrid.complexity()).isEqualTo(new Complexity(24 + 18 + 12, 84, 72));
  }

  @Test
  void kernelMatrixIsTheLayersGramMatricesSideBySide() {
    KernelLayerStack stack = stack(Locations.normal(1.0), AlphaMode.NONE).build();
    stack.initialize(manager, DataType.FLOAT32, new Shape(BATCH, IN));
    NDArray k = stack.kernelMatrix(new ParameterStore(manager, false), manager, false);
    NDArray u = stack.getDirectParameters().get("u").getArray();
    NDArray v = stack.getDirectParameters().get("v").getArray();
    RbfKernel rbf = new RbfKernel(0.5);
    assertThat(k.getShape()).isEqualTo(new Shape(IN, LAYERS * UNITS));
    for (int l = 0; l < LAYERS; l++) {
      float[] block = k.get(":, " + l * UNITS + ":" + (l + 1) * UNITS).toFloatArray();
      float[] ul = u.get(l).toFloatArray();
      float[] vl = v.get(l).toFloatArray();
      for (int i = 0; i < IN; i++) {
        for (int j = 0; j < UNITS; j++) {
          double expected = rbf.evaluate(new double[] {ul[2 * i], ul[2 * i + 1]},
              new double[] {vl[2 * j], vl[2 * j + 1]});
          assertThat((double) block[i * UNITS + j]).isCloseTo(expected, within(1e-6));
        }
      }
    }
  }

  @Test
  void rejectsBadSettings() {
    assertThatThrownBy(() -> stack(Locations.normal(1.0), AlphaMode.NONE).setLayers(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("KernelLayerStack layers must be >= 1, got 0");
    assertThatThrownBy(() -> stack(Locations.normal(1.0), AlphaMode.NONE).setUnits(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("units must be >= 1, got 0");
    KernelLayerStack stack = stack(Locations.grid(2, 3, 2.0), AlphaMode.NONE).build();
    assertThatThrownBy(() -> stack.initialize(manager, DataType.FLOAT32, new Shape(BATCH, 7)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("have 6 points but the layer has 7 input units");
  }
}
