package org.kernelnet.apps.mnist;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.kernelnet.apps.mnist.model.ModelSize;
import org.kernelnet.apps.mnist.train.ClassifierTrainer;
import org.kernelnet.apps.report.Provenance;

/**
 * The results of {@code mnist predict-params}, which its reporters receive and write as {@code
 * predict-params.json}.
 *
 * @param provenance where they came from; its configuration is the run's {@link
 *     PredictParamsConfig}
 * @param model the network, described
 * @param claim the check of Denil et al.'s claim on the rows
 * @param rows one per fraction predicted, in the configured order
 */
public record PredictParamsResults(Provenance provenance, String model, Claim claim,
    List<Row> rows) {
  /** Checks presence. */
  public PredictParamsResults {
    requireNonNull(provenance, "provenance is null");
    requireNonNull(model, "model is null");
    requireNonNull(claim, "claim is null");
    rows = List.copyOf(requireNonNull(rows, "rows is null"));
  }

  /**
   * The run's configuration, as its provenance records it.
   *
   * @throws ClassCastException if the provenance records another configuration
   */
  public PredictParamsConfig config() {
    return (PredictParamsConfig) provenance.configuration();
  }

  /**
   * One trained network.
   *
   * @param fractionPredicted the fraction of the hidden layers' weights predicted
   * @param testAccuracy the accuracy on the official test set
   * @param validationAccuracy after the last epoch, NaN without a validation set
   * @param size trained parameters and MACs (predicted W precomputed)
   * @param trainingSeconds wall-clock time of the training steps
   * @param history one entry per epoch
   */
  public record Row(double fractionPredicted, double testAccuracy, double validationAccuracy,
      ModelSize size, double trainingSeconds, List<ClassifierTrainer.Epoch> history) {}

  /**
   * The claim check.
   *
   * @param applicable whether fraction 0 (the baseline) and some fraction in {@code (0, 0.9]} ran
   * @param holds whether every fraction up to 0.9 is within 1 percentage point of the baseline
   * @param worstDrop the largest drop (baseline minus accuracy) among those fractions
   */
  public record Claim(boolean applicable, boolean holds, double worstDrop) {}
}
