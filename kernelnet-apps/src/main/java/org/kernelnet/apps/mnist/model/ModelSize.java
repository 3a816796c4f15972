package org.kernelnet.apps.mnist.model;

import ai.djl.nn.Block;
import org.kernelnet.djl.complexity.ComplexityReport;

/**
 * The size of a trained network for the results files, from {@link ComplexityReport}: the trained
 * parameters, the parameters of the equivalent dense network, and the multiply-accumulates of one
 * example (non-zero effective weights).
 *
 * @param parameters the trained (free) parameters
 * @param denseEquivalentParameters the parameters of the dense network computing the same map
 * @param macs the multiply-accumulates of one example's forward pass
 */
public record ModelSize(long parameters, long denseEquivalentParameters, long macs) {
  /** Counts an initialised network. */
  public static ModelSize of(Block block) {
    ComplexityReport report = ComplexityReport.of(block);
    return new ModelSize(report.total().freeParameters(), report.total().denseEquivalentParameters(),
        report.total().nonZeroWeights());
  }
}
