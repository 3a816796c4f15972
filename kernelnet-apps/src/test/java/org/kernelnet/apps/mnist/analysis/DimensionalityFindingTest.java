package org.kernelnet.apps.mnist.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DimensionalityFindingTest {
  private static MeanAndError m(double mean, double se) {
    return new MeanAndError(mean, se, 5);
  }

  @Test
  void holdsWhenRichKernelsWinAtSmallDAndDotCatchesUp() {
    DimensionalityFinding finding = DimensionalityFinding.check(Map.of(
        "dot", Map.of(1, m(0.30, 0.01), 50, m(0.975, 0.001)),
        "poly", Map.of(1, m(0.40, 0.01), 50, m(0.970, 0.001)),
        "rbf", Map.of(1, m(0.60, 0.01), 50, m(0.978, 0.001))));

    assertThat(finding.applicable()).isTrue();
    assertThat(finding.smallDimensionHolds()).isTrue();
    assertThat(finding.largeDimensionHolds()).isTrue();
    assertThat(finding.holds()).isTrue();
    assertThat(finding.explanation()).contains("small d=1").contains("large d=50");
  }

  @Test
  void failsWhenTheDotProductWinsAtSmallD() {
    DimensionalityFinding finding = DimensionalityFinding.check(Map.of(
        "dot", Map.of(1, m(0.50, 0.01), 50, m(0.975, 0.001)),
        "poly", Map.of(1, m(0.40, 0.01), 50, m(0.970, 0.001)),
        "rbf", Map.of(1, m(0.60, 0.01), 50, m(0.978, 0.001))));

    assertThat(finding.smallDimensionHolds()).isFalse();
    assertThat(finding.largeDimensionHolds()).isTrue();
    assertThat(finding.holds()).isFalse();
  }

  @Test
  void aWinWithinTheStandardErrorDoesNotCount() {
    DimensionalityFinding finding = DimensionalityFinding.check(Map.of(
        "dot", Map.of(1, m(0.50, 0.03), 50, m(0.97, 0.001)),
        "poly", Map.of(1, m(0.52, 0.03), 50, m(0.97, 0.001)),
        "rbf", Map.of(1, m(0.60, 0.01), 50, m(0.97, 0.001))));

    assertThat(finding.smallDimensionHolds()).isFalse();
  }

  @Test
  void failsWhenTheDotProductStaysBehindAtLargeD() {
    DimensionalityFinding finding = DimensionalityFinding.check(Map.of(
        "dot", Map.of(2, m(0.30, 0.01), 20, m(0.90, 0.002)),
        "poly", Map.of(2, m(0.40, 0.01), 20, m(0.95, 0.002)),
        "rbf", Map.of(2, m(0.60, 0.01), 20, m(0.97, 0.002))));

    assertThat(finding.smallDimensionHolds()).isTrue();
    assertThat(finding.largeDimensionHolds()).isFalse();
  }

  @Test
  void notApplicableWithoutAllThreeKernelsOrTwoDimensions() {
    assertThat(DimensionalityFinding.check(Map.of(
        "dot", Map.of(1, m(0.3, 0), 2, m(0.4, 0)),
        "rbf", Map.of(1, m(0.3, 0), 2, m(0.4, 0)))).applicable()).isFalse();
    assertThat(DimensionalityFinding.check(Map.of(
        "dot", Map.of(1, m(0.3, 0)),
        "poly", Map.of(1, m(0.3, 0)),
        "rbf", Map.of(1, m(0.3, 0)))).applicable()).isFalse();
  }
}
