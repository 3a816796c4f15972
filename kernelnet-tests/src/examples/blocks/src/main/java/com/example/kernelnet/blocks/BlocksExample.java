package com.example.kernelnet.blocks;

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
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.djl.loss.SquaredError;
import org.kernelnet.djl.nn.AlphaMode;
import org.kernelnet.djl.nn.KernelLayer;
import org.kernelnet.djl.nn.Locations;

/**
 * kernelnet's blocks in a project of one's own: a network with a {@link KernelLayer} whose kernel
 * comes from the registry by name, trained with DJL's Adam on {@code y = sin(3 x1) x2}, saved,
 * reloaded with the kernel read back from the file, and asked for predictions.
 */
public final class BlocksExample {
  static final int EXAMPLES = 256;

  /** What one run did. */
  public record Outcome(float firstLoss, float lastLoss, float[] trained, float[] reloaded) {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("kernelnet-blocks-example");
    Outcome outcome = run(dir, 300);
    System.out.printf("loss %.4f -> %.4f; predictions after reloading from %s: %s%n",
        outcome.firstLoss(), outcome.lastLoss(), dir,
        outcome.reloaded()[0] == outcome.trained()[0] ? "identical" : "different");
  }

  /** Trains for {@code steps} Adam steps, saves into {@code dir}, reloads and predicts. */
  public static Outcome run(Path dir, int steps) throws IOException, ai.djl.MalformedModelException {
    KernelnetRegistry registry = KernelnetRegistry.load(BlocksExample.class.getClassLoader());
    Engine.getInstance().setRandomSeed(5); // reproducible initial parameters
    float[] x = new float[EXAMPLES * 2];
    float[] y = new float[EXAMPLES];
    Random random = new Random(1);
    for (int n = 0; n < EXAMPLES; n++) {
      x[2 * n] = random.nextFloat() * 2 - 1;
      x[2 * n + 1] = random.nextFloat() * 2 - 1;
      y[n] = (float) Math.sin(3 * x[2 * n]) * x[2 * n + 1];
    }
    float first;
    float last = Float.NaN;
    float[] trained;
    try (Model model = Model.newInstance("blocks")) {
      model.setBlock(network(KernelLayer.builder().setKernel("rbf:gamma=0.5", registry)));
      DefaultTrainingConfig config = new DefaultTrainingConfig(new SquaredError())
          .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.02f)).build());
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(EXAMPLES, 2));
        first = step(trainer, x, y);
        for (int i = 0; i < steps; i++) {
          last = step(trainer, x, y);
        }
      }
      trained = predict(model, x);
      model.save(dir, "blocks");
    }
    try (Model model = Model.newInstance("blocks")) {
      // no kernel named here: the layer reads "rbf:gamma=0.5" from the file
      model.setBlock(network(KernelLayer.builder().optKernelResolver(registry)));
      model.load(dir, "blocks");
      return new Outcome(first, last, trained, predict(model, x));
    }
  }

  private static Block network(KernelLayer.Builder kernelLayer) {
    return new SequentialBlock()
        .add(kernelLayer.setUnits(24).setDimension(2).optAlpha(AlphaMode.PER_OUTPUT)
            .optInputLocations(Locations.normal(1.0)).optOutputLocations(Locations.normal(1.0))
            .build())
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
      return model.getBlock().forward(new ParameterStore(manager, false), new NDList(input), false)
          .singletonOrThrow().toFloatArray();
    }
  }
}
