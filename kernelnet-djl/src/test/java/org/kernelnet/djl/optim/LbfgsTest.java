package org.kernelnet.djl.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kernelnet.djl.optim.LbfgsResult.StopReason;
import org.kernelnet.djl.optim.TestFunctions.Evaluation;
import org.kernelnet.djl.optim.TestFunctions.Recording;

class LbfgsTest {
  @Test
  void rosenbrock2dFromTheClassicStartReachesAllOnes() {
    double[] x = {-1.2, 1};
    LbfgsResult result = Lbfgs.builder().optGradientTolerance(1e-9).build()
        .minimize(TestFunctions.rosenbrock(2), x);
    assertThat(result.reason()).isEqualTo(StopReason.GRADIENT_TOLERANCE);
    assertThat(result.gradientNorm()).isLessThanOrEqualTo(1e-9);
    assertThat(x[0]).isCloseTo(1, within(1e-8));
    assertThat(x[1]).isCloseTo(1, within(1e-8));
    assertThat(result.value()).isLessThan(1e-16);
    assertThat(result.iterations()).isBetween(20, 60);
    assertThat(result.evaluations()).isLessThan(2 * result.iterations());
  }

  @Test
  void trialPointsWithANonFiniteGradientAreTreatedAsTooFar() {
    // f = (x0^2 + 100 x1^2) / 2, minimum at 0; below x1 = -0.05 the gradient is NaN though the value is
    // finite. The line search probes that region from this start (without the guard L-BFGS accepts
    // such a point and fails on its NaN slope).
    int[] poisoned = {0};
    DifferentiableFunction f = new DifferentiableFunction() {
      @Override
      public int dimension() {
        return 2;
      }

      @Override
      public double evaluate(double[] x, double[] gradient) {
        boolean poison = x[1] < -0.05;
        if (poison) {
          poisoned[0]++;
        }
        gradient[0] = x[0];
        gradient[1] = poison ? Double.NaN : 100 * x[1];
        return 0.5 * (x[0] * x[0] + 100 * x[1] * x[1]);
      }
    };
    double[] x = {10, 1};
    LbfgsResult result = Lbfgs.builder().optGradientTolerance(1e-8).build().minimize(f, x);

    assertThat(poisoned[0]).as("trial points in the NaN-gradient region").isPositive();
    assertThat(result.reason()).isEqualTo(StopReason.GRADIENT_TOLERANCE);
    assertThat(x[0]).isCloseTo(0, within(1e-8));
    assertThat(x[1]).isCloseTo(0, within(1e-8));
  }

  @Test
  void rosenbrock10dReachesAllOnes() {
    double[] x = new double[10];
    for (int i = 0; i < 10; i += 2) {
      x[i] = -1.2;
      x[i + 1] = 1;
    }
    LbfgsResult result = Lbfgs.builder().optGradientTolerance(1e-8).build()
        .minimize(TestFunctions.rosenbrock(10), x);
    assertThat(result.reason()).isEqualTo(StopReason.GRADIENT_TOLERANCE);
    for (double xi : x) {
      assertThat(xi).isCloseTo(1, within(1e-7));
    }
    double[] g = new double[10];
    TestFunctions.rosenbrock(10).evaluate(x, g);
    assertThat(Math.sqrt(Arrays.stream(g).map(v -> v * v).sum()))
        .isEqualTo(result.gradientNorm(), within(1e-15));
  }

  @Test
  void quadraticConvergesToTheSolutionOfTheLinearSystem() {
    int n = 50;
    Random random = new Random(7);
    double[][] a = TestFunctions.randomSpd(n, random);
    double[] b = random.doubles(n, -1, 1).toArray();
    double[] expected = TestFunctions.solve(a, b);
    double[] x = new double[n];
    LbfgsResult result = Lbfgs.builder().optGradientTolerance(1e-7)
        .optRelativeFunctionTolerance(0).build()
        .minimize(TestFunctions.quadratic(a, b), x);
    assertThat(result.reason()).isEqualTo(StopReason.GRADIENT_TOLERANCE);
    for (int i = 0; i < n; i++) {
      // The eigenvalues of A are >= 1, so |x - x*| <= |A (x - x*)| = |grad f(x)| <= 1e-7.
      assertThat(x[i]).isCloseTo(expected[i], within(1e-7));
    }
    // The minimum of 0.5 x'Ax - b'x is -0.5 b'A^{-1}b.
    double minimum = 0;
    for (int i = 0; i < n; i++) {
      minimum -= 0.5 * b[i] * expected[i];
    }
    assertThat(result.value()).isCloseTo(minimum, within(1e-12));
    assertThat(result.iterations()).isLessThanOrEqualTo(25);
  }

  @Test
  void everyAcceptedStepSatisfiesTheStrongWolfeConditions() {
    double c1 = 1e-4;
    double c2 = 0.9;
    Recording f = new Recording(TestFunctions.rosenbrock(4));
    List<LbfgsProgress> progress = new ArrayList<>();
    double[] x = {-1.2, 1, -1.2, 1};
    LbfgsResult result = Lbfgs.builder().optGradientTolerance(1e-6).optListener(progress::add)
        .build().minimize(f, x);
    assertThat(result.reason()).isEqualTo(StopReason.GRADIENT_TOLERANCE);
    assertThat(progress).hasSize(result.iterations());
    Evaluation previous = f.evaluations.get(0);
    int checked = 0;
    for (LbfgsProgress p : progress) {
      Evaluation accepted = null;
      for (int e = p.evaluations() - 1; e >= 0 && accepted == null; e--) {
        if (f.evaluations.get(e).value() == p.value()) {
          accepted = f.evaluations.get(e);
        }
      }
      assertThat(accepted).as("the accepted point of iteration %d", p.iteration()).isNotNull();
      double slope0 = 0;
      double slope = 0;
      double gradientNorm = 0;
      for (int j = 0; j < 4; j++) {
        double d = (accepted.x()[j] - previous.x()[j]) / p.step();
        slope0 += previous.gradient()[j] * d;
        slope += accepted.gradient()[j] * d;
        gradientNorm += accepted.gradient()[j] * accepted.gradient()[j];
      }
      assertThat(slope0).isNegative();
      assertThat(accepted.value()).as("sufficient decrease at iteration %d", p.iteration())
          .isLessThanOrEqualTo(previous.value() + c1 * p.step() * slope0);
      assertThat(Math.abs(slope)).as("curvature at iteration %d", p.iteration())
          .isLessThanOrEqualTo(c2 * Math.abs(slope0) * (1 + 1e-9));
      assertThat(p.gradientNorm()).isCloseTo(Math.sqrt(gradientNorm), within(1e-12));
      assertThat(p.iteration()).isEqualTo(++checked);
      previous = accepted;
    }
    assertThat(checked).isGreaterThan(10);
  }

  @Test
  void firstStepIsScaledByTheGradientNorm() {
    // f = 0.5 * 1e4 ||x||^2 from x = (1, 0): ||g|| = 1e4, so the first trial step is 1e-4 and
    // lands exactly on the minimiser 0.
    double[] x = {1, 0};
    List<LbfgsProgress> progress = new ArrayList<>();
    LbfgsResult result = Lbfgs.builder().optListener(progress::add).build().minimize(
        TestFunctions.quadratic(new double[][] {{1e4, 0}, {0, 1e4}}, new double[2]), x);
    assertThat(progress.get(0).step()).isEqualTo(1e-4);
    assertThat(result.iterations()).isEqualTo(1);
    assertThat(result.evaluations()).isEqualTo(2);
    assertThat(x).containsExactly(0, 0);
  }

  @Test
  void stopsAtMaxIterationsWithThatReason() {
    List<LbfgsProgress> progress = new ArrayList<>();
    double[] x = {-1.2, 1};
    LbfgsResult result = Lbfgs.builder().optMaxIterations(3).optListener(progress::add).build()
        .minimize(TestFunctions.rosenbrock(2), x);
    assertThat(result.reason()).isEqualTo(StopReason.MAX_ITERATIONS);
    assertThat(result.iterations()).isEqualTo(3);
    assertThat(progress).extracting(LbfgsProgress::iteration).containsExactly(1, 2, 3);
    assertThat(progress.get(2).value()).isEqualTo(result.value());
    double[] g = new double[2];
    assertThat(TestFunctions.rosenbrock(2).evaluate(x, g)).isEqualTo(result.value());
    assertThat(result.value()).isLessThan(24.2);
  }

  @Test
  void stopsAtMaxEvaluationsWithThatReason() {
    double[] x = {-1.2, 1};
    LbfgsResult result = Lbfgs.builder().optMaxEvaluations(6).build()
        .minimize(TestFunctions.rosenbrock(2), x);
    assertThat(result.reason()).isEqualTo(StopReason.MAX_EVALUATIONS);
    assertThat(result.evaluations()).isEqualTo(6);
    assertThat(Lbfgs.builder().optMaxIterations(100).build().maxEvaluations()).isEqualTo(150);
  }

  @Test
  void stopsOnRelativeFunctionChange() {
    double[] x = {-1.2, 1};
    LbfgsResult result = Lbfgs.builder().optGradientTolerance(0).optRelativeFunctionTolerance(1e-3)
        .build().minimize(TestFunctions.rosenbrock(2), x);
    assertThat(result.reason()).isEqualTo(StopReason.FUNCTION_TOLERANCE);
    assertThat(result.gradientNorm()).isGreaterThan(0);
  }

  @Test
  void startAtTheMinimiserStopsWithoutIterating() {
    double[] x = {1, 1};
    LbfgsResult result = Lbfgs.builder().build().minimize(TestFunctions.rosenbrock(2), x);
    assertThat(result).isEqualTo(new LbfgsResult(StopReason.GRADIENT_TOLERANCE, 0, 1, 0, 0));
  }

  @Test
  void lineSearchFailureIsReported() {
    // A gradient that points the wrong way: no step along -g decreases f.
    DifferentiableFunction wrong = new DifferentiableFunction() {
      @Override
      public int dimension() {
        return 1;
      }

      @Override
      public double evaluate(double[] x, double[] g) {
        g[0] = -1;
        return x[0];
      }
    };
    double[] x = {0};
    LbfgsResult result = Lbfgs.builder().build().minimize(wrong, x);
    assertThat(result.reason()).isEqualTo(StopReason.LINE_SEARCH_FAILED);
    assertThat(result.iterations()).isZero();
    assertThat(x).containsExactly(0);
  }

  /**
   * Rounds in one workspace, which a run on another function has left full of its vectors, take the
   * same iterates bit for bit as rounds in fresh working sets.
   */
  @Test
  void aReusedWorkspaceGivesTheIteratesOfFreshOnes() {
    Lbfgs round = Lbfgs.builder().optHistorySize(4).optMaxIterations(7).build();
    DifferentiableFunction f = TestFunctions.rosenbrock(10);
    double[] fresh = new double[10];
    double[] reused = new double[10];
    Arrays.fill(fresh, -1.2);
    Arrays.fill(reused, -1.2);
    Lbfgs.Workspace workspace = round.newWorkspace(10);
    double[] other = new double[10];
    Arrays.fill(other, 3);
    round.minimize(TestFunctions.rosenbrock(10), other, workspace);
    for (int r = 0; r < 3; r++) {
      LbfgsResult a = round.minimize(f, fresh);
      LbfgsResult b = round.minimize(f, reused, workspace);
      assertThat(b).isEqualTo(a);
      assertThat(reused).isEqualTo(fresh);
    }
    assertThatThrownBy(() -> round.minimize(TestFunctions.rosenbrock(2), new double[2], workspace))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("workspace");
    assertThatThrownBy(() -> Lbfgs.builder().optHistorySize(5).build()
        .minimize(f, new double[10], workspace))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("history 4");
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> Lbfgs.builder().optHistorySize(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("historySize must be >= 1, got 0");
    assertThatThrownBy(() -> Lbfgs.builder().optGradientTolerance(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("gradientTolerance must be a finite number >= 0, got NaN");
    assertThatThrownBy(() -> Lbfgs.builder().optRelativeFunctionTolerance(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got -1.0");
    assertThatThrownBy(() -> Lbfgs.builder().optMaxIterations(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxIterations");
    assertThatThrownBy(() -> Lbfgs.builder().optMaxEvaluations(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxEvaluations");
    assertThatThrownBy(() -> Lbfgs.builder().optWolfeConstants(0.9, 0.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("c2");
    Lbfgs lbfgs = Lbfgs.builder().build();
    assertThatThrownBy(() -> lbfgs.minimize(TestFunctions.rosenbrock(2), new double[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("x has length 3 but f has dimension 2");
    DifferentiableFunction nan = new DifferentiableFunction() {
      @Override
      public int dimension() {
        return 1;
      }

      @Override
      public double evaluate(double[] x, double[] g) {
        g[0] = 0;
        return Double.NaN;
      }
    };
    assertThatThrownBy(() -> lbfgs.minimize(nan, new double[1]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("f(x0) = NaN");
  }
}
