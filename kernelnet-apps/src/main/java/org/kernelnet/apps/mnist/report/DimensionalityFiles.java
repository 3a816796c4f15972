package org.kernelnet.apps.mnist.report;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.mnist.DimensionalityConfig;
import org.kernelnet.apps.mnist.DimensionalityResults;
import org.kernelnet.apps.mnist.DimensionalityResults.Cell;
import org.kernelnet.apps.mnist.analysis.Charts;
import org.kernelnet.apps.report.Reporter;
import org.kernelnet.apps.report.ResultsWriter;

/**
 * Writes the dimensionality results into the run folder: {@code dimensionality.json} (the
 * results with their provenance, every run, the table and the finding), {@code
 * dimensionality.csv} (one row per kernel and d) and {@code dimensionality.png} (the mean
 * validation accuracy against d, one line per kernel, with standard errors), then prints which
 * files it wrote.
 */
public final class DimensionalityFiles implements Reporter<DimensionalityResults> {
  private final ResultsWriter writer;
  private final Terminal terminal;

  /**
   * @param writer the run folder
   * @param terminal where the files written are listed
   */
  @Inject
  public DimensionalityFiles(ResultsWriter writer, Terminal terminal) {
    this.writer = requireNonNull(writer, "writer is null");
    this.terminal = requireNonNull(terminal, "terminal is null");
  }

  @Override
  public void report(DimensionalityResults results) {
    DimensionalityConfig config = results.config();
    Path json = writer.writeJson("dimensionality.json", results);
    List<List<?>> rows = new ArrayList<>();
    for (Cell c : results.table()) {
      rows.add(List.of(c.kernel(), c.dimension(), c.learningRate(), c.weightDecay(),
          c.validation().mean(), c.validation().standardError(), c.test().mean(),
          c.test().standardError(), c.validation().count(), c.size().parameters(),
          c.size().macs()));
    }
    Path csv = writer.writeCsv("dimensionality.csv", List.of("kernel", "d", "lr", "l2",
        "validation_accuracy_mean", "validation_accuracy_se", "test_accuracy_mean",
        "test_accuracy_se", "repetitions", "parameters", "macs"), rows);
    List<Charts.Series> series = new ArrayList<>();
    for (String spec : config.kernels()) {
      List<Cell> cells = results.table().stream().filter(c -> c.kernel().equals(spec)).toList();
      series.add(new Charts.Series(spec,
          cells.stream().mapToDouble(Cell::dimension).toArray(),
          cells.stream().mapToDouble(c -> 100 * c.validation().mean()).toArray(),
          cells.stream().mapToDouble(c -> 100 * c.validation().standardError()).toArray()));
    }
    Path png = Charts.writeLineChart(writer, "dimensionality.png",
        "Effective dimensionality (Figure 3): best mean of " + config.repetitions()
            + " runs, +- standard error", "location dimension d", "validation accuracy (%)",
        config.dimensions().size() > 1, series);
    terminal.out().println("Wrote " + json + ", " + csv + ", " + png);
    terminal.out().flush();
  }
}
