package org.kernelnet.apps.mnist.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PearsonCorrelationTest {
  private static double r(double[] a, double[] b) {
    PearsonCorrelation r = new PearsonCorrelation();
    for (int i = 0; i < a.length; i++) {
      r.add(a[i], b[i]);
    }
    return r.value();
  }

  @Test
  void knownAnswers() {
    double[] a = {1, 2, 3, 4};
    assertThat(r(a, new double[] {3, 5, 7, 9})).isCloseTo(1, within(1e-12));
    assertThat(r(a, new double[] {-1, -2, -3, -4})).isCloseTo(-1, within(1e-12));
    // b = (2, 1, 4, 3): covariance 3, variances 5 and 5, so r = 3 / 5
    assertThat(r(a, new double[] {2, 1, 4, 3})).isCloseTo(0.6, within(1e-12));
  }

  @Test
  void constantSideOrNoPairsIsNaN() {
    assertThat(r(new double[] {1, 2, 3}, new double[] {5, 5, 5})).isNaN();
    assertThat(new PearsonCorrelation().value()).isNaN();
  }
}
