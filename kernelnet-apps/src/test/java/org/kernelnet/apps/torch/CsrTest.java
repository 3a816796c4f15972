package org.kernelnet.apps.torch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Known answers for {@link Csr} and {@link TorchScriptModule}. */
class CsrTest {
  @Test
  void multipliesACompressedRowMatrixWithEmptyRowsByADenseOne() {
    try (NDManager m = NDManager.newBaseManager()) {
      // S = [[1 0 2] [0 0 0] [0 3 0]], M = [[0 1] [2 3] [4 5]]
      NDArray product = Csr.product(m.create(new long[] {0, 2, 2, 3}),
          m.create(new long[] {0, 2, 1}), m.create(new float[] {1, 2, 3}),
          m.create(new float[] {0, 1, 2, 3, 4, 5}, new Shape(3, 2)));
      assertThat(product.getShape()).isEqualTo(new Shape(3, 2));
      assertThat(product.toFloatArray()).containsExactly(8, 11, 0, 0, 6, 9);
    }
  }

  @Test
  void agreesWithTheDenseProductAndReadByColumnsGivesTheTransposedOne() {
    int rows = 7;
    int n = 11;
    Random random = new Random(5);
    float[] dense = new float[rows * n];
    for (int i = 0; i < dense.length; i++) {
      if (random.nextDouble() < 0.3) {
        dense[i] = 1 + random.nextInt(5);
      }
    }
    float[] transposed = new float[n * rows];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < n; j++) {
        transposed[j * rows + i] = dense[i * n + j];
      }
    }
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray s = m.create(dense, new Shape(rows, n));
      NDArray right = m.randomNormal(new Shape(n, 4));
      NDArray left = m.randomNormal(new Shape(rows, 3));
      assertThat(compressedProduct(m, dense, rows, right).toFloatArray())
          .containsExactly(s.matMul(right).toFloatArray(), Offset.offset(1e-5f));
      assertThat(compressedProduct(m, transposed, n, left).toFloatArray())
          .containsExactly(s.transpose().matMul(left).toFloatArray(), Offset.offset(1e-5f));
    }
  }

  /** {@code S M} by {@link Csr#product} of the row-major {@code S [rows, *]} compressed by rows. */
  private static NDArray compressedProduct(NDManager m, float[] s, int rows, NDArray right) {
    int n = s.length / rows;
    long[] rowPointer = new long[rows + 1];
    List<Long> columns = new ArrayList<>();
    List<Float> values = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < n; j++) {
        if (s[i * n + j] != 0) {
          columns.add((long) j);
          values.add(s[i * n + j]);
        }
      }
      rowPointer[i + 1] = columns.size();
    }
    float[] valueArray = new float[values.size()];
    for (int k = 0; k < valueArray.length; k++) {
      valueArray[k] = values.get(k);
    }
    long[] columnArray = columns.stream().mapToLong(Long::longValue).toArray();
    return Csr.product(m.create(rowPointer), m.create(columnArray), m.create(valueArray), right);
  }

  @Test
  void samplesTheProductOfTwoDenseMatricesAtThePattern() {
    try (NDManager m = NDManager.newBaseManager()) {
      // A B^T = [[1 2 0 1.5] [3 4 2 3.5] [5 6 4 5.5]], pattern rows {0, 1}, {}, {3, 0, 2}
      NDArray a = m.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(3, 2));
      NDArray b = m.create(new float[] {1, 0, 0, 1, 2, -1, 0.5f, 0.5f}, new Shape(4, 2));
      NDArray y = Csr.sampledProduct(m.create(new long[] {0, 2, 2, 5}),
          m.create(new long[] {0, 1, 3, 0, 2}), a, b);
      assertThat(y.toFloatArray()).containsExactly(new float[] {1, 2, 5.5f, 5, 4},
          Offset.offset(1e-6f));
    }
  }

  @Test
  void samplesRandomPatternsLikeTheFullProduct() {
    Random random = new Random(9);
    int rows = 13;
    int n = 17;
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = m.randomNormal(new Shape(rows, 6));
      NDArray b = m.randomNormal(new Shape(n, 6));
      float[] full = a.matMul(b.transpose()).toFloatArray();
      long[] rowPointer = new long[rows + 1];
      List<Long> columns = new ArrayList<>();
      List<Float> expected = new ArrayList<>();
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < n; j++) {
          if (random.nextDouble() < 0.25) {
            columns.add((long) j);
            expected.add(full[i * n + j]);
          }
        }
        rowPointer[i + 1] = columns.size();
      }
      float[] y = Csr.sampledProduct(m.create(rowPointer),
          m.create(columns.stream().mapToLong(Long::longValue).toArray()), a, b).toFloatArray();
      assertThat(y).hasSize(expected.size());
      for (int k = 0; k < y.length; k++) {
        assertThat(y[k]).isCloseTo(expected.get(k), Offset.offset(1e-5f));
      }
    }
  }

  @Test
  void rejectsMismatchedArraysWithTheirShapes() {
    try (NDManager m = NDManager.newBaseManager()) {
      assertThatThrownBy(() -> Csr.product(m.create(new long[] {0, 1}), m.create(new long[] {0}),
          m.create(new float[] {1, 2}), m.ones(new Shape(1, 2))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("values [nnz]").hasMessageContaining("(2)");
      assertThatThrownBy(() -> Csr.product(m.create(new int[] {0, 1}), m.create(new long[] {0}),
          m.create(new float[] {1}), m.ones(new Shape(1, 2))))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("int32");
      assertThatThrownBy(() -> Csr.sampledProduct(m.create(new long[] {0, 1}),
          m.create(new long[] {0}), m.ones(new Shape(2, 3)), m.ones(new Shape(4, 3))))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(2, 3)");
    }
  }

  @Test
  void compilesTorchScriptSourceAndReportsWhereItIsWrong() {
    try (NDManager m = NDManager.newBaseManager()) {
      TorchScriptModule module = TorchScriptModule.compile(
          "  def twice(self, x: Tensor) -> Tensor:\n    return x + x\n", m);
      assertThat(module.call("twice", m.create(new float[] {1, 2})).toFloatArray())
          .containsExactly(2, 4);
      assertThatThrownBy(() -> TorchScriptModule.compile(
          "  def broken(self, x: Tensor) -> Tensor:\n    return no_such_name(x)\n", m))
          .isInstanceOf(EngineException.class).hasMessageContaining("no_such_name");
    }
  }
}
