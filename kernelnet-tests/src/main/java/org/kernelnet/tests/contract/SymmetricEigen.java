package org.kernelnet.tests.contract;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * Eigenvalues of a real symmetric matrix in double precision by the cyclic Jacobi method: sweeps of
 * plane rotations, each zeroing one off-diagonal entry, until the off-diagonal mass is negligible.
 * Quadratically convergent; {@code O(n^3)} per sweep, fine for the {@code n <= 100} matrices of the
 * kernel contract.
 */
final class SymmetricEigen {
  private static final int MAX_SWEEPS = 100;

  private SymmetricEigen() {}

  /**
   * The eigenvalues of {@code a} in ascending order.
   *
   * @param a a square symmetric matrix {@code [n, n]} (not modified)
   * @throws IllegalArgumentException if a is not square or not symmetric to {@code 1e-12} relative
   */
  static double[] eigenvalues(double[][] a) {
    requireNonNull(a, "a is null");
    int n = a.length;
    double[][] m = new double[n][];
    double scale = 0;
    for (int i = 0; i < n; i++) {
      if (a[i].length != n) {
        throw new IllegalArgumentException("matrix must be square, got row " + i + " of length "
            + a[i].length + " in a matrix of " + n + " rows");
      }
      m[i] = a[i].clone();
      for (double x : a[i]) {
        scale = Math.max(scale, Math.abs(x));
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        if (Math.abs(m[i][j] - m[j][i]) > 1e-12 * scale) {
          throw new IllegalArgumentException("matrix is not symmetric at (" + i + ", " + j + "): "
              + m[i][j] + " vs " + m[j][i]);
        }
      }
    }
    for (int sweep = 0; sweep < MAX_SWEEPS && offDiagonal(m) > 1e-30 * scale * scale; sweep++) {
      for (int p = 0; p < n - 1; p++) {
        for (int q = p + 1; q < n; q++) {
          rotate(m, p, q);
        }
      }
    }
    double[] eig = new double[n];
    for (int i = 0; i < n; i++) {
      eig[i] = m[i][i];
    }
    Arrays.sort(eig);
    return eig;
  }

  private static double offDiagonal(double[][] m) {
    double s = 0;
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m.length; j++) {
        if (i != j) {
          s += m[i][j] * m[i][j];
        }
      }
    }
    return s;
  }

  /** Applies {@code m <- J^T m J} with the rotation J in the (p, q) plane that zeroes m[p][q]. */
  private static void rotate(double[][] m, int p, int q) {
    double apq = m[p][q];
    if (apq == 0) {
      return;
    }
    double theta = (m[q][q] - m[p][p]) / (2 * apq);
    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
    if (theta == 0) {
      t = 1;
    }
    double c = 1 / Math.sqrt(t * t + 1);
    double s = t * c;
    for (int k = 0; k < m.length; k++) {
      double mkp = m[k][p];
      double mkq = m[k][q];
      m[k][p] = c * mkp - s * mkq;
      m[k][q] = s * mkp + c * mkq;
    }
    for (int k = 0; k < m.length; k++) {
      double mpk = m[p][k];
      double mqk = m[q][k];
      m[p][k] = c * mpk - s * mqk;
      m[q][k] = s * mpk + c * mqk;
    }
  }
}
