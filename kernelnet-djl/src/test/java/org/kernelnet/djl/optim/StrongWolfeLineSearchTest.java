package org.kernelnet.djl.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.kernelnet.djl.optim.StrongWolfeLineSearch.Outcome;
import org.kernelnet.djl.optim.StrongWolfeLineSearch.Result;

class StrongWolfeLineSearchTest {
  /** A 1-D line function from phi and phi', recording the calls. */
  private static final class Line implements LineFunction {
    final DoubleUnaryOperator phi;
    final DoubleUnaryOperator dphi;
    double last = Double.NaN;
    double retained;
    int calls;

    Line(DoubleUnaryOperator phi, DoubleUnaryOperator dphi) {
      this.phi = phi;
      this.dphi = dphi;
    }

    @Override
    public double evaluate(double alpha) {
      calls++;
      last = alpha;
      return phi.applyAsDouble(alpha);
    }

    @Override
    public double slope() {
      return dphi.applyAsDouble(last);
    }

    @Override
    public void retainLast() {
      retained = last;
    }
  }

  private static void assertStrongWolfe(Line line, Result r, double c1, double c2) {
    double v0 = line.phi.applyAsDouble(0);
    double s0 = line.dphi.applyAsDouble(0);
    assertThat(r.outcome()).isEqualTo(Outcome.CONVERGED);
    assertThat(r.value()).isEqualTo(line.phi.applyAsDouble(r.step()));
    assertThat(r.slope()).isEqualTo(line.dphi.applyAsDouble(r.step()));
    assertThat(r.value()).isLessThanOrEqualTo(v0 + c1 * r.step() * s0);
    assertThat(Math.abs(r.slope())).isLessThanOrEqualTo(c2 * Math.abs(s0));
    assertThat(line.retained).isEqualTo(r.step());
    assertThat(r.evaluations()).isEqualTo(line.calls);
  }

  @Test
  void quadraticNeedsExtrapolationThenStopsAtTheMinimiser() {
    // phi(a) = (a - 3)^2, minimiser 3; the first trial 1 is too short (|phi'(1)| = 4 > 0.1 * 6).
    Line line = new Line(a -> (a - 3) * (a - 3), a -> 2 * (a - 3));
    StrongWolfeLineSearch search = new StrongWolfeLineSearch(1e-4, 0.1);
    Result r = search.search(line, 9, -6, 1, 20);
    assertStrongWolfe(line, r, 1e-4, 0.1);
    // The cubic through two points of a quadratic is the quadratic itself: the minimiser is exact.
    assertThat(r.step()).isCloseTo(3, within(1e-12));
    assertThat(r.evaluations()).isEqualTo(2);
  }

  @Test
  void tooLongFirstStepIsZoomedBackInto() {
    // Nocedal-Wright/More-Thuente test function phi(a) = -a / (a^2 + 2), minimiser sqrt(2).
    DoubleUnaryOperator phi = a -> -a / (a * a + 2);
    DoubleUnaryOperator dphi = a -> (a * a - 2) / ((a * a + 2) * (a * a + 2));
    for (double first : new double[] {1e-3, 0.1, 10}) {
      Line line = new Line(phi, dphi);
      Result r = new StrongWolfeLineSearch(1e-4, 0.01).search(line, 0, -0.5, first, 30);
      assertStrongWolfe(line, r, 1e-4, 0.01);
      // |phi'(a)| <= 0.005 only within 0.03 of the minimiser (phi''(sqrt 2) = 0.177) or beyond 44.
      assertThat(r.step()).as("first step %s", first).isCloseTo(Math.sqrt(2), within(0.03));
    }
    // A very long first step fails sufficient decrease and is zoomed back to a strong-Wolfe step.
    Line tail = new Line(phi, dphi);
    assertStrongWolfe(tail, new StrongWolfeLineSearch(1e-4, 0.01).search(tail, 0, -0.5, 1000, 30),
        1e-4, 0.01);
  }

  @Test
  void nonFiniteValuesAreTreatedAsTooLong() {
    // phi is NaN beyond a = 2 (outside the domain); minimiser a = 1.
    Line line = new Line(a -> a > 2 ? Double.NaN : (a - 1) * (a - 1), a -> 2 * (a - 1));
    Result r = new StrongWolfeLineSearch(1e-4, 0.9).search(line, 1, -2, 100, 30);
    assertStrongWolfe(line, r, 1e-4, 0.9);
    assertThat(r.step()).isLessThanOrEqualTo(2);
  }

  @Test
  void noDecreaseWithinBudgetFails() {
    // phi rises immediately although the claimed slope at 0 is negative: nothing can be accepted.
    Line line = new Line(a -> 1 + a, a -> 1);
    Result r = new StrongWolfeLineSearch(1e-4, 0.9).search(line, 1, -1, 1, 5);
    assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(r.step()).isZero();
    assertThat(r.evaluations()).isEqualTo(5);
  }

  @Test
  void budgetExhaustedAfterDecreaseKeepsTheDecrease() {
    // phi(a) = -a: every step decreases, the curvature condition never holds.
    Line line = new Line(a -> -a, a -> -1);
    Result r = new StrongWolfeLineSearch(1e-4, 0.9).search(line, 0, -1, 1, 3);
    assertThat(r.outcome()).isEqualTo(Outcome.SUFFICIENT_DECREASE_ONLY);
    assertThat(r.step()).isGreaterThan(1).isEqualTo(line.retained);
    assertThat(r.evaluations()).isEqualTo(3);
  }

  @Test
  void cubicMinimizerIsExactForCubics() {
    // phi(a) = a^3 - 3a has its local minimiser at 1; data at 0 and 2.
    assertThat(StrongWolfeLineSearch.cubicMinimizer(0, 0, -3, 2, 2, 9)).isCloseTo(1, within(1e-12));
    assertThat(StrongWolfeLineSearch.cubicMinimizer(2, 2, 9, 0, 0, -3)).isCloseTo(1, within(1e-12));
    assertThat(StrongWolfeLineSearch.cubicMinimizer(0, 0, -1, 1, Double.POSITIVE_INFINITY, 1))
        .isNaN();
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> new StrongWolfeLineSearch(0, 0.9))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("c1").hasMessageContaining("got 0.0");
    assertThatThrownBy(() -> new StrongWolfeLineSearch(0.5, 0.4))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("c2 must be in (c1, 1)");
    StrongWolfeLineSearch search = new StrongWolfeLineSearch(1e-4, 0.9);
    Line line = new Line(a -> a * a, a -> 2 * a);
    assertThatThrownBy(() -> search.search(line, 0, 1, 1, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("descent direction");
    assertThatThrownBy(() -> search.search(line, 0, -1, -1, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialStep");
    assertThatThrownBy(() -> search.search(line, 0, -1, 1, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxEvaluations");
    assertThatThrownBy(() -> search.search(line, Double.NaN, -1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value0");
  }
}
