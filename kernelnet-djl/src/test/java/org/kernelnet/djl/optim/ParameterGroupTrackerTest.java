package org.kernelnet.djl.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kernelnet.djl.TestKernels.BumpKernel;
import org.kernelnet.djl.loss.SquaredError;
import org.kernelnet.djl.nn.KernelMaskedDense;
import org.kernelnet.djl.nn.Locations;

/** {@link ParameterGroupTracker}: the factor reaches exactly the named parameters, through Adam. */
class ParameterGroupTrackerTest {
  private static final Set<String> LOCATIONS =
      Set.of(Locations.INPUT_PARAMETER, Locations.OUTPUT_PARAMETER);

  private static KernelMaskedDense layer() {
    return KernelMaskedDense.builder()
        .setUnits(3)
        .setDimension(2)
        .setKernel(new BumpKernel())
        .optInputLocations(Locations.normal(0.3))
        .optOutputLocations(Locations.normal(0.3))
        .build();
  }

  private static Parameter named(Block block, String name) {
    return block.getParameters().stream().map(p -> p.getValue())
        .filter(p -> p.getName().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void scalesTheNamedParametersOnly() {
    KernelMaskedDense block = layer();
    Tracker base = Tracker.cosine().setBaseValue(0.1f).optFinalValue(0.001f).setMaxUpdates(10)
        .build();
    ParameterGroupTracker tracker = ParameterGroupTracker.byName(base, block, LOCATIONS, 4f);
    // u, v, weight and bias: exactly u and v get the factor
    assertThat(block.getParameters().size()).isEqualTo(4);
    for (Parameter parameter : block.getParameters().values()) {
      float factor = LOCATIONS.contains(parameter.getName()) ? 4f : 1f;
      for (int n : new int[] {0, 5, 10}) {
        assertThat(tracker.getNewValue(parameter.getId(), n)).as(parameter.getName())
            .isEqualTo(factor * base.getNewValue(n));
      }
    }
  }

  /**
   * Adam's first step moves every coordinate with a gradient well above its epsilon by {@code lr
   * g / |g|}, i.e. by the learning rate: 0.01 for the weights, 0.1 for the locations at factor 10,
   * and not at all at factor 0.
   */
  @Test
  void adamMovesTheGroupByItsOwnRate() {
    assertThat(maxStep(10f, Locations.OUTPUT_PARAMETER)).isCloseTo(0.1, within(1e-4));
    assertThat(maxStep(10f, "weight")).isCloseTo(0.01, within(1e-5));
    assertThat(maxStep(0f, Locations.OUTPUT_PARAMETER)).isZero();
    assertThat(maxStep(0f, Locations.INPUT_PARAMETER)).isZero();
    assertThat(maxStep(0f, "weight")).isCloseTo(0.01, within(1e-5));
  }

  /** The largest change of parameter {@code name} in one Adam step with the given factor. */
  private static double maxStep(float factor, String name) {
    try (Model model = Model.newInstance("group")) {
      KernelMaskedDense block = layer();
      model.setBlock(block);
      Adam adam = Adam.builder().optLearningRateTracker(
          ParameterGroupTracker.byName(Tracker.fixed(0.01f), block, LOCATIONS, factor)).build();
      try (Trainer trainer = model.newTrainer(
          new DefaultTrainingConfig(new SquaredError()).optOptimizer(adam))) {
        trainer.initialize(new Shape(8, 4));
        NDArray before = named(block, name).getArray().duplicate();
        NDArray x = model.getNDManager().randomNormal(new Shape(8, 4));
        NDArray y = model.getNDManager().randomNormal(new Shape(8, 3));
        try (GradientCollector collector = trainer.newGradientCollector()) {
          NDArray loss = trainer.getLoss().evaluate(new NDList(y), trainer.forward(new NDList(x)));
          collector.backward(loss);
        }
        trainer.step();
        return named(block, name).getArray().sub(before).abs().max().getFloat();
      }
    }
  }

  @Test
  void rejectsBadFactorsAndUnknownNames() {
    KernelMaskedDense block = layer();
    Tracker base = Tracker.fixed(0.01f);
    assertThatThrownBy(() -> ParameterGroupTracker.byName(base, block, LOCATIONS, -1f))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    assertThatThrownBy(() -> ParameterGroupTracker.byName(base, block, LOCATIONS, Float.NaN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    assertThatThrownBy(() -> ParameterGroupTracker.byName(base, block, Set.of("centres"), 2f))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("centres");
  }
}
