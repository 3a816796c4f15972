package org.kernelnet.apps.movielens.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.kernelnet.djl.complexity.Complexity;
import org.kernelnet.djl.complexity.ComplexityReport;
import org.kernelnet.djl.complexity.ComplexityReport.LayerComplexity;

/**
 * Free parameters and multiply-accumulates (MACs) of one prediction, as in Table 4 of Mueller et al.
 * 2018: "assuming 10 random rated movies and dense prediction", where a zero weight costs nothing.
 * The input vector has {@code k} non-zero entries (the rated inputs), so the first layer costs the
 * expected number of non-zero effective weights in {@code k} random rows of its {@code [in, out]}
 * matrix, {@code k * nnz(W_1) / in}; every later layer is computed densely and costs its non-zero
 * weights {@code nnz(W_l)}; biases and activations are not counted.
 *
 * <p>For a dense I-AutoRec(1) on ML-1M (6,040 users, 500 hidden): parameters {@code 6040 * 500 * 2 +
 * 500 + 6040 = 6.05M}, MACs {@code 10 * 500 + 500 * 6040 = 3.03M}; with two hidden layers {@code
 * 6.30M} and {@code 3.28M}, the numbers of Table 4.
 *
 * @param freeParameters the trained values of the network
 * @param denseEquivalentParameters the parameters of the same network with dense layers
 * @param macs the expected multiply-accumulates of one prediction
 * @param ratedInputs the number {@code k} of non-zero inputs assumed
 * @param layers the per-layer counts the numbers were computed from, input layer first
 */
public record PredictionCost(
    long freeParameters,
    long denseEquivalentParameters,
    long macs,
    int ratedInputs,
    List<LayerComplexity> layers) {

  /** Copies the layer list. */
  public PredictionCost {
    layers = List.copyOf(layers);
  }

  /**
   * The cost of the network a complexity report describes.
   *
   * @param report the report of the whole network, its first counted layer taking the input
   * @param inputs the width {@code in} of the input layer
   * @param ratedInputs the non-zero inputs {@code k}, in {@code [1, inputs]}
   */
  public static PredictionCost of(ComplexityReport report, long inputs, int ratedInputs) {
    requireNonNull(report, "report is null");
    if (inputs < 1) {
      throw new IllegalArgumentException("inputs must be >= 1, got " + inputs);
    }
    if (ratedInputs < 1 || ratedInputs > inputs) {
      throw new IllegalArgumentException(
          "ratedInputs must be in [1, " + inputs + "], got " + ratedInputs);
    }
    List<LayerComplexity> counted = report.layers().stream()
        .filter(l -> l.complexity().nonZeroWeights() > 0 || l.complexity().denseEquivalentParameters() > 0)
        .toList();
    if (counted.isEmpty()) {
      throw new IllegalArgumentException("the report has no layers");
    }
    double macs = 0;
    for (int l = 0; l < counted.size(); l++) {
      long nonZero = counted.get(l).complexity().nonZeroWeights();
      macs += l == 0 ? (double) nonZero * ratedInputs / inputs : nonZero;
    }
    Complexity total = report.total();
    return new PredictionCost(total.freeParameters(), total.denseEquivalentParameters(),
        Math.round(macs), ratedInputs, counted);
  }
}
