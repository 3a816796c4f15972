package org.kernelnet.apps.mnist.report;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import java.util.Locale;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.mnist.BenchmarkConfig;
import org.kernelnet.apps.mnist.BenchmarkResults;
import org.kernelnet.apps.report.Reporter;

/**
 * Prints the benchmark on standard output: per layer form the network with its median training
 * rate (examples/s, GFLOP/s of matrix products, MFLOP per example, share of the matmul rate), then
 * the machine's median matmul rate.
 */
public final class BenchmarkTable implements Reporter<BenchmarkResults> {
  private final Terminal terminal;

  /** @param terminal where the table goes */
  @Inject
  public BenchmarkTable(Terminal terminal) {
    this.terminal = requireNonNull(terminal, "terminal is null");
  }

  @Override
  public void report(BenchmarkResults results) {
    BenchmarkConfig config = results.config();
    for (BenchmarkResults.Form r : results.forms()) {
      terminal.out().println(r.network());
      terminal.out().printf(Locale.ROOT, "  training (forward+backward+update): %.0f examples/s,"
              + " %.2f GFLOP/s of matrix products (%.1f MFLOP per example), %.1f %% of the"
              + " matmul rate%n", r.medianExamplesPerSecond(), r.medianTrainingGflops(),
          r.trainingFlopsPerStep() / config.batchSize() / 1e6, 100 * r.fractionOfMatmulRate());
    }
    terminal.out().printf(Locale.ROOT, "machine: %d x %d float32 matmul %.2f GFLOP/s (medians of"
            + " %d; OMP_NUM_THREADS %s)%n", config.matmulSize(), config.matmulSize(),
        results.medianMatmulGflops(), config.repeats(), results.threads());
    terminal.out().flush();
  }
}
