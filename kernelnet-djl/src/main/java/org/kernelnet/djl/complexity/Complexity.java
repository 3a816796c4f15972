package org.kernelnet.djl.complexity;

/**
 * The size and cost of a layer or network.
 *
 * @param freeParameters the number of trained values (elements of parameters that require a
 *     gradient; fixed locations and fixed dictionaries are not free)
 * @param denseEquivalentParameters the parameters of the dense layer computing the same map: {@code
 *     in * out} weights plus the bias
 * @param nonZeroWeights the non-zero entries of the effective weight matrices, i.e. the
 *     multiply-accumulates (MACs) of one input example when zero weights cost nothing
 */
public record Complexity(long freeParameters, long denseEquivalentParameters, long nonZeroWeights) {
  /** Nothing. */
  public static final Complexity ZERO = new Complexity(0, 0, 0);

  /** @throws IllegalArgumentException if a count is negative */
  public Complexity {
    if (freeParameters < 0 || denseEquivalentParameters < 0 || nonZeroWeights < 0) {
      throw new IllegalArgumentException(
          "counts must be >= 0, got free " + freeParameters + ", dense-equivalent "
              + denseEquivalentParameters + ", non-zero " + nonZeroWeights);
    }
  }

  /** The element-wise sum. */
  public Complexity plus(Complexity other) {
    return new Complexity(
        freeParameters + other.freeParameters,
        denseEquivalentParameters + other.denseEquivalentParameters,
        nonZeroWeights + other.nonZeroWeights);
  }
}
