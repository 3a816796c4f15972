package org.kernelnet.apps.movielens;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;

/**
 * The sampled dense-dense product: the entries of {@code A B^T} at given (row, column) pairs only,
 *
 * <pre>
 *   y_k = A[r_k, :] . B[c_k, :]  (+ bias[c_k]),   k = 0 .. n-1,
 * </pre>
 *
 * with {@code A [rows, h]}, {@code B [cols, h]}, int64 {@code r, c [n]} sorted by row, and the
 * result {@code y [n]}, so that an output layer's predictions cost what its observed entries do.
 *
 * <p>The rows are taken in blocks of {@code max(1, blockElements / cols)} rows (so a dense block
 * {@code [rows_b, cols]} has at most {@code blockElements} entries). A block whose pairs fill at
 * least {@link #DENSE_BLOCK_MIN_DENSITY} of it is computed as one matrix product {@code A_b B^T}
 * and its entries at the pairs taken ({@code 2 rows_b cols h} FLOPs at the machine's matrix
 * rate); the pairs of the other blocks are computed directly, {@code max(1, blockElements / h)}
 * pairs at a time: the pairs' rows of A and of B are gathered and the sums of their element-wise
 * products taken ({@code 2 n_b h} FLOPs, but each gathered element is written and read again).
 * Memory stays bounded by two or three arrays of {@code blockElements} floats, whatever {@code n}.
 * Everything runs on the arrays' device with DJL operations (row gathers are DJL's embedding
 * lookups).
 */
final class SampledProduct {
  /** The default bound on the elements of one dense block or gathered chunk: 8 MB of float32. */
  static final long BLOCK_ELEMENTS = 1L << 21;

  /**
   * The least share of a block's entries that must be wanted for the block to be computed as a
   * matrix product. On the 2-core build machine, at h = 500, a gathered pair took about 0.45 us and
   * an entry of a dense block about 8 ns (ML-1M, both ways), so a pair costs about 50 entries and
   * blocks above 2 % go dense.
   */
  static final double DENSE_BLOCK_MIN_DENSITY = 0.02;

  private SampledProduct() {}

  /**
   * {@code y [n]}, attached to {@code scope}.
   *
   * @param a {@code A [rows, h]}
   * @param b {@code B [cols, h]}
   * @param bias {@code [cols]} added at each pair's column, or null
   * @param rows {@code r [n]} int64, non-decreasing
   * @param cols {@code c [n]} int64 in {@code [0, cols)}
   * @param rowPointer {@code [rows + 1]}: the pairs of row {@code i} are {@code [rowPointer[i],
   *     rowPointer[i + 1])}, so {@code rowPointer[rows] = n}
   * @param scope owns the result and, while it runs, every temporary
   */
  static NDArray of(NDArray a, NDArray b, NDArray bias, NDArray rows, NDArray cols,
      int[] rowPointer, NDManager scope) {
    return of(a, b, bias, rows, cols, rowPointer, scope, BLOCK_ELEMENTS);
  }

  /** {@link #of} with blocks and chunks of at most {@code blockElements} elements. */
  static NDArray of(NDArray a, NDArray b, NDArray bias, NDArray rows, NDArray cols,
      int[] rowPointer, NDManager scope, long blockElements) {
    requireNonNull(a, "a is null");
    requireNonNull(b, "b is null");
    requireNonNull(rows, "rows is null");
    requireNonNull(cols, "cols is null");
    requireNonNull(rowPointer, "rowPointer is null");
    long n = rows.size();
    long h = a.getShape().get(1);
    int rowCount = Math.toIntExact(a.getShape().get(0));
    long colCount = b.getShape().get(0);
    if (b.getShape().get(1) != h || cols.size() != n || rowPointer.length != rowCount + 1
        || rowPointer[0] != 0 || rowPointer[rowCount] != n) {
      throw new IllegalArgumentException("A " + a.getShape() + " and B " + b.getShape()
          + " need the same width, " + rows.getShape() + " rows as many as " + cols.getShape()
          + " columns, and the row pointer " + (rowCount + 1) + " entries from 0 to the pairs");
    }
    int blockRows = (int) Math.max(1, Math.min(rowCount, blockElements / colCount));
    long chunk = Math.max(1, blockElements / Math.max(1, h));
    NDList parts = new NDList();
    int gatherFrom = 0;
    for (int from = 0; from < rowCount; from += blockRows) {
      int to = Math.min(rowCount, from + blockRows);
      int p0 = rowPointer[from];
      int p1 = rowPointer[to];
      if (p1 - p0 >= DENSE_BLOCK_MIN_DENSITY * (to - from) * colCount) {
        gathered(a, b, rows, cols, gatherFrom, p0, chunk, parts, scope);
        parts.add(denseBlock(a, b, rows, cols, from, to, p0, p1, colCount, scope));
        gatherFrom = p1;
      }
    }
    gathered(a, b, rows, cols, gatherFrom, n, chunk, parts, scope);
    if (parts.isEmpty()) {
      return scope.zeros(new Shape(0), a.getDataType());
    }
    NDArray y = parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts);
    return bias == null ? y : y.addi(bias.take(scope, cols));
  }

  /** The products at pairs {@code [p0, p1)} of rows {@code [from, to)}: one dense block. */
  private static NDArray denseBlock(NDArray a, NDArray b, NDArray rows, NDArray cols, int from,
      int to, long p0, long p1, long colCount, NDManager scope) {
    try (NDManager step = scope.newSubManager()) {
      NDIndex pairs = new NDIndex("{}:{}", p0, p1);
      NDArray transposed = b.transpose();
      transposed.attach(step);
      NDArray block = a.get(step, new NDIndex("{}:{}", from, to)).matMul(transposed);
      NDArray flat = rows.get(step, pairs).sub(from).muli(colCount).addi(cols.get(step, pairs));
      NDArray y = block.reshape(-1).take(step, flat);
      y.attach(scope);
      return y;
    }
  }

  /** The products at pairs {@code [p0, p1)} by row gathers, {@code chunk} pairs at a time. */
  private static void gathered(NDArray a, NDArray b, NDArray rows, NDArray cols, long p0,
      long p1, long chunk, NDList parts, NDManager scope) {
    for (long from = p0; from < p1; from += chunk) {
      try (NDManager step = scope.newSubManager()) {
        NDIndex pairs = new NDIndex("{}:{}", from, Math.min(p1, from + chunk));
        NDArray y = gather(a, rows.get(step, pairs), step)
            .muli(gather(b, cols.get(step, pairs), step)).sum(new int[] {1});
        y.attach(scope);
        parts.add(y);
      }
    }
  }

  /** The rows {@code m[index, :]} as a new array attached to {@code work}. */
  private static NDArray gather(NDArray m, NDArray index, NDManager work) {
    NDArray rows = m.getNDArrayInternal().embedding(index, m, SparseFormat.DENSE)
        .singletonOrThrow();
    rows.attach(work);
    return rows;
  }
}
