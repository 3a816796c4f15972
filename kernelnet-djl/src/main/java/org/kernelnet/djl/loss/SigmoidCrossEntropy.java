package org.kernelnet.djl.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.loss.Loss;

/**
 * Binary cross-entropy on logits, {@code L = mean(relu(z) - z y + log(1 + exp(-|z|)))} for logits
 * {@code z} and targets {@code y} in {@code [0, 1]} of the same shape (the numerically stable form of
 * {@code -y log sigmoid(z) - (1 - y) log(1 - sigmoid(z))}), the value of DJL's default {@code
 * SigmoidBinaryCrossEntropyLoss}.
 */
public final class SigmoidCrossEntropy extends Loss {
  public SigmoidCrossEntropy() {
    super("SigmoidBinaryCrossEntropyLoss");
  }

  @Override
  public NDArray evaluate(NDList label, NDList prediction) {
    NDArray z = prediction.singletonOrThrow();
    NDArray y = label.singletonOrThrow().reshape(z.getShape());
    NDArray softPlusOfMinusAbs = z.abs().neg().exp().add(1).log();
    return Activation.relu(z).sub(z.mul(y)).add(softPlusOfMinusAbs).mean();
  }
}
