package org.kernelnet.djl.optim;

/**
 * A smooth objective {@code f: R^n -> R} with its gradient, the input of {@link Lbfgs}.
 *
 * <p>Implementations write the gradient into the caller's buffer, so an optimiser can call them
 * thousands of times on vectors of millions of entries without allocating.
 */
public interface DifferentiableFunction {
  /** The number {@code n} of variables. */
  int dimension();

  /**
   * Evaluates {@code f(x)} and {@code grad f(x)}.
   *
   * @param x the point, {@code double[n]}; not modified
   * @param gradient receives {@code grad f(x)}, {@code double[n]}; every entry is overwritten
   * @return {@code f(x)}; {@code NaN} or infinity marks a point outside the domain, which the line
   *     search treats as "step too long"
   */
  double evaluate(double[] x, double[] gradient);
}
