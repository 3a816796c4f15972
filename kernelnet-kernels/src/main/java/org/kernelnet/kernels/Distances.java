package org.kernelnet.kernels;

import ai.djl.ndarray.NDArray;

/**
 * Batched pairwise distances between the rows of two location matrices, differentiable. Only
 * out-of-place operations are used: autograd keeps some results (e.g. of {@code sqrt}) for the
 * backward pass, and editing them in place would corrupt the gradient.
 */
final class Distances {
  private Distances() {}

  /**
   * {@code D2[i][j] = ||u_i - v_j||^2 = |u_i|^2 + |v_j|^2 - 2 u_i . v_j}, clamped at 0 against
   * rounding: {@code [n, d] x [m, d] -> [n, m]}. The expanded form costs one matrix product instead
   * of an {@code [n, m, d]} difference tensor.
   */
  static NDArray squaredEuclidean(NDArray u, NDArray v) {
    NDArray uu = u.square().sum(new int[] {1}, true); // [n, 1]
    NDArray vv = v.square().sum(new int[] {1}, true).transpose(); // [1, m]
    return uu.add(vv).sub(u.matMul(v.transpose()).mul(2)).maximum(0f);
  }

  /**
   * {@code D[i][j] = ||u_i - v_j||}. The gradient of the square root at 0 is infinite, so the square
   * root is taken of {@code D2 + eps^2} minus eps; this is exact to float precision away from 0 and
   * keeps gradients finite for coinciding points.
   */
  static NDArray euclidean(NDArray u, NDArray v) {
    double eps = 1e-6;
    return squaredEuclidean(u, v).add(eps * eps).sqrt().sub(eps);
  }
}
