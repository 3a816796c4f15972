package org.kernelnet.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.kernelnet.api.KernelProperty.POSITIVE_SEMI_DEFINITE;
import static org.kernelnet.api.KernelProperty.SYMMETRIC;

import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kernelnet.kernels.RadialKernel.Profile;

/**
 * Which radial kernels claim positive semi-definiteness, and the counterexamples of the class javadoc
 * for the two that must not: on the points 0, 0.5, 1 of {@code R^1} with coefficients {@code c = (1,
 * -2, 1)}, {@code c^T K c = 6 K(0) - 8 K(0.5) + 2 K(1)} (K as a function of the difference).
 */
class RadialKernelPropertiesTest {
  private static final double[][] LINE = {{0}, {0.5}, {1}};

  @ParameterizedTest
  @EnumSource(Profile.class)
  void everyProfileOnEuclideanDistanceIsPositiveSemiDefinite(Profile profile) {
    assertThat(new RadialKernel(2, 0.5, DistanceMeasure.EUCLIDEAN, profile).properties())
        .containsExactlyInAnyOrder(SYMMETRIC, POSITIVE_SEMI_DEFINITE);
  }

  @Test
  void exponentialOnSquaredEuclideanIsTheRbfKernelAndPositiveSemiDefinite() {
    RadialKernel k = new RadialKernel(1, 4, DistanceMeasure.SQUARED_EUCLIDEAN, Profile.EXPONENTIAL);
    assertThat(k.properties()).containsExactlyInAnyOrder(SYMMETRIC, POSITIVE_SEMI_DEFINITE);
    double[] u = {0.3, -1.2};
    double[] v = {1.1, 0.4};
    assertThat(k.evaluate(u, v)).isCloseTo(new RbfKernel(0.25).evaluate(u, v), within(1e-15));
    // exp(-0.25 r^2) at r = 0, 0.5, 1: 6 - 8 e^-0.0625 + 2 e^-0.25 > 0
    assertThat(quadraticForm(k)).isCloseTo(6 - 8 * Math.exp(-0.0625) + 2 * Math.exp(-0.25), within(1e-12))
        .isPositive();
  }

  @Test
  void gaussianOnSquaredEuclideanIsNotPositiveSemiDefinite() {
    RadialKernel k = new RadialKernel(1, 1, DistanceMeasure.SQUARED_EUCLIDEAN, Profile.GAUSSIAN);
    assertThat(k.properties()).containsExactly(SYMMETRIC);
    // exp(-r^4): 6 - 8 exp(-1/16) + 2 exp(-1) = -0.7795...
    assertThat(quadraticForm(k)).isCloseTo(6 - 8 * Math.exp(-0.0625) + 2 * Math.exp(-1), within(1e-12))
        .isLessThan(-0.77);
  }

  @Test
  void inverseMultiquadricOnSquaredEuclideanIsNotPositiveSemiDefinite() {
    RadialKernel k =
        new RadialKernel(1, 1, DistanceMeasure.SQUARED_EUCLIDEAN, Profile.INVERSE_MULTIQUADRIC);
    assertThat(k.properties()).containsExactly(SYMMETRIC);
    // 1/sqrt(1 + r^4): 6 - 8/sqrt(1 + 1/16) + 2/sqrt(2) = -0.3469...
    assertThat(quadraticForm(k)).isCloseTo(6 - 8 / Math.sqrt(1.0625) + 2 / Math.sqrt(2), within(1e-12))
        .isLessThan(-0.34);
  }

  /** {@code c^T gram(LINE, LINE) c} for {@code c = (1, -2, 1)}, from the float64 Gram matrix. */
  private static double quadraticForm(RadialKernel kernel) {
    double[][] g = Grams.gram(kernel, LINE, LINE, DataType.FLOAT64);
    double[] c = {1, -2, 1};
    double q = 0;
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        q += c[i] * g[i][j] * c[j];
      }
    }
    return q;
  }
}
