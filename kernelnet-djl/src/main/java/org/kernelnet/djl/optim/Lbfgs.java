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
 * f(x_k)}. {@code H_k} is the inverse-Hessian approximation built by the two-loop recursion from
 * the last {@code m} pairs {@code s_i = x_{i+1} - x_i}, {@code y_i = grad f(x_{i+1}) - grad
 * f(x_i)}, starting from {@code H^0 = gamma I} with {@code gamma = s'y / y'y} of the newest pair. A
 * pair is skipped when {@code s'y <= curvatureEpsilon ||s|| ||y||}, which keeps {@code H_k}
 * positive definite. {@code alpha_k} comes from {@link StrongWolfeLineSearch} with first trial step
 * 1, or {@code min(1, 1 / ||grad f||_2)} while the history is empty (the first iteration, or a
 * restart after a failed line search).
 *
 * <p>Precision: the history pairs are stored as {@code float[n]}, everything else is double. A
 * pair is computed in double from the double iterates and gradients and rounded once, when it is
 * stored: {@code s_i = fl32(x_{i+1} - x_i)}, {@code y_i = fl32(g_{i+1} - g_i)}, a relative error of
 * at most {@code 2^-24} per element in float's normal range (about {@code 1.2e-38} to {@code
 * 3.4e38}). Every dot product widens its operands to double and accumulates in double (the product
 * of two floats is exact in double). The sums {@code s'y}, {@code s's}, {@code y'y} and {@code s'g}
 * are taken from the stored pair, not from the double pair it was rounded from, and so are {@code
 * rho = 1 / s'y}, {@code gamma} and the curvature test: the recursion applies the BFGS updates of
 * the stored pairs, and only their own {@code s'y} makes each update satisfy its secant equation
 * {@code H y = s} and, through the test {@code s'y > 0}, keep {@code H_k} positive definite and
 * {@code d_k} a descent direction (with the unrounded {@code s'y}, a pair near the threshold could
 * enter with a stored {@code s'y <= 0}). The rounding changes the quasi-Newton matrix by about
 * {@code 2^-24} relative to pairs that are finite-difference estimates of the curvature anyway; it
 * does not limit the accuracy of the minimiser, as {@code x}, the gradient, the direction {@code d}
 * and the line search along it stay double. A pair with an element beyond float's range has a
 * non-finite {@code s'y} and is skipped.
 *
 * <p>Cost: the iteration allocates no vector. The two-loop recursion makes {@code 2m} passes, each
 * updating {@code q} (double, held in {@code d}) and taking the dot product the next step needs:
 * it reads {@code q} and two history vectors and writes {@code q}, 24 bytes per element; one more
 * pass takes the slope {@code g'd} of the direction. Accepting a step is one pass that moves
 * {@code x} in place to {@code x + alpha d} (recomputed, bit for bit the point the line search
 * evaluated, so no copy of the best trial point is kept), stores the pair and also takes {@code
 * s'y, s's, y'y, g'g} and {@code s'g} (the first dot product of the next direction); a line-search
 * trial is one pass for {@code x
 * + alpha d} and one for the slope {@code g'd}. The passes are scalar loops; on the 2-core machine
 * of {@code LbfgsOverheadBenchmark} they took about as long with a double history (32 bytes per
 * element) as with the float one, so the float history saves memory, not time.
 *
 * <p>Memory: {@code 2 (m + 1)} vectors of {@code n} floats (the pairs and a free slot for the
 * next) and 5 of {@code n} doubles besides the caller's {@code x} (the gradient, the direction, the
 * trial point and the gradients at the trial and retained points): {@code (8 m + 48) n} bytes, 819 MB
 * at {@code n = 6.4e6}, {@code m = 10}, where a double history took {@code (16 m + 64) n}, 1.43 GB.
 *
 * <p>Threads and determinism: every vector pass is split into chunks of {@link #CHUNK_SIZE} = 2^16
 * consecutive elements (the last may be shorter). A dot product is the sum over chunks, in chunk
 * order, of per-chunk partial sums, each accumulated in double in a fixed order within its chunk.
 * With {@code parallelism p > 1} (default: the number of processors) and more than one chunk,
 * {@link #minimize} starts {@code min(p, chunks) - 1} daemon worker threads that take chunks
 * alongside the calling thread, and stops and joins them before it returns (normally or not). The
 * iterates are therefore bit-identical for every {@code p}, including 1, which runs all chunks in
 * the calling thread; {@code f} and the listeners are always called in the calling thread.
 *
 * <p>It stops when {@code ||grad f||_2 <= gradientTolerance}, when a step lowers {@code f} by at
 * most {@code relativeFunctionTolerance * max(|f_k|, |f_{k+1}|, 1)}, after {@code maxIterations}
 * steps, after {@code maxEvaluations} evaluations, or when no decrease can be found; {@link
 * LbfgsResult} says which. Instances are immutable; {@link #minimize} may run concurrently on
 * different functions.
 */
public final class Lbfgs {
  /** The length of the chunks that every vector pass is split into (the last may be shorter). */
  static final int CHUNK_SIZE = 1 << 16;

  private final int historySize;
  private final double gradientTolerance;
  private final double relativeFunctionTolerance;
  private final int maxIterations;
  private final int maxEvaluations;
  private final int maxLineSearchEvaluations;
  private final double curvatureEpsilon;
  private final StrongWolfeLineSearch lineSearch;
  private final List<LbfgsListener> listeners;
  private final int parallelism;

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
    this.parallelism = builder.parallelism;
  }

  /** A builder with the defaults listed on its setters. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The bytes {@link #minimize} allocates for a problem of dimension {@code n}, {@code (8 m + 48)
   * n} (see the class comment), so that a caller can check them against the heap before starting.
   */
  public long workingMemoryBytes(int n) {
    return (8L * historySize + 48) * n;
  }

  /**
   * The vectors of a minimisation of dimension {@code n} with this history size ({@link
   * #workingMemoryBytes} of them), for {@link #minimize(DifferentiableFunction, double[], Workspace)}
   * calls that follow one another: rounds of L-BFGS then reuse one working set instead of leaving
   * the last round's to the garbage collector.
   */
  public Workspace newWorkspace(int n) {
    return new Workspace(n, historySize + 1);
  }

  /**
   * The vectors of one minimisation at a time: the gradient, the direction, the trial point, the
   * gradients at the trial and retained points, and the history pairs with a free slot. A run
   * overwrites them before it reads them, so nothing carries over from one run to the next.
   */
  public static final class Workspace {
    private final int n;
    private final double[] g;
    private final double[] d;
    private final double[] xTrial;
    private final double[] gTrial;
    private final double[] gBest;
    private final float[][] s;
    private final float[][] y;

    private Workspace(int n, int slots) {
      if (n < 0) {
        throw new IllegalArgumentException("n must be >= 0, got " + n);
      }
      this.n = n;
      this.g = new double[n];
      this.d = new double[n];
      this.xTrial = new double[n];
      this.gTrial = new double[n];
      this.gBest = new double[n];
      this.s = new float[slots][n];
      this.y = new float[slots][n];
    }
  }

  /** The evaluation budget: {@code maxEvaluations}, by default {@code 5/4 maxIterations + 25}. */
  public int maxEvaluations() {
    return maxEvaluations;
  }

  /**
   * Minimises {@code f} starting from {@code x}, in a working set of its own.
   *
   * @param f the objective
   * @param x on entry the start point, on return the best point found; {@code double[n]} with
   *     {@code n = f.dimension()}
   * @return why it stopped, with the final value and gradient norm
   * @throws IllegalArgumentException if {@code x} has the wrong length or {@code f(x)} or its
   *     gradient is not finite at the start point
   */
  public LbfgsResult minimize(DifferentiableFunction f, double[] x) {
    requireNonNull(x, "x is null");
    return minimize(f, x, newWorkspace(x.length));
  }

  /**
   * {@link #minimize(DifferentiableFunction, double[])} in {@code workspace}, which must come from
   * {@link #newWorkspace} of an L-BFGS with the same history size, for {@code x.length}; one run at a
   * time may use it. The iterates are those of a fresh working set.
   *
   * @throws IllegalArgumentException also if the workspace does not fit
   */
  public LbfgsResult minimize(DifferentiableFunction f, double[] x, Workspace workspace) {
    requireNonNull(f, "f is null");
    requireNonNull(x, "x is null");
    requireNonNull(workspace, "workspace is null");
    if (x.length != f.dimension()) {
      throw new IllegalArgumentException(
          "x has length " + x.length + " but f has dimension " + f.dimension());
    }
    if (workspace.n != x.length || workspace.s.length != historySize + 1) {
      throw new IllegalArgumentException("the workspace is for dimension " + workspace.n
          + " and history " + (workspace.s.length - 1) + ", not " + x.length + " and "
          + historySize);
    }
    int threads = Math.min(parallelism, chunkCount(x.length));
    if (threads == 1) {
      return new Run(f, x, workspace, null).run();
    }
    try (ChunkWorkers workers = new ChunkWorkers(threads - 1, "lbfgs-worker")) {
      return new Run(f, x, workspace, workers).run();
    }
  }

  /** The buffers and state of one minimisation; also the line function along {@code d}. */
  private final class Run implements LineFunction, ChunkWorkers.Pass {
    private static final int HISTORY_AXPY_DOT = 0;
    private static final int NEGATE = 2;
    private static final int ACCEPT = 3;
    private static final int TRIAL = 4;
    private static final int DOT = 5;
    private static final int HISTORY_DOT = 6;
    private static final int SUMS = 5;

    private final DifferentiableFunction f;
    private final int n;
    private final int chunks;
    private final ChunkWorkers workers;
    private final double[] x;
    private double[] g;
    private final double[] d;
    private final double[] xTrial;
    private double[] gTrial;
    private double[] gBest;
    private final float[][] s;
    private final float[][] y;
    private final double[] rho;
    private final double[] alphas;
    private int size;
    private int newest;
    private double gamma;
    private double gg;
    private double newestSg;
    private int evaluations;
    private double trialSlope;
    private double trialStep;
    private double bestStep;
    // The operands of the current pass (see runChunk): double vectors in*, history vectors h*,
    // outputs out*; and the passes' per-chunk partial sums, SUMS per chunk.
    private int op;
    private double[] in1;
    private double[] in2;
    private double[] in3;
    private double[] in4;
    private float[] h1;
    private float[] h2;
    private double[] out;
    private float[] outS;
    private float[] outY;
    private double coefficient;
    private double scale;
    private final double[] partials;

    Run(DifferentiableFunction f, double[] x, Workspace workspace, ChunkWorkers workers) {
      this.f = f;
      this.n = x.length;
      this.chunks = chunkCount(n);
      this.workers = workers;
      this.x = x;
      this.g = workspace.g;
      this.d = workspace.d;
      this.xTrial = workspace.xTrial;
      this.gTrial = workspace.gTrial;
      this.gBest = workspace.gBest;
      int slots = historySize + 1;
      this.s = workspace.s;
      this.y = workspace.y;
      this.rho = new double[slots];
      this.alphas = new double[slots];
      this.newest = historySize;
      this.partials = new double[chunks * SUMS];
    }

    @Override
    public double evaluate(double alpha) {
      op = TRIAL;
      in1 = x;
      in2 = d;
      out = xTrial;
      coefficient = alpha;
      runPass();
      trialStep = alpha;
      evaluations++;
      double value = f.evaluate(xTrial, gTrial);
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
      bestStep = trialStep;
      double[] t = gBest;
      gBest = gTrial;
      gTrial = t;
    }

    LbfgsResult run() {
      double value = f.evaluate(x, g);
      evaluations = 1;
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("f is not finite at the start point: f(x0) = " + value);
      }
      gg = dot(g, g);
      double gradientNorm = Math.sqrt(gg);
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
      return new LbfgsResult(reason, iterations, evaluations, value, gradientNorm);
    }

    private int slot(int age) {
      int slots = historySize + 1;
      return (newest - age + slots) % slots;
    }

    /**
     * Two-loop recursion: {@code d = -H g}, one pass per history vector and loop. Each pass
     * updates {@code d} (which holds {@code q}) and takes the dot product the next step needs;
     * the first reads {@code g} in place of a copy, as {@code s_newest' g} is already known from
     * {@link #accept}; a last pass takes {@code g'd} (summed exactly as the fused passes sum). With
     * an empty history {@code d = -g}, whose {@code g'd = -g'g} is known too. Returns {@code g'd}.
     */
    private double direction() {
      if (size == 0) {
        op = NEGATE;
        in1 = g;
        out = d;
        runPass();
        return -gg;
      }
      double acc = newestSg;
      for (int age = 0; age < size; age++) {
        int i = slot(age);
        double a = rho[i] * acc;
        alphas[i] = a;
        double[] source = age == 0 ? g : d;
        if (age + 1 < size) {
          acc = axpyDot(source, a, y[i], 1, s[slot(age + 1)]);
        } else {
          acc = axpyDot(source, a, y[i], gamma, y[i]);
        }
      }
      for (int age = size - 1; age >= 0; age--) {
        int i = slot(age);
        double c = alphas[i] - rho[i] * acc;
        // q - (-c) s = q + c s exactly.
        if (age > 0) {
          acc = axpyDot(d, -c, s[i], 1, y[slot(age - 1)]);
        } else {
          axpyDot(d, -c, s[i], -1, s[i]);
        }
      }
      return dot(g, d);
    }

    /** {@code d = (source - a u) scale}, element by element; returns {@code w'd}. */
    private double axpyDot(double[] source, double a, float[] u, double scale, float[] w) {
      h2 = w;
      op = HISTORY_AXPY_DOT;
      in1 = source;
      h1 = u;
      out = d;
      coefficient = a;
      this.scale = scale;
      runPass();
      return sum(0);
    }

    /**
     * Moves {@code x} in place to the retained line-search point {@code x + alpha d}, recomputed as
     * the trial computed it (so bit for bit the point evaluated), stores {@code (s, y)} in the free
     * history slot and keeps it if {@code s'y > curvatureEpsilon ||s|| ||y||}, all three from the
     * stored floats. Returns {@code ||g_new||_2}.
     */
    private double accept() {
      int free = slot(-1);
      op = ACCEPT;
      in1 = x;
      in2 = d;
      coefficient = bestStep;
      in3 = gBest;
      in4 = g;
      outS = s[free];
      outY = y[free];
      runPass();
      double sy = sum(0);
      double ss = sum(1);
      double yy = sum(2);
      gg = sum(3);
      double sg = sum(4);
      double[] gn = gBest;
      gBest = g;
      g = gn;
      if (sy > curvatureEpsilon * Math.sqrt(ss * yy)) {
        newest = free;
        rho[free] = 1 / sy;
        gamma = sy / yy;
        size = Math.min(size + 1, historySize);
        newestSg = sg;
      } else if (size > 0) {
        op = HISTORY_DOT;
        h1 = s[newest];
        in1 = g;
        runPass();
        newestSg = sum(0);
      }
      return Math.sqrt(gg);
    }

    private double dot(double[] a, double[] b) {
      op = DOT;
      in1 = a;
      in2 = b;
      runPass();
      return sum(0);
    }

    private void runPass() {
      if (workers == null) {
        for (int c = 0; c < chunks; c++) {
          runChunk(c);
        }
      } else {
        workers.run(this, chunks);
      }
    }

    /** The chunks' partial sums number {@code k} of the last pass, added in chunk order. */
    private double sum(int k) {
      double total = 0;
      for (int c = 0; c < chunks; c++) {
        total += partials[c * SUMS + k];
      }
      return total;
    }

    @Override
    public void runChunk(int chunk) {
      int from = chunk * CHUNK_SIZE;
      int to = Math.min(n, from + CHUNK_SIZE);
      int at = chunk * SUMS;
      switch (op) {
        case HISTORY_AXPY_DOT:
          partials[at] = axpyDotChunk(in1, coefficient, h1, scale, h2, out, from, to);
          break;
        case NEGATE:
          negateChunk(in1, out, from, to);
          break;
        case ACCEPT:
          acceptChunk(in1, coefficient, in2, in3, in4, outS, outY, partials, at, from, to);
          break;
        case TRIAL:
          trialChunk(in1, coefficient, in2, out, from, to);
          break;
        case DOT:
          partials[at] = dotChunk(in1, in2, from, to);
          break;
        case HISTORY_DOT:
          partials[at] = dotChunk(h1, in1, from, to);
          break;
        default:
          throw new IllegalStateException("unknown pass " + op);
      }
    }
  }

  /** The number of chunks of a vector of length {@code n}, at least 1. */
  static int chunkCount(int n) {
    return Math.max(1, (int) ((n + (long) CHUNK_SIZE - 1) / CHUNK_SIZE));
  }

  /**
   * {@code q[j] = (src[j] - a u[j]) scale} for {@code j} in {@code [from, to)}, with the history
   * vector {@code u} widened to double; returns the sum of {@code w[j] q[j]} over four interleaved
   * double accumulators ({@code j - from} mod 4), added as {@code (a0 + a1) + (a2 + a3)}.
   */
  private static double axpyDotChunk(double[] src, double a, float[] u, double scale, float[] w,
      double[] q, int from, int to) {
    double a0 = 0;
    double a1 = 0;
    double a2 = 0;
    double a3 = 0;
    int j = from;
    for (; j + 3 < to; j += 4) {
      double v0 = (src[j] - a * u[j]) * scale;
      double v1 = (src[j + 1] - a * u[j + 1]) * scale;
      double v2 = (src[j + 2] - a * u[j + 2]) * scale;
      double v3 = (src[j + 3] - a * u[j + 3]) * scale;
      q[j] = v0;
      q[j + 1] = v1;
      q[j + 2] = v2;
      q[j + 3] = v3;
      a0 += w[j] * v0;
      a1 += w[j + 1] * v1;
      a2 += w[j + 2] * v2;
      a3 += w[j + 3] * v3;
    }
    for (; j < to; j++) {
      double v = (src[j] - a * u[j]) * scale;
      q[j] = v;
      a0 += w[j] * v;
    }
    return (a0 + a1) + (a2 + a3);
  }

  /** Like {@link #axpyDotChunk} for the sum of {@code a[j] b[j]}. */
  private static double dotChunk(double[] a, double[] b, int from, int to) {
    double a0 = 0;
    double a1 = 0;
    double a2 = 0;
    double a3 = 0;
    int j = from;
    for (; j + 3 < to; j += 4) {
      a0 += a[j] * b[j];
      a1 += a[j + 1] * b[j + 1];
      a2 += a[j + 2] * b[j + 2];
      a3 += a[j + 3] * b[j + 3];
    }
    for (; j < to; j++) {
      a0 += a[j] * b[j];
    }
    return (a0 + a1) + (a2 + a3);
  }

  /** Like the other {@code dotChunk} with a history vector {@code a} widened to double. */
  private static double dotChunk(float[] a, double[] b, int from, int to) {
    double a0 = 0;
    double a1 = 0;
    double a2 = 0;
    double a3 = 0;
    int j = from;
    for (; j + 3 < to; j += 4) {
      a0 += a[j] * b[j];
      a1 += a[j + 1] * b[j + 1];
      a2 += a[j + 2] * b[j + 2];
      a3 += a[j + 3] * b[j + 3];
    }
    for (; j < to; j++) {
      a0 += a[j] * b[j];
    }
    return (a0 + a1) + (a2 + a3);
  }

  /** {@code d[j] = -g[j]}. */
  private static void negateChunk(double[] g, double[] d, int from, int to) {
    for (int j = from; j < to; j++) {
      d[j] = -g[j];
    }
  }

  /** {@code xt[j] = x[j] + alpha d[j]}. */
  private static void trialChunk(double[] x, double alpha, double[] d, double[] xt, int from,
      int to) {
    for (int j = from; j < to; j++) {
      xt[j] = x[j] + alpha * d[j];
    }
  }

  /**
   * {@code xn = x + alpha d} (as {@link #trialChunk} computes it), {@code s = fl32(xn - x)}, {@code
   * y = fl32(gn - g)} and then {@code x = xn} on {@code [from, to)}, each difference taken in double
   * and rounded to float once; stores the chunk's sums of {@code s y, s s, y y, gn gn, s gn}, with
   * {@code s} and {@code y} as stored, at {@code partials[at ...]}, each over two interleaved double
   * accumulators ({@code j - from} mod 2) added at the end.
   */
  private static void acceptChunk(double[] x, double alpha, double[] d, double[] gn, double[] g,
      float[] s, float[] y, double[] partials, int at, int from, int to) {
    double sy0 = 0;
    double ss0 = 0;
    double yy0 = 0;
    double gg0 = 0;
    double sg0 = 0;
    double sy1 = 0;
    double ss1 = 0;
    double yy1 = 0;
    double gg1 = 0;
    double sg1 = 0;
    int j = from;
    for (; j + 1 < to; j += 2) {
      double xn0 = x[j] + alpha * d[j];
      double xn1 = x[j + 1] + alpha * d[j + 1];
      double s0 = (float) (xn0 - x[j]);
      double s1 = (float) (xn1 - x[j + 1]);
      x[j] = xn0;
      x[j + 1] = xn1;
      double g0 = gn[j];
      double g1 = gn[j + 1];
      double y0 = (float) (g0 - g[j]);
      double y1 = (float) (g1 - g[j + 1]);
      s[j] = (float) s0;
      s[j + 1] = (float) s1;
      y[j] = (float) y0;
      y[j + 1] = (float) y1;
      sy0 += s0 * y0;
      sy1 += s1 * y1;
      ss0 += s0 * s0;
      ss1 += s1 * s1;
      yy0 += y0 * y0;
      yy1 += y1 * y1;
      gg0 += g0 * g0;
      gg1 += g1 * g1;
      sg0 += s0 * g0;
      sg1 += s1 * g1;
    }
    if (j < to) {
      double xn0 = x[j] + alpha * d[j];
      double s0 = (float) (xn0 - x[j]);
      x[j] = xn0;
      double g0 = gn[j];
      double y0 = (float) (g0 - g[j]);
      s[j] = (float) s0;
      y[j] = (float) y0;
      sy0 += s0 * y0;
      ss0 += s0 * s0;
      yy0 += y0 * y0;
      gg0 += g0 * g0;
      sg0 += s0 * g0;
    }
    partials[at] = sy0 + sy1;
    partials[at + 1] = ss0 + ss1;
    partials[at + 2] = yy0 + yy1;
    partials[at + 3] = gg0 + gg1;
    partials[at + 4] = sg0 + sg1;
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
    private int parallelism = Runtime.getRuntime().availableProcessors();

    private Builder() {}

    /**
     * The most threads, the caller's included, that run the vector passes, {@code >= 1}; default
     * {@code Runtime.availableProcessors()}. Only {@code n > 2^16} uses more than one; the result
     * does not depend on it (see the class comment).
     */
    public Builder optParallelism(int parallelism) {
      if (parallelism < 1) {
        throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
      }
      this.parallelism = parallelism;
      return this;
    }

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
