package org.kernelnet.djl.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;

/**
 * {@code L = -mean_b sum_k q_bk log softmax(z_b)[k]} for logits {@code z [B, C]} and class indices
 * {@code y [B]} (or {@code [B, 1]}), with the target {@code q_b = (1 - eps) onehot(y_b) + eps / C}.
 * With label smoothing {@code eps = 0} (the default) this is {@code -mean_b log softmax(z_b)[y_b]},
 * the value of DJL's default {@code SoftmaxCrossEntropyLoss}; {@code eps > 0} is the label smoothing
 * of Szegedy et al. (2016), which keeps the logits from growing without bound on separable data.
 */
public final class SoftmaxCrossEntropy extends Loss {
  private final double smoothing;

  /** The plain cross-entropy, {@code eps = 0}. */
  public SoftmaxCrossEntropy() {
    this(0);
  }

  /**
   * The cross-entropy with label smoothing.
   *
   * @param smoothing {@code eps}, the probability mass spread evenly over all classes, in {@code [0,
   *     1)}
   */
  public SoftmaxCrossEntropy(double smoothing) {
    super("SoftmaxCrossEntropyLoss");
    if (!(smoothing >= 0 && smoothing < 1)) {
      throw new IllegalArgumentException("label smoothing must be in [0, 1), got " + smoothing);
    }
    this.smoothing = smoothing;
  }

  @Override
  public NDArray evaluate(NDList label, NDList prediction) {
    NDArray logits = prediction.singletonOrThrow();
    if (logits.getShape().dimension() != 2) {
      throw new IllegalArgumentException("logits must be [B, C], got " + logits.getShape());
    }
    int classes = Math.toIntExact(logits.getShape().get(1));
    NDArray target = label.singletonOrThrow().reshape(-1).toType(DataType.INT64, false)
        .oneHot(classes)
        .toType(logits.getDataType(), false);
    if (smoothing > 0) {
      target = target.mul(1 - smoothing).add(smoothing / classes);
    }
    return logits.logSoftmax(1).mul(target).sum(new int[] {1}).mean().neg();
  }
}
