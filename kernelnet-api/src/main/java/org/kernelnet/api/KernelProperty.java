package org.kernelnet.api;

/** A guarantee a {@link Kernel} makes; the kernel contract test checks every one that is claimed. */
public enum KernelProperty {
  /** {@code K(u, v) = K(v, u)} for all u, v. */
  SYMMETRIC,
  /** Every Gram matrix {@code K(U, U)} is positive semi-definite (a Mercer kernel, Eq. 2). */
  POSITIVE_SEMI_DEFINITE,
  /**
   * {@code K(u, v) = 0} exactly once u and v are far enough apart (Eq. 7), which makes the weight
   * matrix sparse.
   */
  FINITE_SUPPORT
}
