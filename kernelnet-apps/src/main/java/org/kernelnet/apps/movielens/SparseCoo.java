package org.kernelnet.apps.movielens;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * A sparse COO matrix made from coordinate and value arrays that already live on the device.
 *
 * <p>DJL's engine-neutral API makes COO arrays only from Java buffers ({@code
 * NDManager.createCoo}), which the tensor then borrows, or from a dense array ({@code
 * NDArray.toSparse}); neither fits a matrix whose values are recomputed on the device at every
 * evaluation (the residuals of the output layer). PyTorch's {@code sparse_coo_tensor(indices,
 * values)} does, without copying, through DJL's PyTorch bindings; the result belongs to the values'
 * manager and shares both arrays' memory, so both must stay open while it is used.
 */
final class SparseCoo {
  private SparseCoo() {}

  /**
   * The COO matrix {@code M [rows, cols]} with {@code M[indices[0][k], indices[1][k]] = values[k]}.
   *
   * @param indices int64 {@code [2, n]}
   * @param values {@code [n]}
   * @param shape {@code (rows, cols)}
   * @throws IllegalArgumentException if the arrays do not fit or are not PyTorch arrays
   */
  static NDArray of(NDArray indices, NDArray values, Shape shape) {
    requireNonNull(indices, "indices is null");
    requireNonNull(values, "values is null");
    requireNonNull(shape, "shape is null");
    long n = values.size();
    if (!indices.getShape().equals(new Shape(2, n)) || indices.getDataType() != DataType.INT64
        || values.getShape().dimension() != 1 || shape.dimension() != 2) {
      throw new IllegalArgumentException("a COO matrix needs int64 indices [2, n], values [n] and a"
          + " 2-d shape, got " + indices.getDataType() + " " + indices.getShape() + ", "
          + values.getShape() + " and " + shape);
    }
    if (!(indices instanceof PtNDArray i) || !(values instanceof PtNDArray v)) {
      throw new IllegalArgumentException("sparse COO matrices need the PyTorch engine, got "
          + indices.getManager().getEngine().getEngineName());
    }
    return JniUtils.createSparseCoo(i, v, shape);
  }
}
