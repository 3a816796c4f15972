package org.kernelnet.apps.movielens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.djl.complexity.Complexity;
import org.kernelnet.djl.complexity.ComplexityReport;
import org.kernelnet.djl.complexity.ComplexityReport.LayerComplexity;

/** Table 4's parameter and MAC counts, reproduced from the network dimensions without training. */
class PredictionCostTest {
  private static KernelnetRegistry registry;

  @BeforeAll
  static void registry() {
    registry = KernelnetRegistry.load(PredictionCostTest.class.getClassLoader());
  }

  /**
   * Seeded: PyTorch draws uniform floats with 24 random bits, so an unseeded draw of 3 M weights
   * holds an exact zero (which costs no MAC) one time in five or so.
   */
  private static PredictionCost autorecOnMl1m(int layers) {
    Engine.getInstance().setRandomSeed(1);
    AutoencoderSpec spec = new AutoencoderSpec(ModelKind.AUTOREC, layers, 500, null, 0, 1, 0);
    try (ItemAutoencoder net = ItemAutoencoder.create(spec, 6040, registry, Device.cpu())) {
      return net.cost(10);
    }
  }

  @Test
  void iAutoRecOneHiddenLayerOnMl1mMatchesTable4() {
    PredictionCost cost = autorecOnMl1m(1);

    // 6040*500 + 500 + 500*6040 + 6040 = 6.05 M; 10*500 + 500*6040 = 3.03 M
    assertThat(cost.freeParameters()).isEqualTo(6_046_540L);
    assertThat(cost.macs()).isEqualTo(3_025_000L);
    assertThat(cost.freeParameters() / 1e6).isCloseTo(6.05, org.assertj.core.data.Offset.offset(0.005));
    assertThat(cost.macs() / 1e6).isCloseTo(3.03, org.assertj.core.data.Offset.offset(0.005));
    assertThat(cost.layers()).hasSize(2);
  }

  @Test
  void iAutoRecTwoHiddenLayersOnMl1mMatchesTable4() {
    PredictionCost cost = autorecOnMl1m(2);

    assertThat(cost.freeParameters()).isEqualTo(6_297_040L);
    assertThat(cost.macs()).isEqualTo(3_275_000L);
    assertThat(cost.freeParameters() / 1e6).isCloseTo(6.30, org.assertj.core.data.Offset.offset(0.005));
    assertThat(cost.macs() / 1e6).isCloseTo(3.28, org.assertj.core.data.Offset.offset(0.005));
  }

  @Test
  void kernelNetOneHiddenLayerOnMl1mMatchesTable4Parameters() {
    AutoencoderSpec spec = new AutoencoderSpec(ModelKind.KERNELNET, 1, 500, "tanh", 50, 1, 0);
    try (ItemAutoencoder net = ItemAutoencoder.create(spec, 6040, registry, Device.cpu())) {
      // u, v of both layers (d = 50), alpha and bias per output unit: 0.67 M (Table 4)
      assertThat(net.cost(10).freeParameters())
          .isEqualTo(6040L * 50 + 500 * 50 + 500 + 500 + 500L * 50 + 6040 * 50 + 6040 + 6040);
      assertThat(net.cost(10).freeParameters() / 1e6)
          .isCloseTo(0.67, org.assertj.core.data.Offset.offset(0.005));
    }
  }

  @Test
  void onlyTheFirstLayerIsScaledByTheRatedInputsAndZerosCostNothing() {
    ComplexityReport report = new ComplexityReport(List.of(
        new LayerComplexity("a", "X", new Complexity(120, 110, 100)),
        new LayerComplexity("b", "X", new Complexity(30, 30, 7))),
        new Complexity(150, 140, 107));

    PredictionCost cost = PredictionCost.of(report, 50, 10);

    assertThat(cost.macs()).isEqualTo(100 * 10 / 50 + 7);
    assertThat(cost.freeParameters()).isEqualTo(150);
    assertThat(cost.denseEquivalentParameters()).isEqualTo(140);
    assertThatThrownBy(() -> PredictionCost.of(report, 50, 51))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[1, 50], got 51");
  }
}
