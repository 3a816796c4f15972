package org.kernelnet.djl.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kernelnet.djl.optim.LbfgsResult.StopReason;

/** {@link Lbfgs}'s chunked passes give the same bits whatever the number of threads. */
class LbfgsParallelTest {
  // Three full chunks and a short last one (n even, as the Rosenbrock function needs).
  private static final int N = 3 * Lbfgs.CHUNK_SIZE + 12_346;

  /** The iterates of one run: every step's value, gradient norm and step length, and the end. */
  private record Trace(List<Double> values, List<Double> gradientNorms, List<Double> steps,
      int[] workersSeen, LbfgsResult result, double[] x) {}

  private static Trace run(int parallelism) {
    List<Double> values = new ArrayList<>();
    List<Double> gradientNorms = new ArrayList<>();
    List<Double> steps = new ArrayList<>();
    int[] workersSeen = {0};
    double[] x = new double[N];
    for (int i = 0; i < N; i += 2) {
      x[i] = -1.2 + 1e-6 * (i % 1000);
      x[i + 1] = 1;
    }
    LbfgsResult result = Lbfgs.builder().optParallelism(parallelism).optHistorySize(5)
        .optMaxIterations(40).optGradientTolerance(0).optRelativeFunctionTolerance(0)
        .optListener(p -> {
          values.add(p.value());
          gradientNorms.add(p.gradientNorm());
          steps.add(p.step());
          workersSeen[0] = Math.max(workersSeen[0], liveWorkers());
        }).build().minimize(TestFunctions.rosenbrock(N), x);
    return new Trace(values, gradientNorms, steps, workersSeen, result, x);
  }

  private static int liveWorkers() {
    return (int) Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("lbfgs-worker")).count();
  }

  @Test
  void parallelRunsGiveBitIdenticalIteratesToTheSequentialRun() {
    Trace sequential = run(1);
    assertThat(sequential.result().reason()).isEqualTo(StopReason.MAX_ITERATIONS);
    assertThat(sequential.result().iterations()).isEqualTo(40);
    assertThat(sequential.values().get(39)).isLessThan(sequential.values().get(0) / 10);
    assertThat(sequential.workersSeen()[0]).isZero();

    for (int parallelism : new int[] {2, 3, 8}) {
      Trace parallel = run(parallelism);
      assertThat(parallel.workersSeen()[0]).as("worker threads during the run, parallelism %d",
          parallelism).isEqualTo(Math.min(parallelism, Lbfgs.chunkCount(N)) - 1);
      // List<Double>.equals compares Double.equals, i.e. the bits.
      assertThat(parallel.values()).isEqualTo(sequential.values());
      assertThat(parallel.gradientNorms()).isEqualTo(sequential.gradientNorms());
      assertThat(parallel.steps()).isEqualTo(sequential.steps());
      assertThat(parallel.result()).isEqualTo(sequential.result());
      assertThat(Arrays.equals(parallel.x(), sequential.x())).as("final x, parallelism %d",
          parallelism).isTrue();
    }
    assertThat(liveWorkers()).as("worker threads after minimize returned").isZero();
  }

  @Test
  void chunkCountCoversTheVector() {
    assertThat(Lbfgs.chunkCount(1)).isEqualTo(1);
    assertThat(Lbfgs.chunkCount(Lbfgs.CHUNK_SIZE)).isEqualTo(1);
    assertThat(Lbfgs.chunkCount(Lbfgs.CHUNK_SIZE + 1)).isEqualTo(2);
    assertThat(Lbfgs.chunkCount(N)).isEqualTo(4);
    assertThat(Lbfgs.chunkCount(Integer.MAX_VALUE)).isEqualTo(32768);
  }

  @Test
  void workersStopWhenTheObjectiveThrows() {
    DifferentiableFunction failing = new DifferentiableFunction() {
      private int calls;

      @Override
      public int dimension() {
        return N;
      }

      @Override
      public double evaluate(double[] x, double[] g) {
        if (++calls == 3) {
          throw new IllegalStateException("objective failed");
        }
        return TestFunctions.rosenbrock(N).evaluate(x, g);
      }
    };
    double[] x = new double[N];
    assertThatThrownBy(() -> Lbfgs.builder().optParallelism(2).build().minimize(failing, x))
        .isInstanceOf(IllegalStateException.class).hasMessage("objective failed");
    assertThat(liveWorkers()).isZero();
  }

  @Test
  void rejectsParallelismBelowOne() {
    assertThatThrownBy(() -> Lbfgs.builder().optParallelism(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parallelism must be >= 1, got 0");
  }
}
