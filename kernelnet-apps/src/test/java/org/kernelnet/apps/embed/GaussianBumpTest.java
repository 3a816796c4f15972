package org.kernelnet.apps.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GaussianBumpTest {
  @Test
  void valuesFollowTheFormula() {
    float[] bump = GaussianBump.of(5, 7, 2, 3, 1.5, 2);

    assertThat(bump).hasSize(35);
    // Unit k = r * cols + c; the peak sits at the centre (2, 3).
    assertThat(bump[2 * 7 + 3]).isCloseTo(2f, within(1e-6f));
    assertThat(bump[0]).isCloseTo((float) (2 * Math.exp(-(4 + 9) / (2 * 2.25))), within(1e-6f));
    assertThat(bump[4 * 7 + 6]).isCloseTo((float) (2 * Math.exp(-(4 + 9) / (2 * 2.25))), within(1e-6f));
    assertThat(bump[2 * 7 + 4]).isCloseTo((float) (2 * Math.exp(-1 / 4.5)), within(1e-6f));
    int argmax = 0;
    for (int k = 1; k < bump.length; k++) {
      argmax = bump[k] > bump[argmax] ? k : argmax;
    }
    assertThat(argmax).isEqualTo(17);
  }

  @Test
  void massOfAnInteriorBumpIsTheGaussianIntegral() {
    double sigma = 2;
    float[] bump = GaussianBump.of(40, 40, 19.5, 20.25, sigma, 1);
    double sum = 0;
    double rowMoment = 0;
    double colMoment = 0;
    for (int k = 0; k < bump.length; k++) {
      sum += bump[k];
      rowMoment += bump[k] * (k / 40);
      colMoment += bump[k] * (k % 40);
    }

    assertThat(sum).isCloseTo(2 * Math.PI * sigma * sigma, within(1e-3));
    assertThat(rowMoment / sum).isCloseTo(19.5, within(1e-4));
    assertThat(colMoment / sum).isCloseTo(20.25, within(1e-4));
  }

  @Test
  void stepsSpanTheWindowInclusive() {
    assertThat(GaussianBump.steps(2, 8, 4)).containsExactly(2, 4, 6, 8);
    assertThat(GaussianBump.steps(-1, 1, 1)).containsExactly(0);
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> GaussianBump.of(0, 3, 0, 0, 1, 1)).hasMessageContaining("0 x 3");
    assertThatThrownBy(() -> GaussianBump.of(3, 3, 0, 0, 0, 1)).hasMessageContaining("sigma");
    assertThatThrownBy(() -> GaussianBump.of(3, 3, Double.NaN, 0, 1, 1)).hasMessageContaining("centre");
    assertThatThrownBy(() -> GaussianBump.steps(0, 1, 0)).hasMessageContaining("n must be >= 1");
  }
}
