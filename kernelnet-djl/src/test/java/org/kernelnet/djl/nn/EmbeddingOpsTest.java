package org.kernelnet.djl.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Eq. 9 and Eq. 10 against values worked out by hand. */
class EmbeddingOpsTest {
  private NDManager manager;

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void adaptiveThresholdKeepsTheTopOfEachRow() {
    NDArray x = manager.create(new float[] {1, 2, 3, 6, 4, 0, 2, 2}, new Shape(2, 4));
    // row 0: max 6, mean 3; row 1: max 4, mean 2
    assertThat(AdaptiveThreshold.apply(x, 0.5).toFloatArray())
        .containsExactly(0, 0, 0, 1.5f, 1, 0, 0, 0);
    assertThat(AdaptiveThreshold.apply(x, 0).toFloatArray())
        .containsExactly(0, 0, 0, 3, 2, 0, 0, 0);
    assertThat(AdaptiveThreshold.apply(x, 0.25).toFloatArray())
        .containsExactly(0, 0, 0, 2.25f, 1.5f, 0, 0, 0);
    assertThat(AdaptiveThreshold.apply(x, 1).toFloatArray()).containsOnly(0f);

    AdaptiveThreshold block = AdaptiveThreshold.of(0.5);
    block.initialize(manager, DataType.FLOAT32, x.getShape());
    NDArray y = block.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
    assertThat(y.toFloatArray()).containsExactly(0, 0, 0, 1.5f, 1, 0, 0, 0);
    assertThat(block.getOutputShapes(new Shape[] {new Shape(7, 4)})).containsExactly(new Shape(7, 4));
  }

  @Test
  void etaOutsideTheUnitIntervalIsRejected() {
    assertThatThrownBy(() -> AdaptiveThreshold.of(-0.1)).hasMessage("eta must be in [0, 1], got -0.1");
    assertThatThrownBy(() -> AdaptiveThreshold.of(1.5)).hasMessageContaining("got 1.5");
    assertThatThrownBy(() -> AdaptiveThreshold.of(Double.NaN)).hasMessageContaining("got NaN");
  }

  @Test
  void centreOfMassWeighsLocationsByActivationAndMarksEmptyRowsNaN() {
    NDArray x = manager.create(new float[] {1, 0, 1, 0, 0, 2, 0, 0, 0, 1, 3, 0}, new Shape(4, 3));
    NDArray v = manager.create(new float[] {0, 0, 2, 0, 0, 4}, new Shape(3, 2));
    float[] c = CentreOfMass.of(x, v).toFloatArray();
    assertThat(c[0]).isEqualTo(0f);
    assertThat(c[1]).isEqualTo(2f);
    assertThat(c[2]).isEqualTo(0f);
    assertThat(c[3]).isEqualTo(4f);
    assertThat(c[4]).isNaN();
    assertThat(c[5]).isNaN();
    assertThat(c[6]).isEqualTo(1.5f); // (1*0 + 3*2) / 4
    assertThat(c[7]).isEqualTo(0f);
  }

  @Test
  void centreOfMassChecksShapes() {
    assertThatThrownBy(
            () -> CentreOfMass.of(manager.ones(new Shape(2, 3)), manager.ones(new Shape(4, 2))))
        .hasMessageContaining("got (2, 3) and (4, 2)");
  }
}
