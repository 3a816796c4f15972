package org.kernelnet.djl.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ParameterAverage}: the warmed-up recurrence by hand, exact restores, frozen parameters left
 * alone, bad arguments refused.
 */
class ParameterAverageTest {
  private static final NDIndex ALL = new NDIndex("...");

  /** A linear layer {@code [B, 3] -> [B, 1]}: weight {@code [1, 3]}, bias {@code [1]}. */
  private static Linear linear(NDManager manager) {
    Linear block = Linear.builder().setUnits(1).build();
    block.initialize(manager, DataType.FLOAT32, new Shape(2, 3));
    return block;
  }

  private static Parameter parameter(Linear block, String name) {
    return block.getParameters().get(name);
  }

  private static float[] weightAt(int step) {
    return new float[] {step, -0.5f * step, (float) Math.sin(step)};
  }

  @Test
  void followsTheWarmedUpRecurrenceAndRestoresTheParametersExactly() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Linear block = linear(manager);
      Parameter weight = parameter(block, "weight");
      Parameter bias = parameter(block, "bias");
      bias.freeze(true);
      weight.getArray().set(ALL, manager.create(weightAt(0), new Shape(1, 3)));
      double decay = 0.5;
      double[] expected = {0, 0, 0};
      try (ParameterAverage average = ParameterAverage.of(block, decay)) {
        for (int t = 1; t <= 12; t++) {
          float[] w = weightAt(t);
          weight.getArray().set(ALL, manager.create(w, new Shape(1, 3)));
          bias.getArray().set(ALL, manager.create(new float[] {t}));
          average.update();
          // beta_t < decay for t < 8, = decay afterwards
          double beta = Math.min(decay, (1.0 + t) / (10.0 + t));
          for (int j = 0; j < 3; j++) {
            expected[j] = beta * expected[j] + (1 - beta) * w[j];
          }
        }
        assertThat(average.updates()).isEqualTo(12);
        float[] last = weightAt(12);
        try (ParameterAverage.Applied applied = average.applied()) {
          float[] averaged = weight.getArray().toFloatArray();
          for (int j = 0; j < 3; j++) {
            assertThat((double) averaged[j]).isCloseTo(expected[j], within(1e-5));
          }
          assertThat(averaged).isNotEqualTo(last);
          assertThat(bias.getArray().toFloatArray()).containsExactly(12f);
        }
        assertThat(weight.getArray().toFloatArray()).containsExactly(last);
        average.copyIntoParameters();
        assertThat((double) weight.getArray().toFloatArray()[0]).isCloseTo(expected[0], within(1e-5));
      }
    }
  }

  @Test
  void aStatePutBackIntoANewAverageContinuesAsTheAverageThatNeverStopped() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Linear block = linear(manager);
      Parameter weight = parameter(block, "weight");
      try (ParameterAverage whole = ParameterAverage.of(block, 0.9);
          ParameterAverage first = ParameterAverage.of(block, 0.9)) {
        for (int t = 1; t <= 5; t++) {
          weight.getArray().set(ALL, manager.create(weightAt(t), new Shape(1, 3)));
          whole.update();
          first.update();
        }
        ParameterAverage.State state = first.state();
        try (ParameterAverage resumed = ParameterAverage.of(block, 0.9)) {
          resumed.restore(state);
          for (int t = 6; t <= 9; t++) {
            weight.getArray().set(ALL, manager.create(weightAt(t), new Shape(1, 3)));
            whole.update();
            resumed.update();
          }
          assertThat(state.updates()).isEqualTo(5);
          assertThat(resumed.updates()).isEqualTo(9);
          for (int i = 0; i < 2; i++) {
            assertThat(resumed.state().averages().get(i))
                .isEqualTo(whole.state().averages().get(i));
          }
          assertThatThrownBy(() -> resumed.restore(new ParameterAverage.State(1, List.of())))
              .hasMessage("the state has 0 averages, this average 2");
        }
      }
    }
  }

  @Test
  void startsAtTheCurrentValues() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Linear block = linear(manager);
      float[] start = parameter(block, "weight").getArray().toFloatArray();
      try (ParameterAverage average = ParameterAverage.of(block, 0.9);
          ParameterAverage.Applied applied = average.applied()) {
        assertThat(parameter(block, "weight").getArray().toFloatArray()).containsExactly(start);
      }
    }
  }

  @Test
  void refusesBadDecaysFrozenAndUninitialisedBlocks() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Linear block = linear(manager);
      for (double decay : new double[] {0, 1, -0.5, Double.NaN}) {
        assertThatThrownBy(() -> ParameterAverage.of(block, decay))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(0, 1)");
      }
      block.freezeParameters(true);
      assertThatThrownBy(() -> ParameterAverage.of(block, 0.9))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no trainable");
      Linear fresh = Linear.builder().setUnits(1).build();
      assertThatThrownBy(() -> ParameterAverage.of(fresh, 0.9))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not initialised");
    }
  }
}
