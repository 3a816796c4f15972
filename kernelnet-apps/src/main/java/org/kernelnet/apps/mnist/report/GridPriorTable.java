package org.kernelnet.apps.mnist.report;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import java.util.Locale;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.mnist.GridPriorResults;
import org.kernelnet.apps.report.Reporter;

/**
 * Prints the grid-prior table on standard output: per variant the test accuracy next to the
 * paper's, the parameters, the MACs and the neighbour recall of the trained pixel locations.
 */
public final class GridPriorTable implements Reporter<GridPriorResults> {
  private final Terminal terminal;

  /** @param terminal where the table goes */
  @Inject
  public GridPriorTable(Terminal terminal) {
    this.terminal = requireNonNull(terminal, "terminal is null");
  }

  @Override
  public void report(GridPriorResults results) {
    terminal.out().println(
        "locations     test accuracy  paper    parameters  MACs       neighbour recall");
    for (GridPriorResults.Variant r : results.variants()) {
      terminal.out().printf(Locale.ROOT, "%-12s  %11.2f %%  %-7s  %10d  %-9d  %5.1f %%%n",
          r.locations().label(), 100 * r.testAccuracy(),
          GridPriorResults.percent(r.paperTestAccuracy()), r.size().parameters(),
          r.size().macs(), 100 * r.layout().trainedNeighbourRecall());
    }
    terminal.out().flush();
  }
}
