package org.kernelnet.apps.mnist;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.apps.inject.Application;
import org.kernelnet.apps.inject.ComponentSpecs;
import org.kernelnet.apps.mnist.PredictParamsResults.Claim;
import org.kernelnet.apps.mnist.PredictParamsResults.Row;
import org.kernelnet.apps.mnist.data.ExperimentData;
import org.kernelnet.apps.mnist.data.MnistSource;
import org.kernelnet.apps.mnist.model.ModelSize;
import org.kernelnet.apps.mnist.model.PredictedMlp;
import org.kernelnet.apps.mnist.train.ClassifierTrainer;
import org.kernelnet.apps.report.ProgressLog;
import org.kernelnet.apps.report.Provenance;
import org.kernelnet.apps.report.Reporter;

/**
 * Trains the {@link PredictedMlp} once per fraction of predicted weights with the same seed and
 * hands the test accuracy of each, next to the plain MLP's (fraction 0), to the reporters of
 * {@link PredictParamsResults} bound in {@link MnistModule}. Denil et al.'s claim, checked here: up
 * to 90 % predicted, the accuracy stays within 1 percentage point of the MLP.
 */
public final class PredictParamsApp implements Application {
  /** Fractions up to this one must stay within {@link #TOLERANCE} of the plain MLP. */
  static final double CLAIM_FRACTION = 0.9;
  /** One percentage point. */
  static final double TOLERANCE = 0.01;

  private final PredictParamsConfig config;
  private final KernelnetRegistry registry;
  private final MnistSource mnist;
  private final ProgressLog log;
  private final ClassifierTrainer trainer;
  private final Device device;
  private final Set<Reporter<PredictParamsResults>> reporters;

  @Inject
  PredictParamsApp(PredictParamsConfig config, KernelnetRegistry registry, MnistSource mnist,
      ProgressLog log, ClassifierTrainer trainer, Device device,
      Set<Reporter<PredictParamsResults>> reporters) {
    this.config = config;
    this.registry = registry;
    this.mnist = mnist;
    this.log = log;
    this.trainer = trainer;
    this.device = device;
    this.reporters = reporters;
  }

  @Override
  public void run() throws Exception {
    if (config.kernel() != null) {
      ComponentSpecs.kernel(registry, "--kernel", config.kernel()); // a bad one fails first
    }
    RunSettings run = config.run();
    ExperimentData data = ExperimentData.load(mnist, run.validationSize(), run.trainSize(),
        run.seed(), run.validationSplit());
    log.always("MNIST: %s; device %s", data.describe(), device);
    ClassifierTrainer.Settings settings = new ClassifierTrainer.Settings(
        config.epochs(), config.batchSize(), config.learningRate(), config.weightDecay(), true);
    List<Row> rows = new ArrayList<>();
    for (double fraction : config.fractions()) {
      PredictedMlp network = network(fraction, run);
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
    Reporter.reportAll(reporters, results(run, data, rows));
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

  /** The network predicting {@code fraction} of its hidden weights. */
  private PredictedMlp network(double fraction, RunSettings run) {
    return new PredictedMlp(config.hidden(), fraction, config.hiddenDictionary(),
        config.lengthFactor(), config.ridge(), run.seed(), config.kernel());
  }

  /** The results: the rows and the check of the claim on them. */
  private PredictParamsResults results(RunSettings run, ExperimentData data, List<Row> rows) {
    Provenance provenance = Provenance.collect("mnist predict-params", config, device.toString(),
        Map.of("split", run.seed(), "init", run.seed(), "alpha-layer1", run.seed(),
            "alpha-layer2", run.seed() + 1), data.files())
        .withComponents(registry, config.fractions().stream()
            .flatMap(f -> network(f, run).kernelSpecs().stream()).toList(), List.of());
    String model = "784-" + config.hidden() + "-" + config.hidden() + "-10 MLP; hidden layers:"
        + " PredictedWeightLayer (sqexp over the 28x28 pixel grid; over a "
        + config.hiddenDictionary().name().toLowerCase(Locale.ROOT) + " of the hidden units), output"
        + " layer dense";
    return new PredictParamsResults(provenance, model, claim(rows), rows);
  }
}
