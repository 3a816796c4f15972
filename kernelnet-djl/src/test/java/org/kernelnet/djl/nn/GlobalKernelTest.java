package org.kernelnet.djl.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link GlobalKernel} against a direct computation with loops: the pooled outputs, the scaled dot
 * product, the 3x3 (and 5x5) cross-correlation with zero padding and the ReLU, and the gradient of
 * the weight against central differences of the direct computation.
 */
class GlobalKernelTest {
  private static final int N = 4;
  private static final int M = 5;
  /** A sparse rating matrix [4, 5]: 0 is unrated. */
  private static final double[][] R = {
      {5, 0, 3, 0, 1},
      {0, 4, 0, 0, 2},
      {1, 0, 0, 5, 0},
      {0, 2, 4, 0, 3}};

  private NDManager manager;

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void matchesTheDirectComputationWithSamePaddingAndRelu() {
    Random random = new Random(5);
    double[][] y = matrix(random, N, M, 1, 5);
    double[][] c = matrix(random, N, 9, -1, 1);
    GlobalKernel block = block(3, 0.5, c);

    double[][] expected = direct(R, y, c, 3, 0.5);
    assertForward(block, y, expected, 1e-4);
    int zeros = 0;
    for (double[] row : expected) {
      for (double v : row) {
        zeros += v == 0 ? 1 : 0;
      }
    }
    // the case exercises both sides of the ReLU
    assertThat(zeros).isBetween(1, N * M - 1);
    try (NDManager scope = manager.newSubManager()) {
      // the kernel itself, row-major
      float[] g = block.kernel(new ParameterStore(scope, false), array(scope, y), false)
          .toFloatArray();
      double[] gk = kernelValues(y, c, 9, 0.5);
      for (int k = 0; k < 9; k++) {
        assertThat((double) g[k]).isCloseTo(gk[k], within(1e-5));
      }
    }
  }

  @Test
  void aFiveByFiveKernelPadsTwoOnEverySide() {
    Random random = new Random(9);
    double[][] y = matrix(random, N, M, 1, 5);
    double[][] c = matrix(random, N, 25, -1, 1);

    assertForward(block(5, 2, c), y, direct(R, y, c, 5, 2), 1e-3);
  }

  /** The block's output for {@code (R, y)} is {@code [N, M]} and within {@code tolerance}. */
  private void assertForward(GlobalKernel block, double[][] y, double[][] expected,
      double tolerance) {
    try (NDManager scope = manager.newSubManager()) {
      NDArray out = block.forward(new ParameterStore(scope, false),
          new NDList(array(scope, R), array(scope, y)), false).singletonOrThrow();
      assertThat(out.getShape()).isEqualTo(new Shape(N, M));
      float[] values = out.toFloatArray();
      for (int i = 0; i < N; i++) {
        for (int j = 0; j < M; j++) {
          assertThat((double) values[i * M + j]).as("out[%d, %d]", i, j)
              .isCloseTo(expected[i][j], within(tolerance));
        }
      }
    }
  }

  @Test
  void weightGradientMatchesCentralDifferencesOfTheDirectComputation() {
    Random random = new Random(13);
    double[][] y = matrix(random, N, M, 1, 5);
    double[][] c = matrix(random, N, 9, -1, 1);
    GlobalKernel block = block(3, 1, c);
    // loss = sum_ij w_ij out_ij with fixed weights w
    double[][] w = matrix(random, N, M, -1, 1);
    float[] gradient;
    try (NDManager scope = manager.newSubManager()) {
      try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
        NDArray out = block.forward(new ParameterStore(scope, false),
            new NDList(array(scope, R), array(scope, y)), true).singletonOrThrow();
        collector.backward(out.mul(array(scope, w)).sum());
      }
      gradient = block.getParameters().get(GlobalKernel.WEIGHT).getArray().getGradient()
          .toFloatArray();
    }
    double h = 1e-6;
    for (int i = 0; i < N; i++) {
      for (int k = 0; k < 9; k++) {
        double saved = c[i][k];
        c[i][k] = saved + h;
        double plus = weighted(w, direct(R, y, c, 3, 1));
        c[i][k] = saved - h;
        double minus = weighted(w, direct(R, y, c, 3, 1));
        c[i][k] = saved;
        assertThat((double) gradient[i * 9 + k]).as("dL/dC[%d, %d]", i, k)
            .isCloseTo((plus - minus) / (2 * h), within(2e-3));
      }
    }
  }

  @Test
  void savesAndReloadsRefusingAnotherSize() throws IOException, MalformedModelException {
    double[][] c = matrix(new Random(1), N, 9, -1, 1);
    GlobalKernel block = block(3, 0.5, c);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    block.saveParameters(new DataOutputStream(bytes));

    GlobalKernel same = GlobalKernel.builder().optSize(3).optDotScale(0.5).build();
    same.loadParameters(manager,
        new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    assertThat(same.getParameters().get(GlobalKernel.WEIGHT).getArray().toFloatArray())
        .containsExactly(block.getParameters().get(GlobalKernel.WEIGHT).getArray().toFloatArray());

    GlobalKernel other = GlobalKernel.builder().optSize(5).optDotScale(0.5).build();
    assertThatThrownBy(() -> other.loadParameters(manager,
        new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))))
        .isInstanceOf(MalformedModelException.class)
        .hasMessageContaining("kernel size").hasMessageContaining("expected 5, found 3");
  }

  @Test
  void refusesEvenSizesInfiniteScalesAndMismatchedInputs() {
    assertThatThrownBy(() -> GlobalKernel.builder().optSize(4).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 4");
    assertThatThrownBy(() -> GlobalKernel.builder().optDotScale(Double.NaN).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got NaN");
    GlobalKernel block = GlobalKernel.builder().build();
    assertThatThrownBy(() -> block.initialize(manager, DataType.FLOAT32, new Shape(N, M),
        new Shape(N, M + 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(4, 5)").hasMessageContaining("(4, 6)");
  }

  private GlobalKernel block(int size, double dotScale, double[][] c) {
    GlobalKernel block = GlobalKernel.builder().optSize(size).optDotScale(dotScale).build();
    block.initialize(manager, DataType.FLOAT32, new Shape(N, M), new Shape(N, M));
    NDArray weight = block.getParameters().get(GlobalKernel.WEIGHT).getArray();
    assertThat(weight.getShape()).isEqualTo(new Shape(N, (long) size * size));
    weight.set(flat(c));
    return block;
  }

  /** {@code g_k = dotScale sum_i (1/m sum_j y_ij) c_ik}. */
  private static double[] kernelValues(double[][] y, double[][] c, int entries, double dotScale) {
    double[] g = new double[entries];
    for (int i = 0; i < y.length; i++) {
      double mean = 0;
      for (double v : y[i]) {
        mean += v;
      }
      mean /= y[i].length;
      for (int k = 0; k < entries; k++) {
        g[k] += dotScale * mean * c[i][k];
      }
    }
    return g;
  }

  /** {@code max(0, sum_ab G_ab r_{i+a-p, j+b-p})} with r = 0 outside. */
  private static double[][] direct(double[][] r, double[][] y, double[][] c, int size,
      double dotScale) {
    double[] g = kernelValues(y, c, size * size, dotScale);
    int n = r.length;
    int m = r[0].length;
    int pad = (size - 1) / 2;
    double[][] out = new double[n][m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        double sum = 0;
        for (int a = 0; a < size; a++) {
          for (int b = 0; b < size; b++) {
            int ii = i + a - pad;
            int jj = j + b - pad;
            if (ii >= 0 && ii < n && jj >= 0 && jj < m) {
              sum += g[a * size + b] * r[ii][jj];
            }
          }
        }
        out[i][j] = Math.max(0, sum);
      }
    }
    return out;
  }

  private static double weighted(double[][] w, double[][] out) {
    double sum = 0;
    for (int i = 0; i < w.length; i++) {
      for (int j = 0; j < w[i].length; j++) {
        sum += w[i][j] * out[i][j];
      }
    }
    return sum;
  }

  private static double[][] matrix(Random random, int rows, int cols, double lo, double hi) {
    double[][] a = new double[rows][cols];
    for (double[] row : a) {
      for (int j = 0; j < cols; j++) {
        row[j] = lo + (hi - lo) * random.nextDouble();
      }
    }
    return a;
  }

  private static float[] flat(double[][] a) {
    float[] out = new float[a.length * a[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[i].length; j++) {
        out[i * a[i].length + j] = (float) a[i][j];
      }
    }
    return out;
  }

  private NDArray array(NDManager scope, double[][] a) {
    return scope.create(flat(a), new Shape(a.length, a[0].length));
  }
}
