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

  /**
   * {@code lambda * sum(x^2) = lambda * ||x||_2^2}, shape {@code []}, through the norm: forward one
   * reading pass over {@code x}, backward PyTorch's norm gradient {@code x g / ||x||} (masked to 0
   * where {@code ||x|| = 0}), where {@code sum(x.square())} writes the squares forward and goes
   * through {@code pow}'s gradient {@code g * 2 * x^1} backward. In one ML-1M Sparse FC (2)
   * evaluation the operators on arrays of the weight matrices' size fell from 85 to 69 (the {@code
   * pow}, {@code square} and {@code sum} passes and 8 multiplications went; norms, divisions and
   * masks came).
   */
  static NDArray scaledSumOfSquares(NDArray x, double lambda) {
    NDArray norm = x.norm();
    return norm.mul(norm).mul(Scalars.like(norm, lambda));
  }
}
