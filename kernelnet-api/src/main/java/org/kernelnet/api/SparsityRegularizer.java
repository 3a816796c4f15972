package org.kernelnet.api;

import ai.djl.ndarray.NDArray;

/**
 * A penalty added to the training loss, computed from a layer's kernel matrix and/or dense weights,
 * e.g. the kernel-overlap penalty {@code R = lambda0 * sum_ij K(u_i, v_j)^2} of Eq. 8 that controls
 * how sparse a finite-support kernel layer becomes. Like a {@link Kernel}, a regulariser is a stateless
 * value identified by its {@link #spec()}; extend {@link AbstractRegularizer}.
 */
public interface SparsityRegularizer {
  /** The registered name, e.g. {@code kernel-overlap}. */
  String name();

  /** The full configuration, defaults included. */
  Config config();

  /** {@code name} or {@code name:key=value,...}: parses back to an equal regulariser. */
  default String spec() {
    return config().isEmpty() ? name() : name() + ":" + config();
  }

  /**
   * The penalty, differentiable in the given matrices.
   *
   * @return a scalar (shape {@code []}) on the manager of the matrix it is computed from
   * @throws IllegalArgumentException if the layer lacks the matrix this regulariser needs
   */
  NDArray penalty(LayerMatrices layer);
}
