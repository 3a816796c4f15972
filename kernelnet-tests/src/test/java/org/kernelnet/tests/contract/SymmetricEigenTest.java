package org.kernelnet.tests.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link SymmetricEigen} against matrices with known spectra. */
class SymmetricEigenTest {
  @Test
  void twoByTwo() {
    assertThat(SymmetricEigen.eigenvalues(new double[][] {{2, 1}, {1, 2}}))
        .containsExactly(new double[] {1, 3}, within(1e-14));
  }

  @Test
  void secondDifferenceMatrix() {
    // tridiag(-1, 2, -1) of size 3: 2 - sqrt 2, 2, 2 + sqrt 2
    double[][] a = {{2, -1, 0}, {-1, 2, -1}, {0, -1, 2}};
    assertThat(SymmetricEigen.eigenvalues(a))
        .containsExactly(new double[] {2 - Math.sqrt(2), 2, 2 + Math.sqrt(2)}, within(1e-14));
  }

  @Test
  void indefiniteMatrixHasANegativeEigenvalue() {
    assertThat(SymmetricEigen.eigenvalues(new double[][] {{0, 1}, {1, 0}}))
        .containsExactly(new double[] {-1, 1}, within(1e-14));
  }

  @Test
  void rotatedDiagonalMatrixGivesBackItsDiagonal() {
    // Q diag(-3, 0.5, 1, 7, 10) Q^T for a random orthogonal Q (Gram-Schmidt of a random matrix).
    double[] lambda = {-3, 0.5, 1, 7, 10};
    int n = lambda.length;
    Random random = new Random(7);
    double[][] q = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < n; k++) {
        q[i][k] = random.nextGaussian();
      }
      for (int j = 0; j < i; j++) {
        double dot = 0;
        for (int k = 0; k < n; k++) {
          dot += q[i][k] * q[j][k];
        }
        for (int k = 0; k < n; k++) {
          q[i][k] -= dot * q[j][k];
        }
      }
      double norm = 0;
      for (int k = 0; k < n; k++) {
        norm += q[i][k] * q[i][k];
      }
      for (int k = 0; k < n; k++) {
        q[i][k] /= Math.sqrt(norm);
      }
    }
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        for (int k = 0; k < n; k++) {
          a[i][j] += q[k][i] * lambda[k] * q[k][j];
        }
      }
    }
    assertThat(SymmetricEigen.eigenvalues(a)).containsExactly(lambda, within(1e-12));
  }

  @Test
  void rejectsNonSymmetricMatrices() {
    assertThatThrownBy(() -> SymmetricEigen.eigenvalues(new double[][] {{1, 2}, {0, 1}}))
        .hasMessage("matrix is not symmetric at (1, 0): 0.0 vs 2.0");
  }
}
