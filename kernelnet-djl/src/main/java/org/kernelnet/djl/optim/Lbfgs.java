package org.kernelnet.djl.optim;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.kernelnet.djl.optim.LbfgsResult.StopReason;
import org.kernelnet.djl.optim.StrongWolfeLineSearch.Outcome;

/**
 * Limited-memory BFGS (Nocedal and Wright, Numerical Optimization, 2nd ed., Algorithms 7.4 and 7.5)
 * for full-batch minimisation of a {@link DifferentiableFunction} {@code f: R^n -> R}.
 *
 * <p>Iteration {@code k} moves {@code x_{k+1} = x_k + alpha_k d_k} with {@code d_k = -H_k grad
 * f(x_k)}. {@code H_k} is the inverse-Hessian approximation built by the two-loop recursion from the
 * last {@code m} pairs {@code s_i = x_{i+1} - x_i}, {@code y_i = grad f(x_{i+1}) - grad f(x_i)},
 * starting from {@code H^0 = gamma I} with {@code gamma = s'y / y'y} of the newest pair. A pair is
 * skipped when {@code s'y <= curvatureEpsilon ||s|| ||y||}, which keeps {@code H_k} positive
 * definite. {@code alpha_k} comes from {@link StrongWolfeLineSearch} with first trial step 1, or
 * {@code min(1, 1 / ||grad f||_2)} while the history is empty (the first iteration, or a restart
 * after a failed line search). History and all vectors are {@code double[n]}; the iteration
 * allocates nothing, and every vector operation is one fused linear-time pass.
 *
 * <p>Memory: {@code 2 (m + 1) + 6} vectors of {@code n} doubles besides the caller's {@code x}; at
 * {@code n = 7e6}, {@code m = 10}: 1.6 GB.
 *
 * <p>It stops when {@code ||grad f||_2 <= gradientTolerance}, when a step lowers {@code f} by at
 * most {@code relativeFunctionTolerance * max(|f_k|, |f_{k+1}|, 1)}, after {@code maxIterations}
 * steps, after {@code maxEvaluations} evaluations, or when no decrease can be found; {@link
 * LbfgsResult} says which. Instances are immutable; {@link #minimize} may run concurrently on
 * different functions.
 */
public final class Lbfgs {
  private final int historySize;
  private final double gradientTolerance;
  private final double relativeFunctionTolerance;
  private final int maxIterations;
  private final int maxEvaluations;
  private final int maxLineSearchEvaluations;
  private final double curvatureEpsilon;
  private final StrongWolfeLineSearch lineSearch;
  private final List<LbfgsListener> listeners;

  private Lbfgs(Builder builder) {
    this.historySize = builder.historySize;
    this.gradientTolerance = builder.gradientTolerance;
    this.relativeFunctionTolerance = builder.relativeFunctionTolerance;
    this.maxIterations = builder.maxIterations;
    this.maxEvaluations = builder.maxEvaluations > 0
        ? builder.maxEvaluations
        : (int) Math.min(Integer.MAX_VALUE, builder.maxIterations * 5L / 4 + 25);
    this.maxLineSearchEvaluations = builder.maxLineSearchEvaluations;
    this.curvatureEpsilon = builder.curvatureEpsilon;
    this.lineSearch = builder.lineSearch;
    this.listeners = List.copyOf(builder.listeners);
  }

  /** A builder with the defaults listed on its setters. */
  public static Builder builder() {
    return new Builder();
  }

  /** The evaluation budget, {@code maxEvaluations} or its default {@code 5/4 maxIterations + 25}. */
  public int maxEvaluations() {
    return maxEvaluations;
  }

  /**
   * Minimises {@code f} starting from {@code x}.
   *
   * @param f the objective
   * @param x on entry the start point, on return the best point found; {@code double[n]} with
   *     {@code n = f.dimension()}
   * @return why it stopped, with the final value and gradient norm
   * @throws IllegalArgumentException if {@code x} has the wrong length or {@code f(x)} or its
   *     gradient is not finite at the start point
   */
  public LbfgsResult minimize(DifferentiableFunction f, double[] x) {
    requireNonNull(f, "f is null");
    requireNonNull(x, "x is null");
    if (x.length != f.dimension()) {
      throw new IllegalArgumentException(
          "x has length " + x.length + " but f has dimension " + f.dimension());
    }
    return new Run(f, x).run();
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int j = 0; j < a.length; j++) {
      sum += a[j] * b[j];
    }
    return sum;
  }

  /** The buffers and state of one minimisation; also the line function along {@code d}. */
  private final class Run implements LineFunction {
    private final DifferentiableFunction f;
    private final double[] callerX;
    private final int n;
    private double[] x;
    private double[] g;
    private final double[] d;
    private double[] xTrial;
    private double[] gTrial;
    private double[] xBest;
    private double[] gBest;
    private final double[][] s;
    private final double[][] y;
    private final double[] rho;
    private final double[] alphas;
    private int size;
    private int newest;
    private double gamma;
    private int evaluations;
    private double trialSlope;

    Run(DifferentiableFunction f, double[] x) {
      this.f = f;
      this.callerX = x;
      this.n = x.length;
      this.x = x;
      this.g = new double[n];
      this.d = new double[n];
      this.xTrial = new double[n];
      this.gTrial = new double[n];
      this.xBest = new double[n];
      this.gBest = new double[n];
      int slots = historySize + 1;
      this.s = new double[slots][n];
      this.y = new double[slots][n];
      this.rho = new double[slots];
      this.alphas = new double[slots];
      this.newest = historySize;
    }

    @Override
    public double evaluate(double alpha) {
      double[] xt = xTrial;
      for (int j = 0; j < n; j++) {
        xt[j] = x[j] + alpha * d[j];
      }
      evaluations++;
      double value = f.evaluate(xt, gTrial);
      trialSlope = dot(gTrial, d);
      // A non-finite gradient makes the point unusable even if its value is finite: report it as a
      // non-finite value, which the line search treats as a step that went too far.
      return Double.isFinite(trialSlope) ? value : Double.NaN;
    }

    @Override
    public double slope() {
      return trialSlope;
    }

    @Override
    public void retainLast() {
      double[] t = xBest;
      xBest = xTrial;
      xTrial = t;
      t = gBest;
      gBest = gTrial;
      gTrial = t;
    }

    LbfgsResult run() {
      double value = f.evaluate(x, g);
      evaluations = 1;
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("f is not finite at the start point: f(x0) = " + value);
      }
      double gradientNorm = Math.sqrt(dot(g, g));
      if (!Double.isFinite(gradientNorm)) {
        throw new IllegalArgumentException(
            "the gradient is not finite at the start point: ||grad f(x0)|| = " + gradientNorm);
      }
      int iterations = 0;
      StopReason reason = null;
      if (gradientNorm <= gradientTolerance) {
        reason = StopReason.GRADIENT_TOLERANCE;
      } else if (maxIterations == 0) {
        reason = StopReason.MAX_ITERATIONS;
      }
      while (reason == null) {
        int budget = Math.min(maxLineSearchEvaluations, maxEvaluations - evaluations);
        if (budget < 1) {
          reason = StopReason.MAX_EVALUATIONS;
          break;
        }
        double slope0 = direction();
        if (!(slope0 < 0) || Double.isInfinite(slope0)) {
          size = 0;
          slope0 = direction();
        }
        double initialStep = size == 0 ? Math.min(1, 1 / gradientNorm) : 1;
        StrongWolfeLineSearch.Result line =
            lineSearch.search(this, value, slope0, initialStep, budget);
        if (line.outcome() == Outcome.FAILED) {
          if (size > 0) {
            size = 0;
          } else {
            reason = StopReason.LINE_SEARCH_FAILED;
          }
          continue;
        }
        double previousValue = value;
        value = line.value();
        gradientNorm = accept();
        iterations++;
        LbfgsProgress progress =
            new LbfgsProgress(iterations, value, gradientNorm, line.step(), evaluations);
        for (LbfgsListener listener : listeners) {
          listener.onIteration(progress);
        }
        double scale = Math.max(Math.max(Math.abs(previousValue), Math.abs(value)), 1);
        if (gradientNorm <= gradientTolerance) {
          reason = StopReason.GRADIENT_TOLERANCE;
        } else if (previousValue - value <= relativeFunctionTolerance * scale) {
          reason = StopReason.FUNCTION_TOLERANCE;
        } else if (iterations >= maxIterations) {
          reason = StopReason.MAX_ITERATIONS;
        } else if (evaluations >= maxEvaluations) {
          reason = StopReason.MAX_EVALUATIONS;
        }
      }
      if (x != callerX) {
        System.arraycopy(x, 0, callerX, 0, n);
      }
      return new LbfgsResult(reason, iterations, evaluations, value, gradientNorm);
    }

    private int slot(int age) {
      int slots = historySize + 1;
      return (newest - age + slots) % slots;
    }

    /**
     * Two-loop recursion: {@code d = -H g}; each history pair is read once per loop, with the
     * update of {@code q} fused with the next dot product. Returns {@code g'd}.
     */
    private double direction() {
      double[] q = d;
      if (size == 0) {
        double slope = 0;
        for (int j = 0; j < n; j++) {
          q[j] = -g[j];
          slope -= g[j] * g[j];
        }
        return slope;
      }
      int i = slot(0);
      double[] sNext = s[i];
      double acc = 0;
      for (int j = 0; j < n; j++) {
        q[j] = g[j];
        acc += sNext[j] * g[j];
      }
      for (int age = 0; age < size; age++) {
        i = slot(age);
        double a = rho[i] * acc;
        alphas[i] = a;
        double[] yi = y[i];
        acc = 0;
        if (age + 1 < size) {
          sNext = s[slot(age + 1)];
          for (int j = 0; j < n; j++) {
            double v = q[j] - a * yi[j];
            q[j] = v;
            acc += sNext[j] * v;
          }
        } else {
          for (int j = 0; j < n; j++) {
            double v = (q[j] - a * yi[j]) * gamma;
            q[j] = v;
            acc += yi[j] * v;
          }
        }
      }
      double slope = 0;
      for (int age = size - 1; age >= 0; age--) {
        i = slot(age);
        double c = alphas[i] - rho[i] * acc;
        double[] si = s[i];
        acc = 0;
        if (age > 0) {
          double[] yNext = y[slot(age - 1)];
          for (int j = 0; j < n; j++) {
            double v = q[j] + c * si[j];
            q[j] = v;
            acc += yNext[j] * v;
          }
        } else {
          for (int j = 0; j < n; j++) {
            double v = -(q[j] + c * si[j]);
            q[j] = v;
            slope += g[j] * v;
          }
        }
      }
      return slope;
    }

    /**
     * Moves to the retained line-search point, stores {@code (s, y)} in the free history slot and
     * keeps it if {@code s'y > curvatureEpsilon ||s|| ||y||}. Returns {@code ||g_new||_2}.
     */
    private double accept() {
      int free = slot(-1);
      double[] sf = s[free];
      double[] yf = y[free];
      double[] xn = xBest;
      double[] gn = gBest;
      double sy = 0;
      double ss = 0;
      double yy = 0;
      double gg = 0;
      for (int j = 0; j < n; j++) {
        double sj = xn[j] - x[j];
        double gj = gn[j];
        double yj = gj - g[j];
        sf[j] = sj;
        yf[j] = yj;
        sy += sj * yj;
        ss += sj * sj;
        yy += yj * yj;
        gg += gj * gj;
      }
      if (sy > curvatureEpsilon * Math.sqrt(ss * yy)) {
        newest = free;
        rho[free] = 1 / sy;
        gamma = sy / yy;
        size = Math.min(size + 1, historySize);
      }
      xBest = x;
      x = xn;
      gBest = g;
      g = gn;
      return Math.sqrt(gg);
    }
  }

  /** Builds {@link Lbfgs}; every setter validates its argument and names the valid range. */
  public static final class Builder {
    private int historySize = 10;
    private double gradientTolerance = 1e-5;
    private double relativeFunctionTolerance = 1e-12;
    private int maxIterations = 1000;
    private int maxEvaluations;
    private int maxLineSearchEvaluations = 25;
    private double curvatureEpsilon = 1e-10;
    private StrongWolfeLineSearch lineSearch = new StrongWolfeLineSearch(1e-4, 0.9);
    private final List<LbfgsListener> listeners = new ArrayList<>();

    private Builder() {}

    /** The number {@code m} of stored {@code (s, y)} pairs, {@code >= 1}; default 10. */
    public Builder optHistorySize(int historySize) {
      if (historySize < 1) {
        throw new IllegalArgumentException("historySize must be >= 1, got " + historySize);
      }
      this.historySize = historySize;
      return this;
    }

    /** Stop when {@code ||grad f||_2} is at most this, finite {@code >= 0}; default 1e-5. */
    public Builder optGradientTolerance(double gradientTolerance) {
      this.gradientTolerance = nonNegative("gradientTolerance", gradientTolerance);
      return this;
    }

    /**
     * Stop when a step lowers f by at most this times {@code max(|f_old|, |f_new|, 1)}, finite
     * {@code >= 0}; default 1e-12.
     */
    public Builder optRelativeFunctionTolerance(double relativeFunctionTolerance) {
      this.relativeFunctionTolerance =
          nonNegative("relativeFunctionTolerance", relativeFunctionTolerance);
      return this;
    }

    /** The most accepted steps, {@code >= 0}; default 1000. */
    public Builder optMaxIterations(int maxIterations) {
      if (maxIterations < 0) {
        throw new IllegalArgumentException("maxIterations must be >= 0, got " + maxIterations);
      }
      this.maxIterations = maxIterations;
      return this;
    }

    /**
     * The most objective evaluations, the initial one included, {@code >= 1}; default {@code 5/4
     * maxIterations + 25}.
     */
    public Builder optMaxEvaluations(int maxEvaluations) {
      if (maxEvaluations < 1) {
        throw new IllegalArgumentException("maxEvaluations must be >= 1, got " + maxEvaluations);
      }
      this.maxEvaluations = maxEvaluations;
      return this;
    }

    /** The most evaluations in one line search, {@code >= 1}; default 25. */
    public Builder optMaxLineSearchEvaluations(int maxLineSearchEvaluations) {
      if (maxLineSearchEvaluations < 1) {
        throw new IllegalArgumentException(
            "maxLineSearchEvaluations must be >= 1, got " + maxLineSearchEvaluations);
      }
      this.maxLineSearchEvaluations = maxLineSearchEvaluations;
      return this;
    }

    /**
     * A pair is skipped when {@code s'y <= curvatureEpsilon ||s|| ||y||}, finite {@code >= 0};
     * default 1e-10.
     */
    public Builder optCurvatureEpsilon(double curvatureEpsilon) {
      this.curvatureEpsilon = nonNegative("curvatureEpsilon", curvatureEpsilon);
      return this;
    }

    /**
     * The Wolfe constants, {@code 0 < c1 < c2 < 1}; defaults 1e-4 and 0.9 (Nocedal and Wright's
     * choice for quasi-Newton methods).
     */
    public Builder optWolfeConstants(double c1, double c2) {
      this.lineSearch = new StrongWolfeLineSearch(c1, c2);
      return this;
    }

    /** Adds a listener called after every accepted step. */
    public Builder optListener(LbfgsListener listener) {
      listeners.add(requireNonNull(listener, "listener is null"));
      return this;
    }

    /** Builds the immutable optimiser. */
    public Lbfgs build() {
      return new Lbfgs(this);
    }

    private static double nonNegative(String name, double value) {
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + value);
      }
      return value;
    }
  }
}
