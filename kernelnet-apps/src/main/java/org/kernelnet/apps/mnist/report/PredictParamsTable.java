package org.kernelnet.apps.mnist.report;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import java.util.Locale;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.mnist.PredictParamsResults;
import org.kernelnet.apps.report.Reporter;

/**
 * Prints the predict-params table on standard output (per fraction predicted the test accuracy
 * and the trained parameters), then whether Denil et al.'s claim holds.
 */
public final class PredictParamsTable implements Reporter<PredictParamsResults> {
  private final Terminal terminal;

  /** @param terminal where the table goes */
  @Inject
  public PredictParamsTable(Terminal terminal) {
    this.terminal = requireNonNull(terminal, "terminal is null");
  }

  @Override
  public void report(PredictParamsResults results) {
    terminal.out().println("predicted  test accuracy  parameters");
    for (PredictParamsResults.Row r : results.rows()) {
      terminal.out().printf(Locale.ROOT, "%8.0f %%  %11.2f %%  %10d%n", 100 * r.fractionPredicted(),
          100 * r.testAccuracy(), r.size().parameters());
    }
    PredictParamsResults.Claim claim = results.claim();
    terminal.out().println(claim.applicable()
        ? String.format(Locale.ROOT, "Within 1 percentage point of the plain MLP up to 90 %%: %s"
            + " (largest drop %.2f pp)", claim.holds() ? "yes" : "no", 100 * claim.worstDrop())
        : "Claim not checked: needs fraction 0 and a fraction in (0, 0.9]");
    terminal.out().flush();
  }
}
