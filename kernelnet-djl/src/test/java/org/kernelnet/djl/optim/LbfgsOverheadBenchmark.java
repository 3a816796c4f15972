package org.kernelnet.djl.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Timing harness, not a unit test: the per-iteration cost of L-BFGS's own work at MovieLens size.
 *
 * <ol>
 *   <li>{@link Lbfgs} (float history, double dot products) on a cheap separable quadratic; the
 *       optimiser's overhead per iteration is the wall time between listener calls minus the time
 *       spent in the objective.
 *   <li>The same two-loop recursion with a float64 {@link NDArray} history on the device (2m dot
 *       products and 2m axpy updates per direction), for the choice between the two.
 *   <li>{@link ParameterObjective}'s transfers: writing x into float32 parameters, zeroing and
 *       reading gradients, around a {@code Linear} block with n parameters.
 * </ol>
 *
 * <p>Run: {@code mvn -o -q -B -pl kernelnet-djl -am test-compile} then {@code java -Xmx6g
 * -Dai.djl.offline=true -cp kernelnet-djl/target/test-classes:kernelnet-djl/target/classes:<test
 * classpath> org.kernelnet.djl.optim.LbfgsOverheadBenchmark [n] [m] [java-only|all]
 * [parallelism]}; prints medians in ms. Thread CPU time (of the calling thread only) is reported
 * besides wall time because the build machines are shared.
 */
public final class LbfgsOverheadBenchmark {
  private LbfgsOverheadBenchmark() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 7_000_000;
    int m = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    System.out.printf("n = %d, m = %d%n", n, m);
    int parallelism =
        args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
    System.out.printf("parallelism = %d%n", parallelism);
    javaHistory(n, m, parallelism);
    if (args.length < 3 || !args[2].equals("java-only")) {
      ndArrayHistory(n, m);
      parameterTransfers(n);
    }
  }

  private static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return v[v.length / 2];
  }

  private static void javaHistory(int n, int m, int parallelism) {
    double[] c = new Random(1).doubles(n, 1, 100).toArray();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] evalNanos = {0, 0};
    DifferentiableFunction f = new DifferentiableFunction() {
      @Override
      public int dimension() {
        return n;
      }

      @Override
      public double evaluate(double[] x, double[] g) {
        long t = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        double value = 0;
        for (int j = 0; j < n; j++) {
          double cx = c[j] * x[j];
          g[j] = cx - 1;
          value += 0.5 * cx * x[j] - x[j];
        }
        evalNanos[0] += System.nanoTime() - t;
        evalNanos[1] += threads.getCurrentThreadCpuTime() - cpu;
        return value;
      }
    };
    List<Double> overhead = new ArrayList<>();
    List<Double> evalPerIteration = new ArrayList<>();
    List<Double> cpuOverhead = new ArrayList<>();
    long[] last = {0, 0, 0, 0};
    Lbfgs lbfgs = Lbfgs.builder().optHistorySize(m).optParallelism(parallelism)
        .optMaxIterations(40).optGradientTolerance(0)
        .optRelativeFunctionTolerance(0).optListener(p -> {
          long now = System.nanoTime();
          long cpuNow = threads.getCurrentThreadCpuTime();
          if (p.iteration() > m + 1) {
            double wall = (now - last[0]) / 1e6;
            double eval = (evalNanos[0] - last[1]) / 1e6;
            overhead.add(wall - eval);
            evalPerIteration.add(eval);
            cpuOverhead.add((cpuNow - last[2] - (evalNanos[1] - last[3])) / 1e6);
          }
          last[0] = now;
          last[1] = evalNanos[0];
          last[2] = cpuNow;
          last[3] = evalNanos[1];
        }).build();
    LbfgsResult result = lbfgs.minimize(f, new double[n]);
    System.out.printf("Lbfgs, float[] history, (8 m + 48) n = %.0f MB: %s%n",
        (8.0 * m + 48) * n / 1e6, result);
    System.out.printf("  median per iteration (full history): optimiser overhead %.1f ms wall, "
        + "%.1f ms thread CPU; objective %.1f ms wall; over %d iterations%n",
        median(overhead), median(cpuOverhead), median(evalPerIteration), overhead.size());
  }

  private static void ndArrayHistory(int n, int m) {
    try (NDManager manager = NDManager.newBaseManager()) {
      List<NDArray> s = new ArrayList<>();
      List<NDArray> y = new ArrayList<>();
      for (int i = 0; i < m; i++) {
        s.add(manager.randomNormal(new Shape(n)).toType(DataType.FLOAT64, false));
        y.add(manager.randomNormal(new Shape(n)).toType(DataType.FLOAT64, false));
      }
      NDArray g = manager.randomNormal(new Shape(n)).toType(DataType.FLOAT64, false);
      double[] rho = new double[m];
      for (int i = 0; i < m; i++) {
        rho[i] = 1 / Math.abs(s.get(i).dot(y.get(i)).getDouble());
      }
      List<Double> times = new ArrayList<>();
      for (int rep = 0; rep < 7; rep++) {
        long t = System.nanoTime();
        try (NDManager scope = manager.newSubManager()) {
          NDArray q = g.duplicate();
          scope.tempAttachAll(q);
          q.attach(scope);
          double[] alpha = new double[m];
          for (int i = m - 1; i >= 0; i--) {
            alpha[i] = rho[i] * s.get(i).dot(q).getDouble();
            try (NDArray step = y.get(i).mul(alpha[i])) {
              q.subi(step);
            }
          }
          q.muli(0.5);
          for (int i = 0; i < m; i++) {
            double beta = rho[i] * y.get(i).dot(q).getDouble();
            try (NDArray step = s.get(i).mul(alpha[i] - beta)) {
              q.addi(step);
            }
          }
        }
        times.add((System.nanoTime() - t) / 1e6);
      }
      System.out.printf("ndarray float64 history: median two-loop %.1f ms (%s)%n", median(times),
          Arrays.toString(times.stream().mapToLong(Math::round).toArray()));
    }
  }

  private static void parameterTransfers(int n) {
    int in = 1000;
    int units = Math.max(1, n / in);
    try (NDManager manager = NDManager.newBaseManager()) {
      Linear linear = Linear.builder().setUnits(units).build();
      linear.initialize(manager, DataType.FLOAT32, new Shape(1, in));
      NDArray input = manager.ones(new Shape(1, in));
      ParameterObjective objective = ParameterObjective.of(linear, scope -> {
        scope.tempAttachAll(input);
        return linear.forward(new ParameterStore(scope, false), new NDList(input), true)
            .singletonOrThrow().sum();
      });
      double[] x = new double[objective.dimension()];
      double[] g = new double[objective.dimension()];
      objective.readParameters(x);
      List<Double> write = new ArrayList<>();
      List<Double> evaluate = new ArrayList<>();
      for (int rep = 0; rep < 7; rep++) {
        long t = System.nanoTime();
        objective.writeParameters(x);
        write.add((System.nanoTime() - t) / 1e6);
        t = System.nanoTime();
        objective.evaluate(x, g);
        evaluate.add((System.nanoTime() - t) / 1e6);
      }
      System.out.printf("ParameterObjective, %d float32 parameters: median writeParameters %.1f ms, "
          + "median evaluate (write + zero grads + forward/backward of a 1-row Linear + read) "
          + "%.1f ms%n", objective.dimension(), median(write), median(evaluate));
    }
  }
}
