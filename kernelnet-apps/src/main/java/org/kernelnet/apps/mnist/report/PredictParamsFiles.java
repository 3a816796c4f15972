package org.kernelnet.apps.mnist.report;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.mnist.PredictParamsResults;
import org.kernelnet.apps.mnist.PredictParamsResults.Row;
import org.kernelnet.apps.mnist.analysis.Charts;
import org.kernelnet.apps.report.Reporter;
import org.kernelnet.apps.report.ResultsWriter;

/**
 * Writes the predict-params results into the run folder: {@code predict-params.json} (the results
 * with their provenance and the claim check), {@code predict-params.csv} (one row per fraction)
 * and {@code predict-params.png} (the test accuracy against the fraction predicted, beside the
 * plain MLP's), then prints which files it wrote.
 */
public final class PredictParamsFiles implements Reporter<PredictParamsResults> {
  private final ResultsWriter writer;
  private final Terminal terminal;

  /**
   * @param writer the run folder
   * @param terminal where the files written are listed
   */
  @Inject
  public PredictParamsFiles(ResultsWriter writer, Terminal terminal) {
    this.writer = requireNonNull(writer, "writer is null");
    this.terminal = requireNonNull(terminal, "terminal is null");
  }

  @Override
  public void report(PredictParamsResults results) {
    List<Row> rows = results.rows();
    int hidden = results.config().hidden();
    Path json = writer.writeJson("predict-params.json", results);
    List<List<?>> table = new ArrayList<>();
    for (Row r : rows) {
      table.add(List.of(r.fractionPredicted(), r.testAccuracy(), r.validationAccuracy(),
          r.size().parameters(), r.size().denseEquivalentParameters(), r.size().macs(),
          r.trainingSeconds()));
    }
    Path csv = writer.writeCsv("predict-params.csv", List.of("fraction_predicted",
        "test_accuracy", "validation_accuracy", "parameters", "dense_equivalent_parameters",
        "macs", "training_seconds"), table);
    double[] x = rows.stream().mapToDouble(r -> 100 * r.fractionPredicted()).toArray();
    List<Charts.Series> series = new ArrayList<>();
    series.add(new Charts.Series("predicted (sqexp dictionaries)", x,
        rows.stream().mapToDouble(r -> 100 * r.testAccuracy()).toArray(), null));
    rows.stream().filter(r -> r.fractionPredicted() == 0).findFirst().ifPresent(b ->
        series.add(new Charts.Series("plain MLP", x, Arrays.stream(x)
            .map(v -> 100 * b.testAccuracy()).toArray(), null)));
    Path png = Charts.writeLineChart(writer, "predict-params.png",
        "Predicting parameters (Denil et al.): 784-" + hidden + "-" + hidden + "-10 MLP",
        "hidden-layer weights predicted (%)", "test accuracy (%)", false, series);
    terminal.out().println("Wrote " + json + ", " + csv + ", " + png);
    terminal.out().flush();
  }
}
