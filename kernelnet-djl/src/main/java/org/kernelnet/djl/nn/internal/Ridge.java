package org.kernelnet.djl.nn.internal;

/**
 * Kernel ridge regression weights in double precision: {@code K_all,alpha (K_alpha,alpha + lambda
 * I)^-1}, by LU decomposition with partial pivoting (no symmetry assumed, so kernels that are not
 * symmetric work too).
 */
public final class Ridge {
  private Ridge() {}

  /**
   * @param cross {@code K_all,alpha}, {@code [n][m]}
   * @param gram {@code K_alpha,alpha}, {@code [m][m]}
   * @param lambda the ridge, {@code >= 0}
   * @return {@code cross (gram + lambda I)^-1}, {@code [n][m]}
   * @throws IllegalArgumentException if {@code gram + lambda I} is numerically singular
   */
  public static double[][] predictor(double[][] cross, double[][] gram, double lambda) {
    int m = gram.length;
    // X A = C  <=>  A^T X^T = C^T: factor A^T once, solve for each row of C.
    double[][] lu = new double[m][m];
    double scale = 0;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        lu[i][j] = gram[j][i] + (i == j ? lambda : 0);
        scale = Math.max(scale, Math.abs(lu[i][j]));
      }
    }
    int[] pivot = new int[m];
    for (int col = 0; col < m; col++) {
      int best = col;
      for (int r = col + 1; r < m; r++) {
        if (Math.abs(lu[r][col]) > Math.abs(lu[best][col])) {
          best = r;
        }
      }
      if (!(Math.abs(lu[best][col]) > 1e-13 * Math.max(scale, Double.MIN_NORMAL))) {
        throw new IllegalArgumentException(
            "K_alpha,alpha + lambda I is numerically singular (lambda = " + lambda
                + "); use a larger ridge or fewer, better separated alpha points");
      }
      pivot[col] = best;
      double[] tmp = lu[col];
      lu[col] = lu[best];
      lu[best] = tmp;
      for (int r = col + 1; r < m; r++) {
        double f = lu[r][col] / lu[col][col];
        lu[r][col] = f;
        if (f != 0) {
          for (int c = col + 1; c < m; c++) {
            lu[r][c] -= f * lu[col][c];
          }
        }
      }
    }
    double[][] result = new double[cross.length][];
    for (int row = 0; row < cross.length; row++) {
      double[] x = cross[row].clone();
      for (int col = 0; col < m; col++) {
        double t = x[col];
        x[col] = x[pivot[col]];
        x[pivot[col]] = t;
      }
      for (int i = 0; i < m; i++) {
        double s = x[i];
        for (int k = 0; k < i; k++) {
          s -= lu[i][k] * x[k];
        }
        x[i] = s;
      }
      for (int i = m - 1; i >= 0; i--) {
        double s = x[i];
        for (int k = i + 1; k < m; k++) {
          s -= lu[i][k] * x[k];
        }
        x[i] = s / lu[i][i];
      }
      result[row] = x;
    }
    return result;
  }
}
