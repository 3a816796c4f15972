package org.kernelnet.apps.mnist.report;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import java.util.Locale;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.mnist.DimensionalityResults;
import org.kernelnet.apps.mnist.analysis.DimensionalityFinding;
import org.kernelnet.apps.report.Reporter;

/**
 * Prints the dimensionality table on standard output (per kernel and d the selected learning rate
 * and L2 with the mean validation and test accuracy and their standard errors), then whether the
 * paper's finding holds, and why.
 */
public final class DimensionalityTable implements Reporter<DimensionalityResults> {
  private final Terminal terminal;

  /** @param terminal where the table goes */
  @Inject
  public DimensionalityTable(Terminal terminal) {
    this.terminal = requireNonNull(terminal, "terminal is null");
  }

  @Override
  public void report(DimensionalityResults results) {
    terminal.out().println("kernel            d   lr      l2       validation        test");
    for (DimensionalityResults.Cell c : results.table()) {
      terminal.out().printf(Locale.ROOT,
          "%-16s %3d  %-6g  %-7g  %6.2f +- %.2f %%  %6.2f +- %.2f %%%n", c.kernel(), c.dimension(),
          c.learningRate(), c.weightDecay(), 100 * c.validation().mean(),
          100 * c.validation().standardError(), 100 * c.test().mean(),
          100 * c.test().standardError());
    }
    DimensionalityFinding finding = results.finding();
    terminal.out().println("Paper's finding: " + (finding.applicable()
        ? (finding.holds() ? "holds" : "does not hold") : "not checked"));
    terminal.out().println(finding.explanation());
    terminal.out().flush();
  }
}
