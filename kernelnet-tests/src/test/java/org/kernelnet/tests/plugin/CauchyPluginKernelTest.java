package org.kernelnet.tests.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.api.Kernel;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.djl.loss.SquaredError;
import org.kernelnet.djl.nn.AlphaMode;
import org.kernelnet.djl.nn.KernelLayer;
import org.kernelnet.djl.nn.Locations;
import org.kernelnet.tests.contract.KernelContract;

/**
 * The Cauchy kernel of the example plugin, loaded from its own jar, is a first-class kernel: it passes
 * the same contract as the built-ins, trains inside a {@link KernelLayer}, and a model saved with it
 * reloads through the registry by its spec alone.
 */
class CauchyPluginKernelTest {
  private static final int EXAMPLES = 128;
  @TempDir static Path jarDir;
  private static URLClassLoader loader;
  private static KernelnetRegistry registry;

  @BeforeAll
  static void loadPlugin() {
    loader = PluginJarBuilder.classLoader(PluginJarBuilder.cauchyJar(jarDir));
    registry = KernelnetRegistry.load(loader);
  }

  @AfterAll
  static void closePlugin() throws IOException {
    loader.close();
  }

  @TestFactory
  List<DynamicTest> cauchyPassesTheKernelContract() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String spec : List.of("cauchy", "cauchy:gamma=2.5")) {
      Kernel kernel = registry.kernel(spec);
      assertThat(kernel.getClass().getClassLoader()).isSameAs(loader);
      tests.addAll(KernelContract.testsFor(kernel, registry));
    }
    return tests;
  }

  @Test
  void cauchyTrainsInAKernelLayerAndReloadsBySpec(@TempDir Path modelDir) throws Exception {
    Engine.getInstance().setRandomSeed(5);
    float[] x = new float[EXAMPLES * 2];
    float[] y = new float[EXAMPLES];
    Random random = new Random(11);
    for (int n = 0; n < EXAMPLES; n++) {
      x[2 * n] = random.nextFloat() * 2 - 1;
      x[2 * n + 1] = random.nextFloat() * 2 - 1;
      y[n] = (float) Math.sin(3 * x[2 * n]) * x[2 * n + 1];
    }
    float[] before;
    float first;
    float last = Float.NaN;
    try (Model model = Model.newInstance("cauchy")) {
      model.setBlock(network(KernelLayer.builder().setKernel("cauchy:gamma=2", registry)));
      DefaultTrainingConfig config = new DefaultTrainingConfig(new SquaredError())
          .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.02f)).build());
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(EXAMPLES, 2));
        first = step(trainer, x, y);
        for (int i = 0; i < 300; i++) {
          last = step(trainer, x, y);
        }
      }
      before = predict(model, x);
      model.save(modelDir, "cauchy");
    }
    assertThat(last).as("loss after 300 Adam steps, from %s", first).isLessThan(first * 0.4f);

    try (Model model = Model.newInstance("cauchy")) {
      // The kernel is not named here: the layer reads "cauchy:gamma=2.0" from the file.
      KernelLayer layer = layer(KernelLayer.builder().optKernelResolver(registry));
      model.setBlock(network(layer));
      model.load(modelDir, "cauchy");
      assertThat(layer.getKernel()).isEqualTo(registry.kernel("cauchy:gamma=2"));
      assertThat(predict(model, x)).containsExactly(before);
    }
  }

  private static KernelLayer layer(KernelLayer.Builder builder) {
    return builder
        .setUnits(24)
        .setDimension(2)
        .optAlpha(AlphaMode.PER_OUTPUT)
        .optInputLocations(Locations.normal(1.0))
        .optOutputLocations(Locations.normal(1.0))
        .build();
  }

  private static Block network(KernelLayer.Builder builder) {
    return network(layer(builder));
  }

  private static Block network(KernelLayer layer) {
    return new SequentialBlock()
        .add(layer)
        .add(Activation::tanh)
        .add(Linear.builder().setUnits(1).build());
  }

  private static float step(Trainer trainer, float[] x, float[] y) {
    try (NDManager batch = trainer.getManager().newSubManager()) {
      NDArray input = batch.create(x, new Shape(EXAMPLES, 2));
      NDArray target = batch.create(y, new Shape(EXAMPLES, 1));
      float loss;
      try (GradientCollector collector = trainer.newGradientCollector()) {
        NDArray prediction = trainer.forward(new NDList(input)).singletonOrThrow();
        NDArray value = trainer.getLoss().evaluate(new NDList(target), new NDList(prediction));
        collector.backward(value);
        loss = value.getFloat();
      }
      trainer.step();
      return loss;
    }
  }

  private static float[] predict(Model model, float[] x) {
    try (NDManager manager = model.getNDManager().newSubManager()) {
      NDArray input = manager.create(x, new Shape(EXAMPLES, 2));
      return model.getBlock()
          .forward(new ai.djl.training.ParameterStore(manager, false), new NDList(input), false)
          .singletonOrThrow()
          .toFloatArray();
    }
  }
}
