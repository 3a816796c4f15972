package org.kernelnet.apps.cifar.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.kernelnet.apps.cli.ConfigurationException;

class ProbeConfigTest {
  private static ProbeConfig config(int depth, List<Integer> keep, int pool, int validation, double eta) {
    return config(depth, keep, OptionalInt.of(pool), validation, eta, 0);
  }

  private static ProbeConfig config(int depth, List<Integer> keep, OptionalInt pool, int validation,
      double eta, double weightDecay) {
    return config(depth, keep, pool, validation, eta, weightDecay, 0, true, 0);
  }

  private static ProbeConfig config(int depth, List<Integer> keep, OptionalInt pool, int validation,
      double eta, double weightDecay, double dropout, boolean mirror, int crops) {
    return new ProbeConfig(depth, keep, pool, ProbeConfig.DataFormat.AUTO, OptionalInt.of(2000),
        OptionalInt.empty(), validation, 500, 30, 2.0, Optional.empty(), OptionalDouble.of(eta), 3, 2,
        128, 1e-3, weightDecay, dropout, mirror, crops, 200, 7, Optional.empty(), false);
  }

  @Test
  void defaultKernelPutsTheRbfWidthAtTheGridSpacing() {
    // spacing 2 / 29, gamma = 1 / (2 spacing^2) = 29^2 / 8
    assertThat(ProbeConfig.defaultKernel(30, 2.0)).isEqualTo("rbf:gamma=105.125");
    assertThat(config(32, List.of(31), 1, 200, 0.5).kernelSpec()).isEqualTo("rbf:gamma=105.125");
    assertThat(config(32, List.of(31), 1, 200, 0.5).kernelUnits()).isEqualTo(900);
  }

  @Test
  void reportsEveryProblemTogether() {
    ConfigurationException e = catchThrowableOfType(
        () -> config(33, List.of(31, 31), 3, 2000, 1.0), ConfigurationException.class);

    assertThat(e.problems()).hasSize(5);
    assertThat(e.problems().get(0)).contains("--depth", "[20, 32, 44, 56]", "33");
    assertThat(e.problems().get(1)).contains("--keep", "twice");
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("--pool", "3"));
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("--validation 2000", "--train-limit 2000"));
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("--eta", "[0, 1)", "1.0"));
  }

  @Test
  void keptLayersMustCutBelowTheTopAtABlockBoundary() {
    ConfigurationException e = catchThrowableOfType(
        () -> config(32, List.of(32, 20, 31), 1, 200, 0.5), ConfigurationException.class);

    assertThat(e.problems()).hasSize(2);
    assertThat(e.problems().get(0)).startsWith("--keep 32 ").contains("1, 3, 5", "31]");
    assertThat(e.problems().get(1)).startsWith("--keep 20 ");
  }

  @Test
  void describesItselfWithPlainValues() {
    ProbeConfig c = config(20, List.of(19, 7), 4, 100, 0.25);

    assertThat(c.describe())
        .containsEntry("depth", 20)
        .containsEntry("keep", List.of(19, 7))
        .containsEntry("trainLimit", 2000)
        .containsEntry("testLimit", null)
        .containsEntry("kernel", "rbf:gamma=105.125")
        .containsEntry("threshold", "eq9:eta=0.25")
        .containsEntry("cache", null)
        .doesNotContainKey("output");
  }

  @Test
  void fullPoolingFeedsEachCutItsWholeMapAndAPoolMustDivideEveryMap() {
    ProbeConfig full = config(32, List.of(31, 21, 11), OptionalInt.empty(), 200, 0.5, 5e-4);

    assertThat(full.cellsPerSide(31)).isEqualTo(8);
    assertThat(full.cellsPerSide(21)).isEqualTo(16);
    assertThat(full.cellsPerSide(11)).isEqualTo(32);
    assertThat(full.describe()).containsEntry("pool", "full").containsEntry("weightDecay", 5e-4)
        .containsEntry("mirror", true);
    assertThat(config(32, List.of(31, 11), 8, 200, 0.5).cellsPerSide(11)).isEqualTo(8);

    ConfigurationException e = catchThrowableOfType(
        () -> config(32, List.of(31, 21, 11), OptionalInt.of(16), 200, 0.5, -1),
        ConfigurationException.class);
    assertThat(e.problems()).containsExactly(
        "--pool 16 does not divide the 8 x 8 feature map of the cut after 31 layers",
        "--weight-decay must be finite and >= 0, got -1.0");
    assertThat(catchThrowableOfType(() -> config(32, List.of(11), 64, 200, 0.5),
        ConfigurationException.class).problems()).singleElement().asString().contains("--pool", "64");
  }

  @Test
  void trainingViewsAreTheImagesTheirMirrorImagesAndSeededCrops() {
    assertThat(config(32, List.of(31), OptionalInt.of(8), 200, 0.5, 0, 0, false, 0).trainingViews())
        .containsExactly(TrainingView.IMAGES);
    List<TrainingView> views =
        config(32, List.of(31), OptionalInt.of(8), 200, 0.5, 0, 0.2, true, 2).trainingViews();

    assertThat(views).extracting(TrainingView::suffix)
        .containsExactly("", "-mirrored", "-crops4-s7-1", "-crops4-s7-2");
    assertThat(views.get(2).cropSeed()).isNotEqualTo(views.get(3).cropSeed());
    assertThat(config(32, List.of(31), OptionalInt.of(8), 200, 0.5, 0, 0.2, true, 2).describe())
        .containsEntry("dropout", 0.2).containsEntry("crops", 2).containsEntry("cropPadding", 4);

    ConfigurationException e = catchThrowableOfType(
        () -> config(32, List.of(31), OptionalInt.of(8), 200, 0.5, 0, 1.0, true, -1),
        ConfigurationException.class);
    assertThat(e.problems()).containsExactly("--dropout must be in [0, 1), got 1.0",
        "--crops must be in 0..16, got -1");
  }

  @Test
  void poolOptionTextIsFullOrANumber() {
    assertThat(ProbeCommand.pool("full")).isEmpty();
    assertThat(ProbeCommand.pool(" FULL ")).isEmpty();
    assertThat(ProbeCommand.pool("4")).hasValue(4);
    assertThat(catchThrowableOfType(() -> ProbeCommand.pool("half"), ConfigurationException.class))
        .hasMessageContaining("'half'");
  }
}
