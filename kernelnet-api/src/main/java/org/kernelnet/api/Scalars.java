package org.kernelnet.api;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Scalars for differentiable expressions. Write {@code x.mul(Scalars.like(x, gamma))}, never {@code
 * x.mul(gamma)}, inside a kernel's {@link Kernel#gram}, a regulariser or a block's forward pass.
 *
 * <p>Why: DJL's PyTorch engine implements {@code NDArray.mul(Number)} (likewise {@code div}, {@code
 * pow}, {@code maximum}, {@code add}, {@code sub}) by creating the number as a tensor over a Java
 * direct buffer, applying the operation and closing that tensor at once. Autograd keeps the tensor
 * for the backward pass (the gradient of {@code x * c} is {@code c}), but its memory belongs to the
 * buffer, which the garbage collector may free before {@code backward} runs: the gradient then reads
 * freed memory and comes out wrong or NaN, depending on when the collector ran. A scalar made here is
 * attached to {@code like}'s manager, so it lives as long as the computation that uses it.
 */
public final class Scalars {
  private Scalars() {}

  /**
   * A 0-dimensional array holding {@code value}, with {@code like}'s data type and device, attached
   * to {@code like}'s manager.
   */
  public static NDArray like(NDArray like, double value) {
    requireNonNull(like, "like is null");
    NDManager manager = like.getManager();
    NDArray scalar =
        switch (like.getDataType()) {
          case FLOAT32 -> manager.create((float) value);
          case FLOAT64 -> manager.create(value);
          default -> manager.create(value).toType(like.getDataType(), false);
        };
    return scalar.toDevice(like.getDevice(), false);
  }
}
