package org.kernelnet.djl.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import org.kernelnet.api.Scalars;

/**
 * {@code L = mean((label - prediction)^2) / 2}, the value of DJL's {@code L2Loss}: prediction and
 * label of the same shape, {@code L} a scalar.
 */
public final class SquaredError extends Loss {
  public SquaredError() {
    super("L2Loss");
  }

  @Override
  public NDArray evaluate(NDList label, NDList prediction) {
    NDArray difference = label.singletonOrThrow().sub(prediction.singletonOrThrow());
    return difference.square().mean().mul(Scalars.like(difference, 0.5));
  }
}
