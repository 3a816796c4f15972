package org.kernelnet.api;

import ai.djl.ndarray.NDArray;
import java.util.Set;

/**
 * A kernel {@code K(u, v)} between d-dimensional locations, the building block of a kernelNet weight
 * matrix {@code W_ij = alpha_i K(u_i, v_j)} (Eq. 1 of Mueller et al. 2018).
 *
 * <p>A kernel is a stateless value: two kernels with the same {@link #name()} and {@link #config()}
 * are equal, and {@link #spec()} (e.g. {@code rbf:gamma=0.5}) rebuilds it through the registry, which
 * is how a saved layer records its kernel. Extend {@link AbstractKernel} to get {@code equals}, {@code
 * hashCode} and {@code toString} right.
 */
public interface Kernel {
  /** The registered name, e.g. {@code rbf}. */
  String name();

  /** The full configuration, every key with its value (defaults included). */
  Config config();

  /** {@code name} or {@code name:key=value,...}: parses back to an equal kernel. */
  default String spec() {
    return config().isEmpty() ? name() : name() + ":" + config();
  }

  /**
   * The Gram matrix {@code G[i][j] = K(u_i, v_j)} as one differentiable tensor expression (no Java
   * loop over pairs), so autograd reaches u and v. Constants enter through {@link Scalars#like},
   * never as {@code NDArray.mul(Number)} and its kind, whose tensors DJL frees before the backward
   * pass reads them.
   *
   * @param u locations, shape {@code [n, d]}
   * @param v locations, shape {@code [m, d]}, same d, data type and device as u
   * @return shape {@code [n, m]}, on u's manager
   */
  NDArray gram(NDArray u, NDArray v);

  /**
   * The closed form {@code K(u, v)} for one pair, in double precision: the reference the kernel
   * contract test compares {@link #gram} with.
   */
  double evaluate(double[] u, double[] v);

  /** What this kernel guarantees; the contract test verifies each. */
  Set<KernelProperty> properties();

  /** Shorthand for {@code properties().contains(property)}. */
  default boolean has(KernelProperty property) {
    return properties().contains(property);
  }
}
