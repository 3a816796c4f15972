package org.kernelnet.apps.mnist.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kernelnet.apps.mnist.model.GridPriorNetwork;
import org.kernelnet.apps.mnist.model.LayerForm;
import org.kernelnet.apps.mnist.model.PixelLocations;
import org.kernelnet.djl.loss.SoftmaxCrossEntropy;
import org.kernelnet.kernels.RbfKernel;

/**
 * The settings of {@link AdamClassifierTrainer}: the learning-rate factor of the unit locations,
 * through one Adam step on a grid-prior network; the label smoothing of the trainer's loss.
 */
class AdamClassifierTrainerTest {
  private static final ClassifierTrainer TRAINER = new AdamClassifierTrainer();
  private static final Shape INPUT = new Shape(6, 784);

  /** The largest change of each named parameter of the kernel layers in one step. */
  private record Steps(double u, double v, double weights) {}

  private static Steps oneStep(LayerForm form, double factor) {
    Engine.getInstance().setRandomSeed(5);
    GridPriorNetwork network =
        new GridPriorNetwork(PixelLocations.RANDOM, form, 2, 3, 0.03, 0, 0, 0, 0, 1);
    try (Model model = Model.newInstance("rates")) {
      model.setBlock(network.build(new RbfKernel(0.03)));
      ClassifierTrainer.Settings settings =
          new ClassifierTrainer.Settings(1, 6, 0.01, 0, false, factor, 0, 0);
      try (Trainer trainer = TRAINER.newTrainer(model, settings, 1);
          NDManager scope = model.getNDManager().newSubManager()) {
        trainer.initialize(INPUT);
        Block kernel = model.getBlock().getChildren().get(0).getValue();
        String weights = form == LayerForm.KERNEL ? "alpha" : "weight";
        NDArray u = kernel.getDirectParameters().get("u").getArray().duplicate();
        NDArray v = kernel.getDirectParameters().get("v").getArray().duplicate();
        NDArray w = kernel.getDirectParameters().get(weights).getArray().duplicate();
        NDArray x = scope.randomUniform(0f, 1f, INPUT);
        NDArray labels = scope.create(new float[] {0, 1, 2, 3, 4, 5});
        TRAINER.step(trainer, new NDList(x), new NDList(labels));
        return new Steps(change(kernel, "u", u), change(kernel, "v", v),
            change(kernel, weights, w));
      }
    }
  }

  private static double change(Block block, String name, NDArray before) {
    return block.getDirectParameters().get(name).getArray().sub(before).abs().max().getFloat();
  }

  /** Adam's first step is about the learning rate itself: 0.01, times the factor for u and v. */
  @ParameterizedTest
  @EnumSource(LayerForm.class)
  void theLocationsLearnAtTheirOwnRate(LayerForm form) {
    Steps same = oneStep(form, 1);
    assertThat(same.u()).isCloseTo(0.01, within(1e-4));
    assertThat(same.v()).isCloseTo(0.01, within(1e-4));
    assertThat(same.weights()).isCloseTo(0.01, within(1e-4));

    Steps faster = oneStep(form, 5);
    assertThat(faster.u()).isCloseTo(0.05, within(5e-4));
    assertThat(faster.v()).isCloseTo(0.05, within(5e-4));
    assertThat(faster.weights()).isCloseTo(0.01, within(1e-4));

    Steps fixed = oneStep(form, 0);
    assertThat(fixed.u()).isZero();
    assertThat(fixed.v()).isZero();
    assertThat(fixed.weights()).isCloseTo(0.01, within(1e-4));
  }

  @Test
  void settingsRejectANegativeOrInfiniteFactor() {
    assertThatThrownBy(() -> new ClassifierTrainer.Settings(1, 6, 0.01, 0, false, -1, 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1.0");
    assertThatThrownBy(
            () -> new ClassifierTrainer.Settings(1, 6, 0.01, 0, false, Double.POSITIVE_INFINITY, 0,
                0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Infinity");
  }

  @Test
  void settingsRejectLabelSmoothingOrAverageDecayOutsideZeroToOne() {
    assertThatThrownBy(() -> new ClassifierTrainer.Settings(1, 6, 0.01, 0, false, 1, 1, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label smoothing");
    assertThatThrownBy(() -> new ClassifierTrainer.Settings(1, 6, 0.01, 0, false, 1, 0, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("average decay");
  }

  /**
   * Steps on one reused batch (as the benchmark takes them) leave no arrays behind in the batch's
   * manager or the model's: before the step kept them, each step of the default network held on
   * to about 95 MB until the batch was closed.
   */
  @ParameterizedTest
  @EnumSource(LayerForm.class)
  void stepsOnAReusedBatchLeaveNoArraysBehind(LayerForm form) {
    Engine.getInstance().setRandomSeed(5);
    GridPriorNetwork network =
        new GridPriorNetwork(PixelLocations.GRID, form, 2, 3, 0.5, 0, 0, 0, 0, 1);
    try (Model model = Model.newInstance("reuse")) {
      model.setBlock(network.build(new RbfKernel(0.5)));
      ClassifierTrainer.Settings settings = new ClassifierTrainer.Settings(1, 6, 0.01, 0, false);
      try (Trainer trainer = TRAINER.newTrainer(model, settings, 1);
          NDManager batch = model.getNDManager().newSubManager()) {
        trainer.initialize(INPUT);
        NDList x = new NDList(batch.randomUniform(0f, 1f, INPUT));
        NDList labels = new NDList(batch.create(new float[] {0, 1, 2, 3, 4, 5}));
        TRAINER.step(trainer, x, labels);
        int batchArrays = batch.getManagedArrays().size();
        int modelArrays = model.getNDManager().getManagedArrays().size();
        for (int i = 0; i < 5; i++) {
          TRAINER.step(trainer, x, labels);
        }
        assertThat(batch.getManagedArrays()).hasSize(batchArrays);
        assertThat(model.getNDManager().getManagedArrays()).hasSize(modelArrays);
        assertThat(x.head().getManager()).isSameAs(batch);
        assertThat(x.head().isReleased()).isFalse();
      }
    }
  }

  /** The trainer's loss is the cross-entropy with the settings' label smoothing. */
  @Test
  void theTrainersLossSmoothsTheLabels() {
    Engine.getInstance().setRandomSeed(5);
    GridPriorNetwork network =
        new GridPriorNetwork(PixelLocations.GRID, LayerForm.MASKED, 1, 3, 0.03, 0, 0, 0, 0, 1);
    try (Model model = Model.newInstance("smoothing");
        NDManager scope = NDManager.newBaseManager()) {
      model.setBlock(network.build(new RbfKernel(0.03)));
      NDList labels = new NDList(scope.create(new float[] {0, 1}));
      NDList logits = new NDList(scope.create(new float[] {4, 0, 0, 0, 0, 0, 0, 0, 0, 0,
          0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, new Shape(2, 10)));
      for (double eps : new double[] {0, 0.2}) {
        try (Trainer trainer = TRAINER.newTrainer(model,
            new ClassifierTrainer.Settings(1, 6, 0.01, 0, false, 1, eps, 0), 1)) {
          assertThat(trainer.getLoss().evaluate(labels, logits).getFloat()).as("eps %s", eps)
              .isEqualTo(new SoftmaxCrossEntropy(eps).evaluate(labels, logits).getFloat());
        }
      }
    }
  }
}
