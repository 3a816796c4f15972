package org.kernelnet.apps.mnist;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.inject.Application;
import org.kernelnet.apps.mnist.analysis.Charts;
import org.kernelnet.apps.mnist.data.ExperimentData;
import org.kernelnet.apps.mnist.data.MnistSource;
import org.kernelnet.apps.mnist.model.ModelSize;
import org.kernelnet.apps.mnist.model.PredictedMlp;
import org.kernelnet.apps.mnist.train.ClassifierTrainer;
import org.kernelnet.apps.report.ProgressLog;
import org.kernelnet.apps.report.Provenance;
import org.kernelnet.apps.report.ResultsWriter;

/**
 * Trains the {@link PredictedMlp} once per fraction of predicted weights with the same seed and
 * reports the test accuracy of each next to the plain MLP's (fraction 0). Denil et al.'s claim,
 * checked here: up to 90 % predicted, the accuracy stays within 1 percentage point of the MLP.
 */
public final class PredictParamsApp implements Application {
  /** Fractions up to this one must stay within {@link #TOLERANCE} of the plain MLP. */
  static final double CLAIM_FRACTION = 0.9;
  /** One percentage point. */
  static final double TOLERANCE = 0.01;

  private final PredictParamsConfig config;
  private final KernelnetRegistry registry;
  private final MnistSource mnist;
  private final Terminal terminal;
  private final ProgressLog log;
  private final ClassifierTrainer trainer;
  private final Device device;
  private final ResultsWriter writer;

  @Inject
  PredictParamsApp(PredictParamsConfig config, KernelnetRegistry registry, MnistSource mnist,
      Terminal terminal, ProgressLog log, ClassifierTrainer trainer, Device device,
      ResultsWriter writer) {
    this.config = config;
    this.registry = registry;
    this.mnist = mnist;
    this.terminal = terminal;
    this.log = log;
    this.trainer = trainer;
    this.device = device;
    this.writer = writer;
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
  record Row(double fractionPredicted, double testAccuracy, double validationAccuracy,
      ModelSize size, double trainingSeconds, List<ClassifierTrainer.Epoch> history) {}

  /**
   * The claim check.
   *
   * @param applicable whether fraction 0 (the baseline) and some fraction in {@code (0, 0.9]} ran
   * @param holds whether every fraction up to 0.9 is within 1 percentage point of the baseline
   * @param worstDrop the largest drop (baseline minus accuracy) among those fractions
   */
  record Claim(boolean applicable, boolean holds, double worstDrop) {}

  /** The results file. */
  record Results(Provenance provenance, String model, Claim claim, List<Row> rows) {}

  @Override
  public void run() throws Exception {
    RunSettings run = config.run();
    ExperimentData data = ExperimentData.load(mnist, run.validationSize(), run.trainSize(),
        run.seed(), run.validationSplit());
    log.always("MNIST: %s; device %s", data.describe(), device);
    ClassifierTrainer.Settings settings = new ClassifierTrainer.Settings(
        config.epochs(), config.batchSize(), config.learningRate(), config.weightDecay(), true);
    List<Row> rows = new ArrayList<>();
    for (double fraction : config.fractions()) {
      PredictedMlp network = new PredictedMlp(config.hidden(), fraction, config.hiddenDictionary(),
          config.lengthFactor(), config.ridge(), run.seed());
      Engine.getInstance().setRandomSeed((int) run.seed());
      String label = String.format(Locale.ROOT, "%.0f%% predicted", 100 * fraction);
      try (Model model = Model.newInstance("predict-params", device)) {
        model.setBlock(network.build(registry));
        List<ClassifierTrainer.Epoch> history =
            trainer.fit(model, data.train(), data.validation(), settings, log, label);
        double test = trainer.accuracy(model.getBlock(), model.getNDManager(), data.test());
        ModelSize size = ModelSize.of(model.getBlock());
        rows.add(new Row(fraction, test, history.get(history.size() - 1).validationAccuracy(), size,
            history.stream().mapToDouble(ClassifierTrainer.Epoch::seconds).sum(), history));
        log.always("%s: test accuracy %.2f %%, %d trained parameters", label, 100 * test,
            size.parameters());
      }
    }
    write(run, data, rows, claim(rows));
  }

  /** Checks Denil et al.'s claim on the rows. */
  static Claim claim(List<Row> rows) {
    Row baseline = rows.stream().filter(r -> r.fractionPredicted() == 0).findFirst().orElse(null);
    List<Row> covered = rows.stream()
        .filter(r -> r.fractionPredicted() > 0 && r.fractionPredicted() <= CLAIM_FRACTION + 1e-9)
        .toList();
    if (baseline == null || covered.isEmpty()) {
      return new Claim(false, false, Double.NaN);
    }
    double worst = covered.stream()
        .mapToDouble(r -> baseline.testAccuracy() - r.testAccuracy()).max().orElseThrow();
    return new Claim(true, worst <= TOLERANCE, worst);
  }

  private void write(RunSettings run, ExperimentData data, List<Row> rows, Claim claim) {
    Provenance provenance = Provenance.collect("mnist predict-params", config, device.toString(),
        Map.of("split", run.seed(), "init", run.seed(), "alpha-layer1", run.seed(),
            "alpha-layer2", run.seed() + 1), data.files());
    String model = "784-" + config.hidden() + "-" + config.hidden() + "-10 MLP; hidden layers:"
        + " PredictedWeightLayer (sqexp over the 28x28 pixel grid; over a "
        + config.hiddenDictionary().name().toLowerCase(Locale.ROOT) + " of the hidden units), output"
        + " layer dense";
    Path json = writer.writeJson("predict-params.json", new Results(provenance, model, claim, rows));
    List<List<?>> table = new ArrayList<>();
    for (Row r : rows) {
      table.add(List.of(r.fractionPredicted(), r.testAccuracy(), r.validationAccuracy(),
          r.size().parameters(), r.size().denseEquivalentParameters(), r.size().macs(),
          r.trainingSeconds()));
    }
    Path csv = writer.writeCsv("predict-params.csv", List.of("fraction_predicted", "test_accuracy",
        "validation_accuracy", "parameters", "dense_equivalent_parameters", "macs",
        "training_seconds"), table);
    double[] x = rows.stream().mapToDouble(r -> 100 * r.fractionPredicted()).toArray();
    List<Charts.Series> series = new ArrayList<>();
    series.add(new Charts.Series("predicted (sqexp dictionaries)", x,
        rows.stream().mapToDouble(r -> 100 * r.testAccuracy()).toArray(), null));
    rows.stream().filter(r -> r.fractionPredicted() == 0).findFirst().ifPresent(b ->
        series.add(new Charts.Series("plain MLP", x, Arrays.stream(x)
            .map(v -> 100 * b.testAccuracy()).toArray(), null)));
    Path png = Charts.writeLineChart(writer, "predict-params.png",
        "Predicting parameters (Denil et al.): 784-" + config.hidden() + "-" + config.hidden()
            + "-10 MLP", "hidden-layer weights predicted (%)", "test accuracy (%)", false, series);
    terminal.out().println("predicted  test accuracy  parameters");
    for (Row r : rows) {
      terminal.out().printf(Locale.ROOT, "%8.0f %%  %11.2f %%  %10d%n", 100 * r.fractionPredicted(),
          100 * r.testAccuracy(), r.size().parameters());
    }
    terminal.out().println(claim.applicable()
        ? String.format(Locale.ROOT, "Within 1 percentage point of the plain MLP up to 90 %%: %s"
            + " (largest drop %.2f pp)", claim.holds() ? "yes" : "no", 100 * claim.worstDrop())
        : "Claim not checked: needs fraction 0 and a fraction in (0, 0.9]");
    terminal.out().println("Wrote " + json + ", " + csv + ", " + png);
    terminal.out().flush();
  }
}
