package org.kernelnet.apps.embed;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.Locale;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.report.Reporter;

/**
 * Prints the results of {@code embed mnist} on standard output: the test accuracy (classifier) or
 * loss (autoencoder), the k-NN score of the map before and after training, and the network's
 * parameters and multiply-accumulates per example.
 */
final class EmbedSummary implements Reporter<EmbedResults> {
  private final Terminal terminal;

  @Inject
  EmbedSummary(Terminal terminal) {
    this.terminal = requireNonNull(terminal, "terminal is null");
  }

  @Override
  public void report(EmbedResults results) {
    PrintWriter out = terminal.out();
    out.printf(Locale.ROOT, "embed mnist %s: %s%n", results.objective().label(),
        results.objective() == Objective.CLASSIFIER
            ? String.format(Locale.ROOT, "test accuracy %.2f %%", 100 * results.testAccuracy())
            : String.format(Locale.ROOT, "test loss %.4f", results.testLoss()));
    out.printf(Locale.ROOT, "map %d-NN test accuracy: trained %.2f %%, untrained %.2f %%%n",
        results.knnTrained().k(), 100 * results.knnTrained().accuracy(),
        100 * results.knnUntrained().accuracy());
    out.printf(Locale.ROOT, "parameters %,d, MACs per example %,d%n",
        results.complexity().total().freeParameters(),
        results.complexity().total().nonZeroWeights());
    out.flush();
  }
}
