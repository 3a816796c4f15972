package org.kernelnet.apps.movielens.train;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import org.kernelnet.apps.torch.Csr;

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
 * rate); the pairs of each run of other blocks are one {@link Csr#sampledProduct} ({@code 2 n_b h}
 * FLOPs, a dot product per pair). Besides arrays of the pairs' size, memory stays bounded by two
 * or three arrays of {@code blockElements} floats. Everything runs on the arrays' device.
 */
final class SampledProduct {
  /** The default bound on the elements of one dense block: 8 MB of float32. */
  static final long BLOCK_ELEMENTS = 1L << 21;

  /**
   * The least share of a block's entries that must be wanted for the block to be computed as a
   * matrix product. On the 2-core build machine, at h = 500, a pair of the sampled product took
   * about 80-180 ns (ML-1M to ML-10M size) and an entry of a dense block 8-13 ns, so blocks above
   * about a tenth go dense; one ML-1M evaluation took 0.24-0.26 s at 0.1, 0.29 s at 0.02 and 0.26
   * s with no dense blocks at all.
   */
  static final double DENSE_BLOCK_MIN_DENSITY = 0.1;

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
    NDList parts = new NDList();
    int sampledFrom = 0;
    for (int from = 0; from < rowCount; from += blockRows) {
      int to = Math.min(rowCount, from + blockRows);
      int p0 = rowPointer[from];
      int p1 = rowPointer[to];
      if (p1 - p0 >= DENSE_BLOCK_MIN_DENSITY * (to - from) * colCount) {
        sampled(a, b, cols, rowPointer, sampledFrom, from, parts, scope);
        parts.add(denseBlock(a, b, rows, cols, from, to, p0, p1, colCount, scope));
        sampledFrom = to;
      }
    }
    sampled(a, b, cols, rowPointer, sampledFrom, rowCount, parts, scope);
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

  /** The products at the pairs of rows {@code [from, to)}, one sampled product of their pattern. */
  private static void sampled(NDArray a, NDArray b, NDArray cols, int[] rowPointer, int from,
      int to, NDList parts, NDManager scope) {
    int p0 = rowPointer[from];
    int p1 = rowPointer[to];
    if (p1 == p0) {
      return;
    }
    try (NDManager step = scope.newSubManager()) {
      long[] pointer = new long[to - from + 1];
      for (int i = from; i <= to; i++) {
        pointer[i - from] = rowPointer[i] - p0;
      }
      NDArray y = Csr.sampledProduct(step.create(pointer), cols.get(step, new NDIndex("{}:{}", p0,
          p1)), a.get(step, new NDIndex("{}:{}", from, to)), b);
      y.attach(scope);
      parts.add(y);
    }
  }
}
