/**
 * Losses computed without {@code NDArray.op(Number)}, so their gradients cannot be corrupted by a
 * garbage collection between the forward and the backward pass (see {@link
 * org.kernelnet.api.Scalars}). DJL 0.35's {@code L2Loss}, {@code SoftmaxCrossEntropyLoss} and {@code
 * SigmoidBinaryCrossEntropyLoss} multiply by their weight as a Java number and are exposed to that
 * bug; these compute the same values.
 */
package org.kernelnet.djl.loss;
