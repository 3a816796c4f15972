package org.kernelnet.apps.movielens.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Known answers for {@link SampledProduct}. */
class SampledProductTest {
  @Test
  void givesTheEntriesOfTheFullProductAtThePairsInAnyChunking() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = m.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(3, 2));
      NDArray b = m.create(new float[] {1, 0, 0, 1, 2, -1, 0.5f, 0.5f}, new Shape(4, 2));
      NDArray bias = m.create(new float[] {10, 20, 30, 40});
      long[] rows = {0, 0, 1, 1, 2, 2, 2};
      long[] cols = {0, 1, 2, 1, 3, 0, 2};
      int[] rowPointer = {0, 2, 4, 7};
      // A B^T = [[1 2 0 1.5] [3 4 2 3.5] [5 6 4 5.5]]
      float[] expected = {1, 2, 2, 4, 5.5f, 5, 4};
      for (long blockElements : new long[] {1, 4, 8, 1 << 20}) {
        try (NDManager scope = m.newSubManager()) {
          float[] y = SampledProduct.of(a, b, null, scope.create(rows), scope.create(cols),
              rowPointer, scope, blockElements).toFloatArray();
          assertThat(y).containsExactly(expected, Offset.offset(1e-6f));
          float[] withBias = SampledProduct.of(a, b, bias, scope.create(rows),
              scope.create(cols), rowPointer, scope, blockElements).toFloatArray();
          for (int k = 0; k < expected.length; k++) {
            assertThat(withBias[k]).isCloseTo(expected[k] + 10 * (cols[k] + 1),
                Offset.offset(1e-5f));
          }
        }
      }
    }
  }

  /**
   * Rows of very different density, so that blocks go dense (row 0: 60 of 500 entries) or are
   * sampled (row 1: 2 of 500), alone or merged, depending on the block size.
   */
  @Test
  void mixesDenseBlocksAndSampledPairsInPairOrder() {
    int cols = 500;
    int[] perRow = {60, 2, 0, 7, 30, 1, 1};
    Random random = new Random(3);
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = m.randomNormal(new Shape(perRow.length, 3));
      NDArray b = m.randomNormal(new Shape(cols, 3));
      float[] full = a.matMul(b.transpose()).toFloatArray();
      int[] rowPointer = new int[perRow.length + 1];
      for (int r = 0; r < perRow.length; r++) {
        rowPointer[r + 1] = rowPointer[r] + perRow[r];
      }
      long[] rows = new long[rowPointer[perRow.length]];
      long[] pairCols = new long[rows.length];
      for (int r = 0; r < perRow.length; r++) {
        int[] chosen = random.ints(0, cols).distinct().limit(perRow[r]).toArray();
        for (int j = 0; j < perRow[r]; j++) {
          rows[rowPointer[r] + j] = r;
          pairCols[rowPointer[r] + j] = chosen[j];
        }
      }
      for (long blockElements : new long[] {1, 500, 1000, 3 * 500, 1 << 20}) {
        try (NDManager scope = m.newSubManager()) {
          float[] y = SampledProduct.of(a, b, null, scope.create(rows), scope.create(pairCols),
              rowPointer, scope, blockElements).toFloatArray();
          for (int k = 0; k < rows.length; k++) {
            assertThat(y[k]).as("pair %d with blocks of %d", k, blockElements)
                .isCloseTo(full[(int) (rows[k] * cols + pairCols[k])], Offset.offset(1e-5f));
          }
        }
      }
    }
  }

  @Test
  void givesAnEmptyResultForNoPairs() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray y = SampledProduct.of(m.ones(new Shape(2, 3)), m.ones(new Shape(4, 3)),
          m.ones(new Shape(4)), m.create(new long[0]), m.create(new long[0]), new int[3], m);
      assertThat(y.getShape()).isEqualTo(new Shape(0));
    }
  }

  @Test
  void refusesPairsOfUnequalLengthOrMatricesOfUnequalWidth() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = m.zeros(new Shape(3, 2));
      assertThatThrownBy(() -> SampledProduct.of(a, m.zeros(new Shape(4, 3)), null,
          m.create(new long[] {0}), m.create(new long[] {0}), new int[] {0, 1, 1, 1}, m))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(4, 3)");
      assertThatThrownBy(() -> SampledProduct.of(a, m.zeros(new Shape(4, 2)), null,
          m.create(new long[] {0, 1}), m.create(new long[] {0}), new int[] {0, 1, 2, 2}, m))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(2)");
    }
  }
}
