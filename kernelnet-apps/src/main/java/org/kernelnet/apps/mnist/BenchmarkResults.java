package org.kernelnet.apps.mnist;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.kernelnet.apps.mnist.model.LayerForm;
import org.kernelnet.apps.mnist.model.ModelSize;
import org.kernelnet.apps.report.Provenance;

/**
 * The results of {@code mnist benchmark}, which its reporters receive and write as {@code
 * benchmark.json}.
 *
 * @param provenance where they came from; its configuration is the run's {@link BenchmarkConfig}
 * @param forms one entry per timed layer form, in the configured order
 * @param matmulGflops each matmul measurement, one per round
 * @param medianMatmulGflops their median
 * @param threads PyTorch's intra-op threads as configured ({@code OMP_NUM_THREADS} or unset)
 */
public record BenchmarkResults(Provenance provenance, List<Form> forms, double[] matmulGflops,
    double medianMatmulGflops, String threads) {
  /** Checks presence. */
  public BenchmarkResults {
    requireNonNull(provenance, "provenance is null");
    forms = List.copyOf(requireNonNull(forms, "forms is null"));
    requireNonNull(matmulGflops, "matmulGflops is null");
    requireNonNull(threads, "threads is null");
  }

  /**
   * The run's configuration, as its provenance records it.
   *
   * @throws ClassCastException if the provenance records another configuration
   */
  public BenchmarkConfig config() {
    return (BenchmarkConfig) provenance.configuration();
  }

  /**
   * The measurements of one layer form and their medians.
   *
   * @param form the layer form
   * @param network the timed network
   * @param size its parameters and MACs
   * @param trainingFlopsPerStep FLOPs of the matrix products of one training step
   * @param examplesPerSecond each training measurement
   * @param medianExamplesPerSecond their median
   * @param medianTrainingGflops the median achieved GFLOP/s of training
   * @param fractionOfMatmulRate median training GFLOP/s over the run's median matmul GFLOP/s
   */
  public record Form(LayerForm form, String network, ModelSize size, double trainingFlopsPerStep,
      double[] examplesPerSecond, double medianExamplesPerSecond, double medianTrainingGflops,
      double fractionOfMatmulRate) {}
}
