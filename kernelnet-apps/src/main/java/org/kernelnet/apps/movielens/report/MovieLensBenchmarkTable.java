package org.kernelnet.apps.movielens.report;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.Locale;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.report.ProcessMemory;
import org.kernelnet.apps.report.Reporter;

/**
 * Prints the results of {@code movielens benchmark} on standard output: the medians of each
 * timing with their GFLOP/s, the sparse evaluation's speed-up over the dense one, what 1000 L-BFGS
 * iterations would take, the machine's matmul rate, the peak memory and the load.
 */
public final class MovieLensBenchmarkTable implements Reporter<MovieLensBenchmarkResults> {
  private final Terminal terminal;

  @Inject
  MovieLensBenchmarkTable(Terminal terminal) {
    this.terminal = requireNonNull(terminal, "terminal is null");
  }

  @Override
  public void report(MovieLensBenchmarkResults r) {
    PrintWriter out = terminal.out();
    out.printf(Locale.ROOT, "%n%s on %s (%d items x %d users, %d training ratings), %d shards on"
            + " %d threads, device %s%n", r.model(), r.dataset(), r.items(), r.users(),
        r.trainingRatings(), r.shards(), r.threads(), r.provenance().device());
    out.printf(Locale.ROOT, "sparse evaluation: median %.3f s of %d = %.1f GFLOP/s of the work"
            + " needed (%.1f GFLOP), %.1f GFLOP/s dense-equivalent (%.1f GFLOP)%n",
        r.medianSparseSeconds(), r.sparseSeconds().length,
        r.flops().sparse() / r.medianSparseSeconds() / 1e9, r.flops().sparse() / 1e9,
        r.flops().dense() / r.medianSparseSeconds() / 1e9, r.flops().dense() / 1e9);
    if (r.denseSeconds().length > 0) {
      out.printf(Locale.ROOT, "dense autograd evaluation: median %.3f s of %d = %.1f GFLOP/s;"
              + " the sparse evaluation is %.2fx faster%n", r.medianDenseSeconds(),
          r.denseSeconds().length, r.flops().dense() / r.medianDenseSeconds() / 1e9,
          r.medianDenseSeconds() / r.medianSparseSeconds());
    }
    out.printf(Locale.ROOT, "prediction of the training and test ratings (a checkpoint): median"
        + " %.3f s of %d%n", r.medianPredictionSeconds(), r.predictionSeconds().length);
    if (r.lbfgsIterations() > 0) {
      out.printf(Locale.ROOT, "L-BFGS: %d iterations, %d evaluations; median %.3f s per iteration"
              + " and %.3f s per evaluation, everything included; 1000 iterations ~ %.1f min%n",
          r.lbfgsIterations(), r.lbfgsEvaluations(), r.medianLbfgsIterationSeconds(),
          r.lbfgsSecondsPerEvaluation(),
          1000.0 * r.lbfgsEvaluations() / r.lbfgsIterations() * r.lbfgsSecondsPerEvaluation()
              / 60);
    }
    out.printf(Locale.ROOT, "machine: %d x %d float32 matmul median %.1f GFLOP/s of %d; the"
            + " dense-equivalent rate is %.0f %% of it%n", r.matmulSize(), r.matmulSize(),
        r.medianMatmulGflops(), r.matmulGflops().length,
        100 * r.flops().dense() / r.medianSparseSeconds() / 1e9 / r.medianMatmulGflops());
    out.printf(Locale.ROOT, "peak resident memory %.2f GiB; load average %.2f at start, %.2f at"
            + " end (%d processors)%n", ProcessMemory.gib(r.peakResidentBytes()),
        r.loadAverage()[0], r.loadAverage()[1], r.processors());
    out.flush();
  }
}
