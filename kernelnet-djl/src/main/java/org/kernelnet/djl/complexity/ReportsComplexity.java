package org.kernelnet.djl.complexity;

/**
 * A block that counts its own {@link Complexity}; {@link ComplexityReport#of} uses it instead of the
 * generic rules. Every kernelnet layer implements it.
 */
public interface ReportsComplexity {
  /**
   * This block's counts, computed from its current parameter values.
   *
   * @throws IllegalStateException if the parameters are not initialised
   */
  Complexity complexity();
}
