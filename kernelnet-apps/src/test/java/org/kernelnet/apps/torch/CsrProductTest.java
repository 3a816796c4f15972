package org.kernelnet.apps.torch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Known answers for {@link CsrProduct} and {@link TorchScriptModule}. */
class CsrProductTest {
  @Test
  void multipliesACompressedRowMatrixWithEmptyRowsByADenseOne() {
    try (NDManager m = NDManager.newBaseManager()) {
      // S = [[1 0 2] [0 0 0] [0 3 0]], M = [[0 1] [2 3] [4 5]]
      NDArray product = CsrProduct.of(m.create(new long[] {0, 2, 2, 3}),
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
    int nnz = 0;
    for (int i = 0; i < dense.length; i++) {
      if (random.nextDouble() < 0.3) {
        dense[i] = 1 + random.nextInt(5);
        nnz++;
      }
    }
    long[] rowPointer = new long[rows + 1];
    long[] columns = new long[nnz];
    float[] values = new float[nnz];
    long[] columnPointer = new long[n + 1];
    long[] rowsByColumn = new long[nnz];
    float[] valuesByColumn = new float[nnz];
    for (int i = 0, k = 0; i < rows; i++) {
      for (int j = 0; j < n; j++) {
        if (dense[i * n + j] != 0) {
          columns[k] = j;
          values[k++] = dense[i * n + j];
        }
      }
      rowPointer[i + 1] = k;
    }
    for (int j = 0, k = 0; j < n; j++) {
      for (int i = 0; i < rows; i++) {
        if (dense[i * n + j] != 0) {
          rowsByColumn[k] = i;
          valuesByColumn[k++] = dense[i * n + j];
        }
      }
      columnPointer[j + 1] = k;
    }
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray s = m.create(dense, new Shape(rows, n));
      NDArray right = m.randomNormal(new Shape(n, 4));
      NDArray left = m.randomNormal(new Shape(rows, 3));
      assertThat(CsrProduct.of(m.create(rowPointer), m.create(columns), m.create(values), right)
          .toFloatArray())
          .containsExactly(s.matMul(right).toFloatArray(), Offset.offset(1e-5f));
      assertThat(CsrProduct.of(m.create(columnPointer), m.create(rowsByColumn),
          m.create(valuesByColumn), left).toFloatArray())
          .containsExactly(s.transpose().matMul(left).toFloatArray(), Offset.offset(1e-5f));
    }
  }

  @Test
  void rejectsMismatchedArraysWithTheirShapes() {
    try (NDManager m = NDManager.newBaseManager()) {
      assertThatThrownBy(() -> CsrProduct.of(m.create(new long[] {0, 1}), m.create(new long[] {0}),
          m.create(new float[] {1, 2}), m.ones(new Shape(1, 2))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("values [nnz]").hasMessageContaining("(2)");
      assertThatThrownBy(() -> CsrProduct.of(m.create(new int[] {0, 1}), m.create(new long[] {0}),
          m.create(new float[] {1}), m.ones(new Shape(1, 2))))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("int32");
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
