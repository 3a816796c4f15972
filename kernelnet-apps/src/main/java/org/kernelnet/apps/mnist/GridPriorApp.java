package org.kernelnet.apps.mnist;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.data.DataDirectory;
import org.kernelnet.apps.data.Downloader;
import org.kernelnet.apps.inject.Application;
import org.kernelnet.apps.mnist.internal.Charts;
import org.kernelnet.apps.mnist.internal.ClassifierTraining;
import org.kernelnet.apps.mnist.internal.ExperimentData;
import org.kernelnet.apps.mnist.internal.GridPriorNetwork;
import org.kernelnet.apps.mnist.internal.ModelSize;
import org.kernelnet.apps.report.ProgressLog;
import org.kernelnet.apps.report.Provenance;
import org.kernelnet.apps.report.ResultsWriter;

/**
 * Trains the grid-prior network ({@link GridPriorNetwork}) once per pixel-location variant with the
 * same seed, selects nothing on the test set, and reports each variant's test accuracy next to the
 * paper's (Table 1).
 */
final class GridPriorApp implements Application {
  /** Table 1 of Mueller et al. (2018). */
  static final Map<PixelLocations, Double> PAPER = Map.of(
      PixelLocations.GRID, 0.9903, PixelLocations.RANDOM, 0.9889);

  private final GridPriorConfig config;
  private final KernelnetRegistry registry;
  private final DataDirectory dataDirectory;
  private final Downloader downloader;
  private final Terminal terminal;
  private final Device device;

  @Inject
  GridPriorApp(GridPriorConfig config, KernelnetRegistry registry, DataDirectory dataDirectory,
      Downloader downloader, Terminal terminal, Device device) {
    this.config = config;
    this.registry = registry;
    this.dataDirectory = dataDirectory;
    this.downloader = downloader;
    this.terminal = terminal;
    this.device = device;
  }

  /**
   * One trained variant.
   *
   * @param locations the pixel-location variant
   * @param testAccuracy the accuracy on the official test set
   * @param validationAccuracy the accuracy on the validation split after the last epoch, NaN
   *     without one ({@code --validation-size 0})
   * @param paperTestAccuracy the paper's figure
   * @param size parameters and MACs
   * @param trainingSeconds the wall-clock time of the training steps
   * @param history one entry per epoch
   */
  record VariantResult(PixelLocations locations, double testAccuracy, double validationAccuracy,
      double paperTestAccuracy, ModelSize size, double trainingSeconds,
      List<ClassifierTraining.Epoch> history) {}

  /** The results file. */
  record Results(Provenance provenance, String network, List<VariantResult> variants) {}

  @Override
  public void run() throws Exception {
    RunSettings run = config.run();
    ProgressLog log = new ProgressLog(terminal.err(), Duration.ofSeconds(10));
    ExperimentData data =
        ExperimentData.load(dataDirectory, downloader, run.validationSize(), run.trainSize(), run.seed());
    log.always("MNIST: %s; device %s", data.describe(), device);
    ClassifierTraining.Settings settings = new ClassifierTraining.Settings(
        config.epochs(), config.batchSize(), config.learningRate(), config.weightDecay(), true,
        config.locationRateFactor());
    List<VariantResult> results = new ArrayList<>();
    String description = "";
    for (PixelLocations variant : config.variants()) {
      GridPriorNetwork network = new GridPriorNetwork(variant, config.form(), config.layers(),
          config.units(), config.gamma(), config.locationNoise(), config.inputDropout(),
          config.dropout(), config.hidden());
      description = network.describe();
      Engine.getInstance().setRandomSeed((int) run.seed());
      String name = variant.name().toLowerCase(Locale.ROOT);
      try (Model model = Model.newInstance("grid-prior-" + name, device)) {
        model.setBlock(network.build(registry.kernel(network.kernelSpec())));
        List<ClassifierTraining.Epoch> history = ClassifierTraining.fit(
            model, data.train(), data.validation(), settings, log, name);
        double test = ClassifierTraining.accuracy(model.getBlock(), model.getNDManager(), data.test());
        ModelSize size = ModelSize.of(model.getBlock());
        double seconds = history.stream().mapToDouble(ClassifierTraining.Epoch::seconds).sum();
        results.add(new VariantResult(variant, test, history.get(history.size() - 1)
            .validationAccuracy(), PAPER.get(variant), size, seconds, history));
        log.always("%s: test accuracy %.2f %% (paper %.2f %%), %d parameters, %d MACs", name,
            100 * test, 100 * PAPER.get(variant), size.parameters(), size.macs());
      }
    }
    write(run, data, description, results);
  }

  private void write(RunSettings run, ExperimentData data, String description,
      List<VariantResult> results) throws java.io.IOException {
    ResultsWriter writer = new ResultsWriter(run.output());
    Provenance provenance = Provenance.collect("mnist grid-prior", config, device.toString(),
        Map.of("split", run.seed(), "init", run.seed()), data.files());
    Path json = writer.writeJson("grid-prior.json", new Results(provenance, description, results));
    List<List<?>> rows = new ArrayList<>();
    List<Charts.Series> series = new ArrayList<>();
    // Without a validation set (the final fit on all 60,000 images) the chart shows the loss.
    boolean validated = run.validationSize() > 0;
    for (VariantResult r : results) {
      rows.add(List.of(r.locations().name().toLowerCase(Locale.ROOT), r.testAccuracy(),
          r.validationAccuracy(), r.paperTestAccuracy(), r.size().parameters(), r.size().macs(),
          r.history().size(), r.trainingSeconds()));
      series.add(new Charts.Series(r.locations().name().toLowerCase(Locale.ROOT),
          r.history().stream().mapToDouble(ClassifierTraining.Epoch::epoch).toArray(),
          r.history().stream().mapToDouble(
              e -> validated ? 100 * e.validationAccuracy() : e.loss()).toArray(), null));
    }
    Path csv = writer.writeCsv("grid-prior.csv", List.of("locations", "test_accuracy",
        "validation_accuracy", "paper_test_accuracy", "parameters", "macs", "epochs",
        "training_seconds"), rows);
    Path png = writer.resolve("grid-prior.png");
    String layers = switch (config.form()) {
      case KERNEL -> config.layers() + " RBF layers (gamma=" + config.gamma() + ", h="
          + config.units() + ")";
      case MASKED -> "RBF-masked layer (gamma=" + config.gamma() + ", "
          + (long) config.layers() * config.units() + " units)";
    };
    String title = "Table 1: " + layers + (config.hidden() > 0 ? ", hidden " + config.hidden() : "");
    Charts.writeLineChart(png, title, "epoch",
        validated ? "validation accuracy (%)" : "training loss", false, series);
    terminal.out().println("locations  test accuracy  paper    parameters  MACs");
    for (VariantResult r : results) {
      terminal.out().printf(Locale.ROOT, "%-9s  %11.2f %%  %5.2f %%  %10d  %d%n",
          r.locations().name().toLowerCase(Locale.ROOT), 100 * r.testAccuracy(),
          100 * r.paperTestAccuracy(), r.size().parameters(), r.size().macs());
    }
    terminal.out().println("Wrote " + json + ", " + csv + ", " + png);
    terminal.out().flush();
  }
}
