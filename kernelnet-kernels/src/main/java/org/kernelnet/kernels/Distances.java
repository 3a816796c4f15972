package org.kernelnet.kernels;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import org.kernelnet.api.Scalars;

/**
 * Batched pairwise distances between the rows of two location matrices, differentiable. Only
 * out-of-place operations are used: autograd keeps some results (e.g. of {@code sqrt}) for the
 * backward pass, and editing them in place would corrupt the gradient.
 */
final class Distances {
  private Distances() {}

  /**
   * {@code D2[i][j] = ||u_i - v_j||^2}, clamped at 0 against rounding: {@code [n, d] x [m, d] -> [n,
   * m]}, from {@link #affineOfSquared} with {@code a = 1, b = 0}. The clamp is a relu, whose backward
   * pass is one masked pass (a tensor {@code maximum}'s takes several).
   */
  static NDArray squaredEuclidean(NDArray u, NDArray v) {
    return Activation.relu(affineOfSquared(u, v, 1, 0));
  }

  /**
   * {@code b + a ||u_i - v_j||^2} for all pairs, {@code [n, d] x [m, d] -> [n, m]}, as one matrix
   * product of the locations augmented by two columns:
   *
   * <pre>
   *   [-2a u, a |u|^2, 1] [v, 1, a |v|^2 + b]^T = a (|u_i|^2 + |v_j|^2 - 2 u_i . v_j) + b
   * </pre>
   *
   * So the only {@code [n, m]} array is the product itself, and its backward pass is two products
   * with the small augmented matrices: a kernel of the squared distance costs this product and its
   * own element-wise function, not five {@code [n, m]} passes. Not clamped: rounding can take the
   * squared distance slightly below 0 where points (nearly) coincide, by about {@code 1e-7 (|u|^2 +
   * |v|^2)}.
   */
  static NDArray affineOfSquared(NDArray u, NDArray v, double a, double b) {
    NDArray uu = u.square().sum(new int[] {1}, true); // [n, 1]
    NDArray vv = v.square().sum(new int[] {1}, true).transpose(); // [1, m]
    NDArray left = u.mul(Scalars.like(u, -2 * a))
        .concat(uu.mul(Scalars.like(uu, a)), 1)
        .concat(uu.onesLike(), 1); // [n, d + 2]
    NDArray scaled = vv.mul(Scalars.like(vv, a));
    // built as [d + 2, m], not transposed from [m, d + 2]: the backward product for it is then
    // left^T dZ, several times faster than a product into a transposed gradient
    NDArray right = v.transpose().concat(vv.onesLike(), 0)
        .concat(b == 0 ? scaled : scaled.add(b), 0);
    return left.matMul(right);
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
