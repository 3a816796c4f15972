package org.kernelnet.apps.torch;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * Products with a sparse matrix {@code S [rows, n]} in compressed-row form: int64 {@code rowPointer
 * [rows + 1]} from 0 to {@code nnz} (the entries of row {@code i} are {@code [rowPointer[i],
 * rowPointer[i+1])}) and int64 {@code columns [nnz]} in {@code [0, n)}, with values where the
 * product needs them. Read by columns instead (a column-major copy of the same entries), the same
 * arrays describe {@code S^T}.
 *
 * <p>DJL 0.35.1 binds neither product; both run PyTorch's own operators through a {@link
 * TorchScriptModule}, on the device of their inputs. Neither records more for autograd than
 * PyTorch does for those operators; the callers here use them on constants.
 */
public final class Csr {
  private static final String SOURCE = """
        def product(self, row_pointer: Tensor, columns: Tensor, values: Tensor, m: Tensor) -> Tensor:
          return torch.embedding_bag(m, columns, row_pointer, False, 0, False, values, True)[0]
        def sampled_product(self, row_pointer: Tensor, columns: Tensor, a: Tensor, b: Tensor) -> Tensor:
          zeros = torch.zeros([1], dtype=a.dtype, device=a.device).expand([columns.size(0)])
          pattern = torch.sparse_csr_tensor(row_pointer, columns, zeros, [a.size(0), b.size(0)])
          return torch.sparse_sampled_addmm(pattern, a, b.t(), beta=0.0).values()
      """;

  /** Compiled once per process, on a manager of its own that lives as long as the process. */
  private static final class Holder {
    static final TorchScriptModule MODULE =
        TorchScriptModule.compile(SOURCE, NDManager.newBaseManager("PyTorch"));
  }

  private Csr() {}

  /**
   * {@code S M [rows, h]} for {@code M [n, h]} and {@code values [nnz]} of M's type:
   *
   * <pre>
   *   out[i, :] = sum_{k in [rowPointer[i], rowPointer[i+1])} values[k] M[columns[k], :]
   * </pre>
   *
   * (a row with no entries gives zeros), attached to {@code rowPointer}'s manager. It is {@code
   * embedding_bag} in sum mode with per-sample weights, the rows being the bags: on the CPU,
   * FBGEMM's vectorised kernel on all of PyTorch's threads, where DJL's COO product runs one {@code
   * axpy} per entry on one thread (about 5 times slower at ML-1M's size, 0.9 M entries, h = 500).
   *
   * @throws IllegalArgumentException if the shapes or types do not fit
   */
  public static NDArray product(NDArray rowPointer, NDArray columns, NDArray values, NDArray m) {
    requireNonNull(values, "values is null");
    requireNonNull(m, "m is null");
    checkPattern(rowPointer, columns);
    if (!values.getShape().equals(columns.getShape()) || m.getShape().dimension() != 2
        || values.getDataType() != m.getDataType()) {
      throw new IllegalArgumentException("a CSR product needs values [nnz] of the dense matrix's"
          + " type and a dense [n, h], got " + values.getDataType() + " " + values.getShape()
          + " for " + columns.getShape() + " columns and " + m.getDataType() + " " + m.getShape());
    }
    return Holder.MODULE.call("product", rowPointer, columns, values, m);
  }

  /**
   * The entries of {@code A B^T} at the pattern's pairs, {@code y [nnz]} in entry order, for {@code
   * A [rows, h]} and {@code B [n, h]}:
   *
   * <pre>
   *   y[k] = A[i, :] . B[columns[k], :]   for k in [rowPointer[i], rowPointer[i+1])
   * </pre>
   *
   * attached to {@code rowPointer}'s manager: PyTorch's {@code sparse_sampled_addmm}, {@code 2 nnz
   * h} FLOPs and nothing of size {@code rows * n}; on the CPU about 80-180 ns per entry at h = 500
   * on the build machine, against about 0.45 us for gathering both rows.
   *
   * @throws IllegalArgumentException if the shapes or types do not fit
   */
  public static NDArray sampledProduct(NDArray rowPointer, NDArray columns, NDArray a, NDArray b) {
    requireNonNull(a, "a is null");
    requireNonNull(b, "b is null");
    checkPattern(rowPointer, columns);
    if (a.getShape().dimension() != 2 || b.getShape().dimension() != 2
        || a.getShape().get(1) != b.getShape().get(1) || a.getDataType() != b.getDataType()
        || rowPointer.size() != a.getShape().get(0) + 1) {
      throw new IllegalArgumentException("a sampled CSR product needs A [rows, h] and B [n, h] of"
          + " one type and a row pointer [rows + 1], got " + a.getDataType() + " " + a.getShape()
          + ", " + b.getDataType() + " " + b.getShape() + " and " + rowPointer.getShape());
    }
    return Holder.MODULE.call("sampled_product", rowPointer, columns, a, b);
  }

  private static void checkPattern(NDArray rowPointer, NDArray columns) {
    requireNonNull(rowPointer, "rowPointer is null");
    requireNonNull(columns, "columns is null");
    if (rowPointer.getShape().dimension() != 1 || rowPointer.size() < 1
        || columns.getShape().dimension() != 1 || rowPointer.getDataType() != DataType.INT64
        || columns.getDataType() != DataType.INT64) {
      throw new IllegalArgumentException("a CSR pattern needs an int64 row pointer [rows + 1] and"
          + " int64 columns [nnz], got " + rowPointer.getDataType() + " " + rowPointer.getShape()
          + " and " + columns.getDataType() + " " + columns.getShape());
    }
  }
}
