package org.kernelnet.djl.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;

/**
 * {@code L = -mean_b log softmax(z_b)[y_b]} for logits {@code z [B, C]} and class indices {@code y
 * [B]} (or {@code [B, 1]}), the value of DJL's default {@code SoftmaxCrossEntropyLoss}.
 */
public final class SoftmaxCrossEntropy extends Loss {
  public SoftmaxCrossEntropy() {
    super("SoftmaxCrossEntropyLoss");
  }

  @Override
  public NDArray evaluate(NDList label, NDList prediction) {
    NDArray logits = prediction.singletonOrThrow();
    if (logits.getShape().dimension() != 2) {
      throw new IllegalArgumentException("logits must be [B, C], got " + logits.getShape());
    }
    int classes = Math.toIntExact(logits.getShape().get(1));
    NDArray oneHot = label.singletonOrThrow().reshape(-1).toType(DataType.INT64, false)
        .oneHot(classes)
        .toType(logits.getDataType(), false);
    return logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).mean().neg();
  }
}
