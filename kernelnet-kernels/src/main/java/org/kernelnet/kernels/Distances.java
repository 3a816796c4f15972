package org.kernelnet.kernels;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

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
   * of an {@code [n, m, d]} difference tensor. Clamps use relu and clip, whose backward passes are
   * one masked pass (a tensor {@code maximum}'s takes several).
   */
  static NDArray squaredEuclidean(NDArray u, NDArray v) {
    NDArray uu = u.square().sum(new int[] {1}, true); // [n, 1]
    NDArray vv = v.square().sum(new int[] {1}, true).transpose(); // [1, m]
    NDArray uv = u.matMul(v.transpose());
    return Activation.relu(uu.add(vv).sub(uv.add(uv)));
  }

  /**
   * {@code D[i][j] = ||u_i - v_j||}, exact (to float rounding) where {@code D > eps = 1e-6} and 0
   * below. The gradient of the square root at 0 is infinite, so it is taken of {@code max(D2, eps^2)}
   * and masked to 0 below eps: the gradient there is 0, the natural subgradient of the norm at its
   * minimum, and stays bounded elsewhere ({@code |dD/du_i| = 1}). Being exact away from 0 matters for
   * finite-support kernels: {@code max(0, 1 - a D)} is exactly 0 wherever the closed form is.
   */
  static NDArray euclidean(NDArray u, NDArray v) {
    double eps2 = 1e-12;
    NDArray d2 = squaredEuclidean(u, v);
    NDArray outside = d2.gt(eps2).toType(d2.getDataType(), false);
    return d2.clip(eps2, Float.MAX_VALUE).sqrt().mul(outside);
  }
}
