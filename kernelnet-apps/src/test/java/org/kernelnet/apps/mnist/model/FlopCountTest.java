package org.kernelnet.apps.mnist.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlopCountTest {
  private final FlopCount mlp = new FlopCount(List.of(
      new FlopCount.DenseMap(784, 100, true), new FlopCount.DenseMap(100, 10, false)));

  @Test
  void forwardCountsTwoFlopsPerMultiplyAccumulate() {
    assertThat(mlp.forwardMacsPerExample()).isEqualTo(78_400 + 1_000);
    assertThat(mlp.forwardFlops(3)).isEqualTo(2.0 * 3 * 79_400);
  }

  @Test
  void trainingAddsWeightGradientsAndInputGradientsExceptForTheDataLayer() {
    // data layer: forward + weight gradient = 2 products; hidden layer: 3 products
    double expected = 2.0 * 4 * 78_400 * 2 + 2.0 * 4 * 1_000 * 3;

    assertThat(mlp.trainingFlops(4)).isEqualTo(expected);
  }

  @Test
  void gridPriorNetworkHasOneDataMapPerLayerAndTheSoftmaxLayer() {
    GridPriorNetwork network =
        new GridPriorNetwork(PixelLocations.GRID, LayerForm.KERNEL, 3, 7, 0.5, 0, 0, 0, 0, 1);

    FlopCount count = network.flopCount();

    assertThat(count.maps()).containsExactly(
        new FlopCount.DenseMap(784, 7, true), new FlopCount.DenseMap(784, 7, true),
        new FlopCount.DenseMap(784, 7, true), new FlopCount.DenseMap(21, 10, false));
    assertThat(count.trainingFlops(1)).isEqualTo(3 * 2.0 * 784 * 7 * 2 + 2.0 * 21 * 10 * 3);
  }

  @Test
  void gridPriorNetworkWithAHiddenLayerAddsItsTwoMaps() {
    GridPriorNetwork network =
        new GridPriorNetwork(PixelLocations.GRID, LayerForm.KERNEL, 2, 7, 0.5, 0, 0.2, 0.5, 5, 1);

    assertThat(network.flopCount().maps()).containsExactly(
        new FlopCount.DenseMap(784, 7, true), new FlopCount.DenseMap(784, 7, true),
        new FlopCount.DenseMap(14, 5, false), new FlopCount.DenseMap(5, 10, false));
    assertThat(network.describe()).endsWith("-> concat -> relu -> Linear(5) -> relu -> Linear(10)");
  }

  @Test
  void rejectsBadSizes() {
    assertThatThrownBy(() -> new FlopCount.DenseMap(0, 3, true)).hasMessageContaining("0 -> 3");
    assertThatThrownBy(() -> mlp.trainingFlops(0)).hasMessageContaining("got 0");
  }
}
