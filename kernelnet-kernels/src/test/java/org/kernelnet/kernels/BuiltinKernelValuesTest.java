package org.kernelnet.kernels;

import static java.lang.Math.exp;
import static java.lang.Math.sqrt;
import static java.lang.Math.tanh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.kernelnet.api.KernelProperty.FINITE_SUPPORT;
import static org.kernelnet.api.KernelProperty.POSITIVE_SEMI_DEFINITE;
import static org.kernelnet.api.KernelProperty.SYMMETRIC;
import static org.kernelnet.kernels.Grams.assertKernelValues;

import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.Test;
import org.kernelnet.api.Config;
import org.kernelnet.kernels.RadialKernel.Profile;

/**
 * Each built-in kernel against values computed by hand. Unless stated otherwise the inputs are {@code
 * U = [(1, 0), (0, 2)]} and {@code V = [(1, 1), (0, 0), (3, 0)]}, for which {@code U V^T = [[1, 0, 3],
 * [2, 0, 0]]} and {@code ||u_i - v_j||^2 = [[1, 1, 4], [2, 4, 13]]}.
 */
class BuiltinKernelValuesTest {
  private static final double[][] U = {{1, 0}, {0, 2}};
  private static final double[][] V = {{1, 1}, {0, 0}, {3, 0}};

  @Test
  void polynomialWithDefaults() {
    PolynomialKernel k = new PolynomialKernel.Factory().create(
        Config.builder().put("degree", 2).put("offset", 1.0).build());
    assertKernelValues(k, U, V, new double[][] {{4, 1, 16}, {9, 1, 1}});
    assertThat(k.properties()).containsExactlyInAnyOrder(SYMMETRIC, POSITIVE_SEMI_DEFINITE);
  }

  @Test
  void polynomialCubicWithOffset() {
    assertKernelValues(new PolynomialKernel(3, 0.5), U, V,
        new double[][] {{3.375, 0.125, 42.875}, {15.625, 0.125, 0.125}});
  }

  @Test
  void polynomialOfDegreeOneWithoutOffsetIsTheDotProduct() {
    assertKernelValues(new PolynomialKernel(1, 0), U, V, new double[][] {{1, 0, 3}, {2, 0, 0}});
  }

  @Test
  void polynomialOddDegreeKeepsTheSignOfNegativeProducts() {
    assertKernelValues(new PolynomialKernel(3, 0), new double[][] {{-1, 0}}, new double[][] {{2, 5}},
        new double[][] {{-8}});
  }

  @Test
  void radialGaussianOnEuclideanIsTheRbfKernel() {
    assertKernelValues(new RadialKernel(1, 1, DistanceMeasure.EUCLIDEAN, Profile.GAUSSIAN), U, V,
        new double[][] {{exp(-1), exp(-1), exp(-4)}, {exp(-2), exp(-4), exp(-13)}});
  }

  @Test
  void radialExponentialOnEuclideanWithScaleAndLength() {
    assertKernelValues(new RadialKernel(2, 2, DistanceMeasure.EUCLIDEAN, Profile.EXPONENTIAL), U, V,
        new double[][] {
          {2 * exp(-0.5), 2 * exp(-0.5), 2 * exp(-1)},
          {2 * exp(-sqrt(2) / 2), 2 * exp(-1), 2 * exp(-sqrt(13) / 2)}
        });
  }

  @Test
  void radialInverseMultiquadricOnEuclidean() {
    assertKernelValues(
        new RadialKernel(1, 1, DistanceMeasure.EUCLIDEAN, Profile.INVERSE_MULTIQUADRIC), U, V,
        new double[][] {{1 / sqrt(2), 1 / sqrt(2), 1 / sqrt(5)}, {1 / sqrt(3), 1 / sqrt(5), 1 / sqrt(14)}});
  }

  @Test
  void radialGaussianOnSquaredEuclidean() {
    assertKernelValues(new RadialKernel(1, 2, DistanceMeasure.SQUARED_EUCLIDEAN, Profile.GAUSSIAN), U, V,
        new double[][] {{exp(-0.25), exp(-0.25), exp(-4)}, {exp(-1), exp(-4), exp(-42.25)}});
  }

  @Test
  void radialExponentialOnSquaredEuclidean() {
    assertKernelValues(
        new RadialKernel(0.5, 2, DistanceMeasure.SQUARED_EUCLIDEAN, Profile.EXPONENTIAL), U, V,
        new double[][] {
          {0.5 * exp(-0.5), 0.5 * exp(-0.5), 0.5 * exp(-2)}, {0.5 * exp(-1), 0.5 * exp(-2), 0.5 * exp(-6.5)}
        });
  }

  @Test
  void radialInverseMultiquadricOnSquaredEuclidean() {
    assertKernelValues(
        new RadialKernel(1, 1, DistanceMeasure.SQUARED_EUCLIDEAN, Profile.INVERSE_MULTIQUADRIC), U, V,
        new double[][] {{1 / sqrt(2), 1 / sqrt(2), 1 / sqrt(17)}, {1 / sqrt(5), 1 / sqrt(17), 1 / sqrt(170)}});
  }

  @Test
  void radialIsExactAtCoincidingPoints() {
    double[][] p = {{0.5, -1}};
    assertKernelValues(new RadialKernel(3, 1, DistanceMeasure.EUCLIDEAN, Profile.EXPONENTIAL), p, p,
        new double[][] {{3}});
  }

  @Test
  void hatOnEuclideanIsZeroExactlyFromItsSupportRadiusOn() {
    // 1 - 0.5 D with D = [[1, 1, 2], [sqrt 2, 2, sqrt 13]]: D = 2 lies on the support boundary.
    HatKernel k = new HatKernel(0.5, DistanceMeasure.EUCLIDEAN);
    assertKernelValues(k, U, V, new double[][] {{0.5, 0.5, 0}, {1 - sqrt(2) / 2, 0, 0}});
    assertThat(Grams.gram(k, U, V, DataType.FLOAT32)[0][2]).isZero();
    assertThat(k.properties()).containsExactlyInAnyOrder(SYMMETRIC, FINITE_SUPPORT);
  }

  @Test
  void hatOnSquaredEuclidean() {
    assertKernelValues(new HatKernel(0.2, DistanceMeasure.SQUARED_EUCLIDEAN), U, V,
        new double[][] {{0.8, 0.8, 0.2}, {0.6, 0.2, 0}});
  }

  @Test
  void squaredHat() {
    // ||u - v||^2 = [[0.25, 1.25, 0.25], [0, 2, 0.5]]
    SquaredHatKernel k = new SquaredHatKernel();
    assertKernelValues(k, new double[][] {{0.5, 0}, {0, 0}}, new double[][] {{0, 0}, {1, 1}, {0.5, 0.5}},
        new double[][] {{0.75, 0, 0.75}, {1, 0, 0.5}});
    assertThat(k.properties()).containsExactlyInAnyOrder(SYMMETRIC, FINITE_SUPPORT);
  }

  @Test
  void tanhWithDefaults() {
    TanhKernel k = new TanhKernel(1, 0);
    assertKernelValues(k, U, V, new double[][] {{tanh(1), 0, tanh(3)}, {tanh(2), 0, 0}});
    assertThat(k.properties()).containsExactly(SYMMETRIC);
  }

  @Test
  void tanhWithScaleAndOffset() {
    assertKernelValues(new TanhKernel(0.5, 0.1), U, V,
        new double[][] {{tanh(0.6), tanh(0.1), tanh(1.6)}, {tanh(1.1), tanh(0.1), tanh(0.1)}});
  }

  @Test
  void tanhIsNotPositiveSemiDefinite() {
    // The points 1 and 2 of R^1 (the class javadoc's counterexample): determinant < 0.
    double[][] g = Grams.gram(new TanhKernel(1, 0), new double[][] {{1}, {2}}, new double[][] {{1}, {2}},
        DataType.FLOAT64);
    assertThat(g[0][0] * g[1][1] - g[0][1] * g[1][0]).isCloseTo(-0.16827, within(1e-5));
  }

  @Test
  void squaredExponential() {
    SquaredExponentialKernel k = new SquaredExponentialKernel(2);
    assertKernelValues(k, U, V,
        new double[][] {{exp(-0.125), exp(-0.125), exp(-0.5)}, {exp(-0.25), exp(-0.5), exp(-1.625)}});
    assertThat(k.properties()).containsExactlyInAnyOrder(SYMMETRIC, POSITIVE_SEMI_DEFINITE);
  }

  @Test
  void constructorsRejectBadSettingsNamingValueAndRange() {
    assertThatThrownBy(() -> new PolynomialKernel(0, 1))
        .hasMessage("degree must be an integer >= 1, got 0");
    assertThatThrownBy(() -> new PolynomialKernel(2, -0.5))
        .hasMessage("offset must be a finite number >= 0, got -0.5");
    assertThatThrownBy(() -> new RadialKernel(0, 1, DistanceMeasure.EUCLIDEAN, Profile.GAUSSIAN))
        .hasMessage("scale must be a finite number > 0, got 0.0");
    assertThatThrownBy(() -> new RadialKernel(1, Double.NaN, DistanceMeasure.EUCLIDEAN, Profile.GAUSSIAN))
        .hasMessage("length must be a finite number > 0, got NaN");
    assertThatThrownBy(() -> new RadialKernel(1, 1, null, Profile.GAUSSIAN))
        .isInstanceOf(NullPointerException.class).hasMessage("distance is null");
    assertThatThrownBy(() -> new HatKernel(-1, DistanceMeasure.EUCLIDEAN))
        .hasMessage("a must be a finite number > 0, got -1.0");
    assertThatThrownBy(() -> new TanhKernel(1, Double.POSITIVE_INFINITY))
        .hasMessage("offset must be a finite number, got Infinity");
    assertThatThrownBy(() -> new SquaredExponentialKernel(0))
        .hasMessage("length must be a finite number > 0, got 0.0");
  }

  @Test
  void evaluateRejectsPointsOfDifferentDimension() {
    assertThatThrownBy(() -> new SquaredHatKernel().evaluate(new double[2], new double[3]))
        .hasMessage("Points must have the same dimension, got 2 and 3");
  }
}
