package org.kernelnet.djl.optim;

/**
 * The restriction {@code phi(alpha) = f(x + alpha d)} of an objective to a search direction, as
 * seen by {@link StrongWolfeLineSearch}.
 *
 * <p>The search evaluates trial steps one after another and calls {@link #retainLast()} for every
 * trial it may end up returning, so an implementation that holds {@code x + alpha d} and its
 * gradient in buffers can keep the retained point by swapping buffers instead of recomputing it.
 */
public interface LineFunction {
  /**
   * Evaluates {@code phi(alpha)} and remembers {@code phi'(alpha)} for {@link #slope()}.
   *
   * @param alpha the step, {@code > 0}
   * @return {@code phi(alpha)}; non-finite values mean "step too long"
   */
  double evaluate(double alpha);

  /** {@code phi'(alpha) = grad f(x + alpha d) . d} at the last evaluated step. */
  double slope();

  /** Marks the last evaluated step as the best one so far: it is the one to keep if the search ends. */
  void retainLast();
}
