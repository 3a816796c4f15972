package org.kernelnet.apps.mnist;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.kernelnet.apps.mnist.analysis.DimensionalityFinding;
import org.kernelnet.apps.mnist.analysis.MeanAndError;
import org.kernelnet.apps.mnist.model.ModelSize;
import org.kernelnet.apps.report.Provenance;

/**
 * The results of {@code mnist dimensionality}, which its reporters receive and write as {@code
 * dimensionality.json}.
 *
 * @param provenance where they came from; its configuration is the run's {@link
 *     DimensionalityConfig}
 * @param model the classifier every run trained, described
 * @param table the selected cell of each kernel and d, kernels in the configured order, then d
 * @param finding the check of the paper's finding on the table
 * @param runs every run, including those read back from the journal
 */
public record DimensionalityResults(Provenance provenance, String model, List<Cell> table,
    DimensionalityFinding finding, List<Run> runs) {
  /** Checks presence. */
  public DimensionalityResults {
    requireNonNull(provenance, "provenance is null");
    requireNonNull(model, "model is null");
    table = List.copyOf(requireNonNull(table, "table is null"));
    requireNonNull(finding, "finding is null");
    runs = List.copyOf(requireNonNull(runs, "runs is null"));
  }

  /**
   * The run's configuration, as its provenance records it.
   *
   * @throws ClassCastException if the provenance records another configuration
   */
  public DimensionalityConfig config() {
    return (DimensionalityConfig) provenance.configuration();
  }

  /** One training run. */
  public record Run(String kernel, int dimension, double learningRate, double weightDecay,
      int repetition, long seed, double validationAccuracy, double testAccuracy, ModelSize size,
      double seconds) {}

  /** The selected configuration of one kernel and d: the best mean validation accuracy. */
  public record Cell(String kernel, String kernelName, int dimension, double learningRate,
      double weightDecay, MeanAndError validation, MeanAndError test, ModelSize size) {}
}
