package org.kernelnet.kernels;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import java.util.Optional;
import org.kernelnet.api.Scalars;

/** Shared parts of the built-in regularisers. */
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

  /**
   * {@code lambda * sum(terms)}, shape {@code []}: summed first and then scaled, so that no second
   * array of the terms' size is made, forward or backward (a layer's matrices are the largest
   * arrays of a step).
   */
  static NDArray scaledSum(NDArray terms, double lambda) {
    NDArray sum = terms.sum();
    return sum.mul(Scalars.like(sum, lambda));
  }
}
