package org.kernelnet.djl.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Objectives with known minimisers for the optimiser tests. */
final class TestFunctions {
  private TestFunctions() {}

  /**
   * Extended Rosenbrock: {@code sum_i 100 (x_{2i+1} - x_{2i}^2)^2 + (1 - x_{2i})^2}, n even; its only
   * minimiser is all ones with value 0.
   */
  static DifferentiableFunction rosenbrock(int n) {
    return new DifferentiableFunction() {
      @Override
      public int dimension() {
        return n;
      }

      @Override
      public double evaluate(double[] x, double[] g) {
        double f = 0;
        for (int i = 0; i < n; i += 2) {
          double t = x[i + 1] - x[i] * x[i];
          double u = 1 - x[i];
          f += 100 * t * t + u * u;
          g[i] = -400 * x[i] * t - 2 * u;
          g[i + 1] = 200 * t;
        }
        return f;
      }
    };
  }

  /** {@code 0.5 sum_i lambda_i (x_i - c_i)^2}: minimiser {@code c}, minimum 0. */
  static DifferentiableFunction diagonalQuadratic(double[] lambda, double[] c) {
    int n = c.length;
    return new DifferentiableFunction() {
      @Override
      public int dimension() {
        return n;
      }

      @Override
      public double evaluate(double[] x, double[] g) {
        double value = 0;
        for (int i = 0; i < n; i++) {
          double e = x[i] - c[i];
          g[i] = lambda[i] * e;
          value += 0.5 * lambda[i] * e * e;
        }
        return value;
      }
    };
  }

  /** {@code 0.5 x'Ax - b'x} for a dense symmetric {@code A}. */
  static DifferentiableFunction quadratic(double[][] a, double[] b) {
    int n = b.length;
    return new DifferentiableFunction() {
      @Override
      public int dimension() {
        return n;
      }

      @Override
      public double evaluate(double[] x, double[] g) {
        double f = 0;
        for (int i = 0; i < n; i++) {
          double ax = 0;
          for (int j = 0; j < n; j++) {
            ax += a[i][j] * x[j];
          }
          g[i] = ax - b[i];
          f += 0.5 * x[i] * ax - b[i] * x[i];
        }
        return f;
      }
    };
  }

  /** {@code A = B'B / n + I} with B standard normal: symmetric positive definite, well conditioned. */
  static double[][] randomSpd(int n, Random random) {
    double[][] b = new double[n][n];
    for (double[] row : b) {
      for (int j = 0; j < n; j++) {
        row[j] = random.nextGaussian();
      }
    }
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double sum = 0;
        for (int k = 0; k < n; k++) {
          sum += b[k][i] * b[k][j];
        }
        a[i][j] = sum / n + (i == j ? 1 : 0);
      }
    }
    return a;
  }

  /** Solves {@code A x = b} by Gaussian elimination with partial pivoting. */
  static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n] = b[i];
    }
    for (int c = 0; c < n; c++) {
      int p = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[p][c])) {
          p = r;
        }
      }
      double[] t = m[c];
      m[c] = m[p];
      m[p] = t;
      for (int r = c + 1; r < n; r++) {
        double factor = m[r][c] / m[c][c];
        for (int k = c; k <= n; k++) {
          m[r][k] -= factor * m[c][k];
        }
      }
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double sum = m[i][n];
      for (int k = i + 1; k < n; k++) {
        sum -= m[i][k] * x[k];
      }
      x[i] = sum / m[i][i];
    }
    return x;
  }

  /** One recorded evaluation. */
  record Evaluation(double[] x, double value, double[] gradient) {}

  /** Wraps a function and keeps a copy of every evaluation (small n only). */
  static final class Recording implements DifferentiableFunction {
    final DifferentiableFunction f;
    final List<Evaluation> evaluations = new ArrayList<>();

    Recording(DifferentiableFunction f) {
      this.f = f;
    }

    @Override
    public int dimension() {
      return f.dimension();
    }

    @Override
    public double evaluate(double[] x, double[] gradient) {
      double value = f.evaluate(x, gradient);
      evaluations.add(new Evaluation(x.clone(), value, gradient.clone()));
      return value;
    }
  }
}
