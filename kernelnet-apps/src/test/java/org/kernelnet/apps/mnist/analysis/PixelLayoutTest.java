package org.kernelnet.apps.mnist.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kernelnet.apps.mnist.model.GridPriorNetwork;
import org.kernelnet.apps.mnist.model.LayerForm;
import org.kernelnet.apps.mnist.model.PixelLocations;
import org.kernelnet.kernels.RbfKernel;

class PixelLayoutTest {
  /** The row-major grid {@code (col, row)} of a {@code rows x cols} image. */
  private static float[] grid(int rows, int cols) {
    float[] xy = new float[2 * rows * cols];
    for (int i = 0; i < rows * cols; i++) {
      xy[2 * i] = i % cols;
      xy[2 * i + 1] = i / cols;
    }
    return xy;
  }

  @Test
  void theGridHoldsEveryNeighbourWhateverItsScaleOrRotation() {
    assertThat(PixelLayout.neighbourRecall(grid(28, 28), 28, 28)).isEqualTo(1.0);
    assertThat(PixelLayout.neighbourRecall(grid(1, 5), 1, 5)).isEqualTo(1.0);
    float[] turned = grid(6, 4);
    double angle = 0.7;
    for (int i = 0; i < turned.length; i += 2) {
      float x = turned[i];
      float y = turned[i + 1];
      turned[i] = (float) (3 * (Math.cos(angle) * x - Math.sin(angle) * y) + 10);
      turned[i + 1] = (float) (3 * (Math.sin(angle) * x + Math.cos(angle) * y) - 4);
    }
    assertThat(PixelLayout.neighbourRecall(turned, 6, 4)).isCloseTo(1.0, within(1e-12));
    assertThat(PixelLayout.distanceCorrelation(grid(28, 28), 28, 28)).isCloseTo(1.0, within(1e-9));
    assertThat(PixelLayout.distanceCorrelation(turned, 6, 4)).isCloseTo(1.0, within(1e-6));
  }

  @Test
  void distanceCorrelationKnownAnswerOnALineOfThreePixels() {
    // pairs (0,1), (0,2), (1,2): grid distances 1, 2, 1; layout x = 1, 0, 2.5 gives 1, 1.5, 2.5.
    // Pearson: mean 4/3 and 5/3, deviations (-1/3, 2/3, -1/3) and (-2/3, -1/6, 5/6):
    // covariance sum 2/9 - 1/9 - 5/18 = -1/6, variances 2/3 and 7/6, r = -(1/6) / sqrt(7/9)
    float[] xy = {1, 0, 0, 0, 2.5f, 0};
    assertThat(PixelLayout.distanceCorrelation(xy, 1, 3))
        .isCloseTo(-(1.0 / 6) / Math.sqrt(7.0 / 9), within(1e-12));
  }

  @Test
  void knownAnswerOnALineOfThreePixels() {
    // pixels 0, 1, 2 at x = 1, 0, 2.5: pixel 0's neighbour 1 is its nearest; pixel 1's two nearest
    // are its neighbours 0 and 2; pixel 2's nearest is 0 (1.5 away), not its neighbour 1 (2.5)
    float[] xy = {1, 0, 0, 0, 2.5f, 0};
    assertThat(PixelLayout.neighbourRecall(xy, 1, 3)).isCloseTo(2.0 / 3, within(1e-12));
  }

  @Test
  void shuffledLocationsHoldAboutTheChanceShare() {
    float[] xy = grid(28, 28);
    Random random = new Random(7);
    for (int i = xy.length / 2 - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      for (int c = 0; c < 2; c++) {
        float t = xy[2 * i + c];
        xy[2 * i + c] = xy[2 * j + c];
        xy[2 * j + c] = t;
      }
    }
    // chance: k / 783 per pixel, 0.13 %; a shuffle keeps some pairs together by luck
    assertThat(PixelLayout.neighbourRecall(xy, 28, 28)).isLessThan(0.02);
    assertThat(PixelLayout.distanceCorrelation(xy, 28, 28)).isBetween(-0.05, 0.05);
  }

  @Test
  void severalLayoutsAreAveragedAndDisplacementIsTheMeanDistance() {
    float[] good = grid(2, 3);
    float[] bad = {1, 0, 0, 0, 2.5f, 0, 0, 50, 0, 60, 0, 70};
    float[] both = new float[good.length + bad.length];
    System.arraycopy(good, 0, both, 0, good.length);
    System.arraycopy(bad, 0, both, good.length, bad.length);
    double expected = (1.0 + PixelLayout.neighbourRecall(bad, 2, 3)) / 2;
    assertThat(PixelLayout.neighbourRecall(both, 2, 3)).isCloseTo(expected, within(1e-12));

    float[] moved = both.clone();
    moved[0] += 3; // 3 along x
    moved[3] += 4; // 4 along y
    moved[4] += 3;
    moved[5] += 4; // 5 diagonally
    PixelLayout layout = PixelLayout.compare(both, moved, 2, 3);
    assertThat(layout.meanDisplacement()).isCloseTo(12.0 / 12, within(1e-6));
    assertThat(layout.initialNeighbourRecall()).isCloseTo(expected, within(1e-12));
  }

  @Test
  void badShapesAreRejected() {
    assertThatThrownBy(() -> PixelLayout.neighbourRecall(new float[10], 2, 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10 values");
    assertThatThrownBy(() -> PixelLayout.neighbourRecall(new float[2], 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PixelLayout.compare(new float[12], new float[24], 2, 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12 and 24");
  }

  @Test
  void readsTheInputLocationsOfTheGridPriorNetwork() {
    Engine.getInstance().setRandomSeed(5);
    for (LayerForm form : LayerForm.values()) {
      GridPriorNetwork network =
          new GridPriorNetwork(PixelLocations.GRID, form, 3, 4, 0.5, 0, 0, 0, 0, 1);
      try (Model model = Model.newInstance("layout")) {
        Block block = network.build(new RbfKernel(0.5));
        model.setBlock(block);
        block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(2, 784));
        float[] u = PixelLayout.inputLocations(block);
        assertThat(u).as(form.name()).hasSize(784 * 2);
        assertThat(PixelLayout.neighbourRecall(u, 28, 28)).as(form.name()).isEqualTo(1.0);
      }
    }
    // random locations in the kernel form: one trained set per layer, [3, 784, 2]
    GridPriorNetwork random =
        new GridPriorNetwork(PixelLocations.RANDOM, LayerForm.KERNEL, 3, 4, 0.5, 0, 0, 0, 0, 1);
    try (Model model = Model.newInstance("layout")) {
      Block block = random.build(new RbfKernel(0.5));
      model.setBlock(block);
      block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(2, 784));
      float[] u = PixelLayout.inputLocations(block);
      assertThat(u).hasSize(3 * 784 * 2);
      assertThat(PixelLayout.neighbourRecall(u, 28, 28)).isLessThan(0.02);
    }
  }

  @Test
  void aBlockWithoutInputLocationsIsRejected() {
    Block plain = new SequentialBlock().add(Linear.builder().setUnits(3).build());
    assertThatThrownBy(() -> PixelLayout.inputLocations(plain))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("found 0");
  }
}
