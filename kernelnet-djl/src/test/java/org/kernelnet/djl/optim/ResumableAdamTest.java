package org.kernelnet.djl.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kernelnet.djl.loss.SquaredError;

/**
 * {@link ResumableAdam} against DJL's Adam (bit for bit, with weight decay, gradient clipping and a
 * cosine learning rate), and its state taken out and put back into a new optimiser over a new
 * model continuing exactly as the optimiser that never stopped.
 */
class ResumableAdamTest {
  private static final int N = 64;
  private static final int D = 6;
  private final NDManager manager = NDManager.newBaseManager();
  private final float[] features = new float[N * D];
  private final float[] targets = new float[N * 2];

  ResumableAdamTest() {
    Random random = new Random(5);
    for (int i = 0; i < features.length; i++) {
      features[i] = (float) random.nextGaussian();
    }
    for (int i = 0; i < targets.length; i++) {
      targets[i] = (float) random.nextGaussian();
    }
  }

  @AfterEach
  void close() {
    manager.close();
  }

  private static Tracker cosine() {
    return Tracker.cosine().setBaseValue(0.05f).optFinalValue(0.0005f).setMaxUpdates(20).build();
  }

  private static Adam djlAdam() {
    return Adam.builder().optLearningRateTracker(cosine()).optWeightDecays(0.01f)
        .optClipGrad(0.5f).build();
  }

  private static ResumableAdam ours() {
    return ResumableAdam.builder().optLearningRateTracker(cosine()).optWeightDecays(0.01f)
        .optClipGrad(0.5f).build();
  }

  /** A two-layer network. */
  private static Block network() {
    return new SequentialBlock().add(Linear.builder().setUnits(5).build())
        .add(ai.djl.nn.Activation::tanh).add(Linear.builder().setUnits(2).build());
  }

  /** A trainer of a model of {@link #network()} with the parameters {@code values}. */
  private Trainer trainer(Model model, Optimizer optimizer, Map<String, float[]> values) {
    model.setBlock(network());
    Trainer trainer = model.newTrainer(
        new DefaultTrainingConfig(new SquaredError()).optOptimizer(optimizer));
    trainer.initialize(new Shape(N, D));
    if (values != null) {
      for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
        p.getValue().getArray().set(values.get(p.getKey()));
      }
    }
    return trainer;
  }

  private void steps(Trainer trainer, int count) {
    NDArray x = manager.create(features, new Shape(N, D));
    NDArray y = manager.create(targets, new Shape(N, 2));
    for (int step = 0; step < count; step++) {
      try (NDManager scope = manager.newSubManager()) {
        scope.tempAttachAll(x, y);
        try (GradientCollector collector = trainer.newGradientCollector()) {
          NDArray prediction = trainer.forward(new NDList(x)).singletonOrThrow();
          collector.backward(trainer.getLoss().evaluate(new NDList(y), new NDList(prediction)));
        }
        trainer.step();
      }
    }
  }

  private static Map<String, float[]> parameters(Model model) {
    Map<String, float[]> values = new LinkedHashMap<>();
    for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
      values.put(p.getKey(), p.getValue().getArray().toFloatArray());
    }
    return values;
  }

  /** The parameters after {@code steps} steps from the same start with {@code optimizer}. */
  private Map<String, float[]> trained(Supplier<Optimizer> optimizer, Map<String, float[]> start,
      int steps) {
    try (Model model = Model.newInstance("adam");
        Trainer trainer = trainer(model, optimizer.get(), start)) {
      steps(trainer, steps);
      return parameters(model);
    }
  }

  private Map<String, float[]> start() {
    try (Model model = Model.newInstance("start");
        Trainer trainer = trainer(model, ours(), null)) {
      return parameters(model);
    }
  }

  @Test
  void computesBitForBitWhatDjlsAdamComputes() {
    Map<String, float[]> start = start();

    Map<String, float[]> djl = trained(ResumableAdamTest::djlAdam, start, 12);
    Map<String, float[]> resumable = trained(ResumableAdamTest::ours, start, 12);

    assertThat(resumable).containsOnlyKeys(djl.keySet());
    djl.forEach((name, values) -> assertThat(resumable.get(name)).as(name).isEqualTo(values));
    assertThat(resumable.get("01Linear_weight")).isNotNull()
        .isNotEqualTo(start.get("01Linear_weight"));
  }

  @Test
  void aStatePutBackIntoANewOptimiserContinuesAsIfTrainingNeverStopped() {
    Map<String, float[]> start = start();
    Map<String, float[]> uninterrupted = trained(ResumableAdamTest::ours, start, 10);

    Map<String, float[]> halfway;
    ResumableAdam.State state;
    try (Model model = Model.newInstance("first")) {
      ResumableAdam adam = ours();
      try (Trainer trainer = trainer(model, adam, start)) {
        steps(trainer, 4);
        halfway = parameters(model);
        state = adam.state(model.getBlock());
      }
    }
    Map<String, float[]> resumed;
    try (Model model = Model.newInstance("second")) {
      ResumableAdam adam = ours();
      try (Trainer trainer = trainer(model, adam, halfway)) {
        adam.restore(model.getBlock(), state);
        steps(trainer, 6);
        resumed = parameters(model);
        assertThatThrownBy(() -> adam.restore(model.getBlock(), state))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("restore into an optimiser that has not updated yet");
      }
    }

    assertThat(state.updates()).isEqualTo(4);
    assertThat(state.updateCounts()).hasSize(4).containsValue(4);
    assertThat(state.means().get("03Linear_bias")).hasSize(2);
    uninterrupted.forEach((name, values) -> assertThat(resumed.get(name)).as(name)
        .isEqualTo(values));
  }

  @Test
  void aStateOfOtherParametersIsRefusedNamingThem() {
    ResumableAdam.State state = new ResumableAdam.State(3, Map.of("nosuch", 3),
        Map.of("nosuch", new float[1]), Map.of("nosuch", new float[1]));
    try (Model model = Model.newInstance("other");
        Trainer trainer = trainer(model, ours(), null)) {
      assertThatThrownBy(() -> ours().restore(model.getBlock(), state))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("the state's parameter nosuch is not a parameter of the block");
    }
  }
}
