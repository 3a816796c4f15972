package org.kernelnet.kernels;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import java.util.Optional;

/** Shared checks of the built-in regularisers. */
final class Regularizers {
  private Regularizers() {}

  /**
   * The matrix a regulariser needs.
   *
   * @throws IllegalArgumentException naming the regulariser and the missing matrix
   */
  static NDArray require(String regularizer, String what, Optional<NDArray> matrix) {
    requireNonNull(matrix, "matrix is null");
    return matrix.orElseThrow(() -> new IllegalArgumentException(
        "Regularizer '" + regularizer + "' needs the layer's " + what + ", but the layer has none"));
  }
}
