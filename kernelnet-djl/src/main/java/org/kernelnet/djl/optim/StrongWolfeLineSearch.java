package org.kernelnet.djl.optim;

import static java.util.Objects.requireNonNull;

/**
 * A line search for steps that satisfy the strong Wolfe conditions (Nocedal and Wright, Numerical
 * Optimization, 2nd ed., Algorithms 3.5 and 3.6):
 *
 * <pre>
 *   phi(alpha)       &lt;= phi(0) + c1 alpha phi'(0)      (sufficient decrease)
 *   |phi'(alpha)|    &lt;= c2 |phi'(0)|                   (curvature)
 * </pre>
 *
 * with {@code 0 < c1 < c2 < 1} and {@code phi(alpha) = f(x + alpha d)} for a descent direction
 * {@code d} ({@code phi'(0) < 0}). The bracketing phase extrapolates with the minimiser of the cubic
 * through the last two trials, kept in {@code [alpha + 1.1 D, alpha + 4 D]} with {@code D} the last
 * increase; the zoom phase interpolates with the same cubic, kept at least 10 % of the bracket away
 * from its ends, and bisects when the cubic has no minimiser or a trial value is not finite.
 * Instances are immutable and thread-safe.
 */
public final class StrongWolfeLineSearch {
  private final double c1;
  private final double c2;

  /**
   * @param c1 the sufficient-decrease constant, {@code 0 < c1 < c2}
   * @param c2 the curvature constant, {@code c1 < c2 < 1}
   */
  public StrongWolfeLineSearch(double c1, double c2) {
    if (!(c1 > 0 && c1 < 1)) {
      throw new IllegalArgumentException("c1 must be in (0, 1), got " + c1);
    }
    if (!(c2 > c1 && c2 < 1)) {
      throw new IllegalArgumentException("c2 must be in (c1, 1) = (" + c1 + ", 1), got " + c2);
    }
    this.c1 = c1;
    this.c2 = c2;
  }

  /** How a search ended. */
  public enum Outcome {
    /** The returned step satisfies both strong Wolfe conditions. */
    CONVERGED,
    /**
     * The evaluation budget ran out or the bracket collapsed; the returned step satisfies sufficient
     * decrease but not the curvature condition.
     */
    SUFFICIENT_DECREASE_ONLY,
    /** No trial step decreased {@code phi} enough; the returned step is 0. */
    FAILED
  }

  /**
   * The retained step: the last one passed to {@link LineFunction#retainLast()}, or 0 if none was.
   *
   * @param outcome how the search ended
   * @param step the retained step {@code alpha}, 0 if {@code outcome} is {@link Outcome#FAILED}
   * @param value {@code phi(step)}
   * @param slope {@code phi'(step)}
   * @param evaluations the number of {@link LineFunction#evaluate} calls made
   */
  public record Result(Outcome outcome, double step, double value, double slope, int evaluations) {}

  /**
   * Searches for a step satisfying the strong Wolfe conditions.
   *
   * @param phi the function along the direction
   * @param value0 {@code phi(0)}, finite
   * @param slope0 {@code phi'(0)}, {@code < 0}
   * @param initialStep the first trial step, finite and {@code > 0}
   * @param maxEvaluations the evaluation budget, {@code >= 1}
   * @return the retained step with its value and slope
   */
  public Result search(
      LineFunction phi, double value0, double slope0, double initialStep, int maxEvaluations) {
    requireNonNull(phi, "phi is null");
    if (!Double.isFinite(value0)) {
      throw new IllegalArgumentException("value0 must be finite, got " + value0);
    }
    if (!(slope0 < 0) || Double.isInfinite(slope0)) {
      throw new IllegalArgumentException(
          "slope0 must be finite and < 0 (a descent direction), got " + slope0);
    }
    if (!(initialStep > 0) || Double.isInfinite(initialStep)) {
      throw new IllegalArgumentException(
          "initialStep must be a finite number > 0, got " + initialStep);
    }
    if (maxEvaluations < 1) {
      throw new IllegalArgumentException("maxEvaluations must be >= 1, got " + maxEvaluations);
    }
    return new Search(phi, value0, slope0, maxEvaluations).run(initialStep);
  }

  /** The state of one search; the fields named best* hold the retained step. */
  private final class Search {
    private final LineFunction phi;
    private final double value0;
    private final double slope0;
    private final int maxEvaluations;
    private int evaluations;
    private double bestStep;
    private double bestValue;
    private double bestSlope;

    Search(LineFunction phi, double value0, double slope0, int maxEvaluations) {
      this.phi = phi;
      this.value0 = value0;
      this.slope0 = slope0;
      this.maxEvaluations = maxEvaluations;
      this.bestValue = value0;
      this.bestSlope = slope0;
    }

    private boolean sufficientDecrease(double step, double value) {
      return value <= value0 + c1 * step * slope0;
    }

    private boolean curvature(double slope) {
      return Math.abs(slope) <= -c2 * slope0;
    }

    private double evaluate(double step) {
      evaluations++;
      double value = phi.evaluate(step);
      return Double.isNaN(value) ? Double.POSITIVE_INFINITY : value;
    }

    private void retain(double step, double value, double slope) {
      phi.retainLast();
      bestStep = step;
      bestValue = value;
      bestSlope = slope;
    }

    private Result result(Outcome converged) {
      Outcome outcome = converged != null ? converged
          : bestStep > 0 ? Outcome.SUFFICIENT_DECREASE_ONLY : Outcome.FAILED;
      return new Result(outcome, bestStep, bestValue, bestSlope, evaluations);
    }

    /** Algorithm 3.5: bracket a step interval that contains a strong-Wolfe point. */
    Result run(double initialStep) {
      double prevStep = 0;
      double prevValue = value0;
      double prevSlope = slope0;
      double step = initialStep;
      while (true) {
        double value = evaluate(step);
        double slope = phi.slope();
        if (!sufficientDecrease(step, value) || (evaluations > 1 && value >= prevValue)) {
          return zoom(prevStep, prevValue, prevSlope, step, value, slope);
        }
        retain(step, value, slope);
        if (curvature(slope)) {
          return result(Outcome.CONVERGED);
        }
        if (slope >= 0) {
          return zoom(step, value, slope, prevStep, prevValue, prevSlope);
        }
        if (evaluations >= maxEvaluations) {
          return result(null);
        }
        double increase = step - prevStep;
        double low = step + 1.1 * increase;
        double high = step + 4 * increase;
        double next = cubicMinimizer(prevStep, prevValue, prevSlope, step, value, slope);
        next = Double.isFinite(next) ? Math.min(Math.max(next, low), high) : high;
        if (Double.isInfinite(next)) {
          return result(null);
        }
        prevStep = step;
        prevValue = value;
        prevSlope = slope;
        step = next;
      }
    }

    /**
     * Algorithm 3.6: {@code lo} satisfies sufficient decrease and has the lowest value so far; the
     * bracket between {@code lo} and {@code hi} contains a strong-Wolfe point.
     */
    private Result zoom(
        double lo, double valueLo, double slopeLo, double hi, double valueHi, double slopeHi) {
      while (evaluations < maxEvaluations) {
        double a = Math.min(lo, hi);
        double b = Math.max(lo, hi);
        double width = b - a;
        if (width <= 1e-14 * b) {
          break;
        }
        double trial = cubicMinimizer(lo, valueLo, slopeLo, hi, valueHi, slopeHi);
        trial = Double.isFinite(trial)
            ? Math.min(Math.max(trial, a + 0.1 * width), b - 0.1 * width)
            : a + 0.5 * width;
        double value = evaluate(trial);
        double slope = phi.slope();
        if (!sufficientDecrease(trial, value) || value >= valueLo) {
          hi = trial;
          valueHi = value;
          slopeHi = slope;
        } else {
          retain(trial, value, slope);
          if (curvature(slope)) {
            return result(Outcome.CONVERGED);
          }
          if (slope * (hi - lo) >= 0) {
            hi = lo;
            valueHi = valueLo;
            slopeHi = slopeLo;
          }
          lo = trial;
          valueLo = value;
          slopeLo = slope;
        }
      }
      return result(null);
    }
  }

  /**
   * The minimiser of the cubic that interpolates {@code (a, fa, ga)} and {@code (b, fb, gb)}
   * (Nocedal and Wright eq. 3.59), or NaN if the cubic has none or an input is not finite.
   */
  static double cubicMinimizer(double a, double fa, double ga, double b, double fb, double gb) {
    double d1 = ga + gb - 3 * (fa - fb) / (a - b);
    double discriminant = d1 * d1 - ga * gb;
    if (!(discriminant >= 0) || Double.isInfinite(discriminant)) {
      return Double.NaN;
    }
    double d2 = Math.signum(b - a) * Math.sqrt(discriminant);
    return b - (b - a) * (gb + d2 - d1) / (gb - ga + 2 * d2);
  }
}
