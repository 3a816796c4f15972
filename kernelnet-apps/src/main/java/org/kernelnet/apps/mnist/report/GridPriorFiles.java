package org.kernelnet.apps.mnist.report;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.mnist.GridPriorConfig;
import org.kernelnet.apps.mnist.GridPriorResults;
import org.kernelnet.apps.mnist.analysis.Charts;
import org.kernelnet.apps.mnist.train.ClassifierTrainer;
import org.kernelnet.apps.report.Reporter;
import org.kernelnet.apps.report.ResultsWriter;

/**
 * Writes the grid-prior results into the run folder: {@code grid-prior.json} (the results with
 * their provenance), {@code grid-prior.csv} (one row per variant) and {@code grid-prior.png} (the
 * validation accuracy per epoch, or the training loss without a validation set), then prints
 * which files the run wrote, with the {@code locations-<variant>.csv} its variants wrote as they
 * ended ({@link GridPriorResults#locationsFile}).
 */
public final class GridPriorFiles implements Reporter<GridPriorResults> {
  private final ResultsWriter writer;
  private final Terminal terminal;

  /**
   * @param writer the run folder
   * @param terminal where the files written are listed
   */
  @Inject
  public GridPriorFiles(ResultsWriter writer, Terminal terminal) {
    this.writer = requireNonNull(writer, "writer is null");
    this.terminal = requireNonNull(terminal, "terminal is null");
  }

  @Override
  public void report(GridPriorResults results) {
    GridPriorConfig config = results.config();
    Path json = writer.writeJson("grid-prior.json", results);
    List<List<?>> rows = new ArrayList<>();
    List<Charts.Series> series = new ArrayList<>();
    // Without a validation set (the final fit on all 60,000 images) the chart shows the loss.
    boolean validated = config.run().validationSize() > 0;
    for (GridPriorResults.Variant r : results.variants()) {
      rows.add(List.of(r.locations().label(), r.testAccuracy(),
          r.validationAccuracy(), r.paperTestAccuracy(), r.size().parameters(), r.size().macs(),
          r.history().size(), r.trainingSeconds(), r.layout().meanDisplacement(),
          r.layout().trainedNeighbourRecall(), r.layout().trainedDistanceCorrelation()));
      series.add(new Charts.Series(r.locations().label(),
          r.history().stream().mapToDouble(ClassifierTrainer.Epoch::epoch).toArray(),
          r.history().stream().mapToDouble(
              e -> validated ? 100 * e.validationAccuracy() : e.loss()).toArray(), null));
    }
    Path csv = writer.writeCsv("grid-prior.csv", List.of("locations", "test_accuracy",
        "validation_accuracy", "paper_test_accuracy", "parameters", "macs", "epochs",
        "training_seconds", "location_displacement", "neighbour_recall", "distance_correlation"),
        rows);
    String layers = switch (config.form()) {
      case KERNEL -> config.layers() + " RBF layers (gamma=" + config.gamma() + ", h="
          + config.units() + ")";
      case MASKED -> "RBF-masked layer (gamma=" + config.gamma() + ", "
          + (long) config.layers() * config.units() + " units)";
    };
    String title = "Table 1: " + layers
        + (config.hidden() > 0 ? ", hidden " + config.hidden() : "");
    Path png = Charts.writeLineChart(writer, "grid-prior.png", title, "epoch",
        validated ? "validation accuracy (%)" : "training loss", false, series);
    String files = Stream.concat(Stream.of(json, csv, png), results.variants().stream()
            .map(r -> writer.folder().resolve(GridPriorResults.locationsFile(r.locations()))))
        .map(Path::toString)
        .collect(Collectors.joining(", "));
    terminal.out().println("Wrote " + files);
    terminal.out().flush();
  }
}
