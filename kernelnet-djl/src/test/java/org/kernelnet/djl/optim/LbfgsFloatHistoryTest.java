package org.kernelnet.djl.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kernelnet.djl.optim.LbfgsResult.StopReason;

/**
 * {@link Lbfgs} with its float history converges like the double-history implementation it
 * replaced, and the history takes 2 floats per element and pair.
 */
class LbfgsFloatHistoryTest {
  /**
   * A known-answer problem, the largest {@code |x_i - x*_i|} allowed at the end ({@code
   * tolerance}), and the iterations the double-history {@link Lbfgs} (commit 5c06583) took on it
   * to reach the gradient tolerance.
   */
  private record Problem(String name, DifferentiableFunction f, double[] start, double[] minimiser,
      double gradientTolerance, double relativeFunctionTolerance, double tolerance,
      int doubleHistoryIterations) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static double[] rosenbrockStart(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i += 2) {
      x[i] = -1.2;
      x[i + 1] = 1;
    }
    return x;
  }

  private static double[] ones(int n) {
    double[] x = new double[n];
    Arrays.fill(x, 1);
    return x;
  }

  /**
   * {@code f = 0.5 sum_i lambda_i (x_i - c_i)^2} with {@code lambda_i = cond^(i / (n - 1))}, from 1
   * to {@code cond}, and {@code c} uniform in {@code [-1, 1]}: minimiser {@code c}, minimum 0 (so
   * that {@code f} keeps its relative precision near the minimiser). As {@code lambda_i >= 1},
   * {@code |x - c| <= ||grad f||}.
   */
  private static Problem illConditioned(int n, double cond, double gradientTolerance,
      int doubleHistoryIterations) {
    double[] lambda = new double[n];
    double[] c = new Random(11).doubles(n, -1, 1).toArray();
    for (int i = 0; i < n; i++) {
      lambda[i] = Math.pow(cond, i / (double) (n - 1));
    }
    DifferentiableFunction f = TestFunctions.diagonalQuadratic(lambda, c);
    return new Problem("diagonal quadratic n = " + n + ", condition " + cond, f, new double[n], c,
        gradientTolerance, 0, gradientTolerance, doubleHistoryIterations);
  }

  static Stream<Problem> problems() {
    Random random = new Random(7);
    double[][] a = TestFunctions.randomSpd(50, random);
    double[] b = random.doubles(50, -1, 1).toArray();
    return Stream.of(
        new Problem("rosenbrock 2", TestFunctions.rosenbrock(2), rosenbrockStart(2), ones(2), 1e-9,
            1e-12, 1e-8, 37),
        new Problem("rosenbrock 10", TestFunctions.rosenbrock(10), rosenbrockStart(10), ones(10),
            1e-8, 1e-12, 1e-7, 36),
        new Problem("rosenbrock 1000", TestFunctions.rosenbrock(1000), rosenbrockStart(1000),
            ones(1000), 1e-8, 1e-12, 1e-7, 34),
        new Problem("random quadratic n = 50", TestFunctions.quadratic(a, b), new double[50],
            TestFunctions.solve(a, b), 1e-7, 0, 1e-7, 18),
        illConditioned(100, 1e3, 1e-8, 358),
        illConditioned(1000, 1e4, 1e-8, 1316));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("problems")
  void reachesTheMinimiserInAboutAsManyIterationsAsTheDoubleHistory(Problem problem) {
    double[] x = problem.start().clone();
    LbfgsResult result = Lbfgs.builder().optGradientTolerance(problem.gradientTolerance())
        .optRelativeFunctionTolerance(problem.relativeFunctionTolerance())
        .optMaxIterations(5000).build().minimize(problem.f(), x);

    assertThat(result.reason()).isEqualTo(StopReason.GRADIENT_TOLERANCE);
    for (int i = 0; i < x.length; i++) {
      assertThat(x[i]).as("x[%d]", i)
          .isCloseTo(problem.minimiser()[i], within(problem.tolerance()));
    }
    // Rounding the pairs changes the iteration count by less than 1 % on these problems.
    int reference = problem.doubleHistoryIterations();
    int margin = Math.max(2, reference / 20);
    assertThat(result.iterations()).as("iterations; the double history took %d", reference)
        .isBetween(reference - margin, reference + margin);
  }

  /** The bytes the calling thread allocates in {@code minimize} with no iteration. */
  private static long allocatedBytes(int n, int historySize) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    double[] x = rosenbrockStart(n);
    DifferentiableFunction f = TestFunctions.rosenbrock(n);
    Lbfgs lbfgs = Lbfgs.builder().optHistorySize(historySize).optParallelism(1)
        .optMaxIterations(0).build();
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);
    LbfgsResult result = lbfgs.minimize(f, x);
    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    assertThat(result.reason()).isEqualTo(StopReason.MAX_ITERATIONS);
    return allocated;
  }

  @Test
  void theHistoryTakesTwoFloatsPerElementAndPair() {
    assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean
        && ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
            .isThreadAllocatedMemoryEnabled(), "per-thread allocation counting");
    int n = 4 * Lbfgs.CHUNK_SIZE;
    // Loads and initialises the classes minimize uses, which allocates too.
    allocatedBytes(2, 1);
    long m5 = allocatedBytes(n, 5);
    long m10 = allocatedBytes(n, 10);
    // Five more pairs: 10 more float vectors (a double history would take 80 n more bytes).
    assertThat(m10 - m5).isBetween(40L * n, 40L * n + 4096);
    // The class comment's (8 m + 48) n bytes, plus headers and small arrays.
    long expected = Lbfgs.builder().optHistorySize(10).build().workingMemoryBytes(n);
    assertThat(expected).isEqualTo((8L * 10 + 48) * n);
    assertThat(m10).isBetween(expected, expected + 65_536);
  }
}
