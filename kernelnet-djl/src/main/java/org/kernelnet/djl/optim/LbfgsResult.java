package org.kernelnet.djl.optim;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of {@link Lbfgs#minimize}: why it stopped and where. The point itself is left in the
 * caller's {@code x} array.
 *
 * @param reason why the iteration stopped
 * @param iterations the accepted steps
 * @param evaluations the objective evaluations, the initial one included
 * @param value {@code f} at the returned point
 * @param gradientNorm {@code ||grad f||_2} at the returned point
 */
public record LbfgsResult(
    StopReason reason, int iterations, int evaluations, double value, double gradientNorm) {
  /** Checks that {@code reason} is set. */
  public LbfgsResult {
    requireNonNull(reason, "reason is null");
  }

  /** Why {@link Lbfgs#minimize} stopped. */
  public enum StopReason {
    /** {@code ||grad f(x)||_2 <= gradientTolerance}. */
    GRADIENT_TOLERANCE,
    /**
     * The last step reduced f by at most {@code relativeFunctionTolerance * max(|f_old|, |f_new|,
     * 1)}.
     */
    FUNCTION_TOLERANCE,
    /** {@code maxIterations} steps were taken. */
    MAX_ITERATIONS,
    /** {@code maxEvaluations} objective evaluations were used. */
    MAX_EVALUATIONS,
    /**
     * The line search found no decrease, even along the steepest-descent direction after the history
     * was cleared; usually the precision limit of the objective (for example float32 losses) is
     * reached.
     */
    LINE_SEARCH_FAILED
  }
}
