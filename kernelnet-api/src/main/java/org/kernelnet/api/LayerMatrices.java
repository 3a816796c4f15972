package org.kernelnet.api;

import ai.djl.ndarray.NDArray;
import java.util.Optional;

/**
 * The matrices of one layer that a {@link SparsityRegularizer} may penalise.
 *
 * @param kernelMatrix the layer's kernel matrix {@code K(U, V)}, shape {@code [in, out]}, or null if
 *     the layer has no kernel
 * @param denseWeights the layer's free dense weights, shape {@code [in, out]}, or null if it has none
 */
public record LayerMatrices(NDArray kernelMatrix, NDArray denseWeights) {
  /** A layer with a kernel matrix only. */
  public static LayerMatrices ofKernel(NDArray kernelMatrix) {
    return new LayerMatrices(kernelMatrix, null);
  }

  /** A layer with dense weights only. */
  public static LayerMatrices ofDense(NDArray denseWeights) {
    return new LayerMatrices(null, denseWeights);
  }

  /** The kernel matrix, if the layer has one. */
  public Optional<NDArray> kernel() {
    return Optional.ofNullable(kernelMatrix);
  }

  /** The dense weights, if the layer has them. */
  public Optional<NDArray> dense() {
    return Optional.ofNullable(denseWeights);
  }
}
