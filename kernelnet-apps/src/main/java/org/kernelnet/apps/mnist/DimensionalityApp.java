package org.kernelnet.apps.mnist;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.kernelnet.api.Kernel;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.apps.cli.ConfigurationException;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.inject.Application;
import org.kernelnet.apps.inject.ComponentSpecs;
import org.kernelnet.apps.mnist.DimensionalityResults.Cell;
import org.kernelnet.apps.mnist.DimensionalityResults.Run;
import org.kernelnet.apps.mnist.analysis.DimensionalityFinding;
import org.kernelnet.apps.mnist.analysis.MeanAndError;
import org.kernelnet.apps.mnist.data.ExperimentData;
import org.kernelnet.apps.mnist.data.MnistSource;
import org.kernelnet.apps.mnist.data.ValidationSplit;
import org.kernelnet.apps.mnist.model.ModelSize;
import org.kernelnet.apps.mnist.train.ClassifierTrainer;
import org.kernelnet.apps.report.ProgressLog;
import org.kernelnet.apps.report.Provenance;
import org.kernelnet.apps.report.Reporter;
import org.kernelnet.apps.report.ResultsWriter;
import org.kernelnet.apps.report.RunJournal;
import org.kernelnet.djl.nn.AlphaMode;
import org.kernelnet.djl.nn.KernelLayer;
import org.kernelnet.djl.nn.Locations;

/**
 * Figure 3: for every kernel, d and (learning rate, L2) pair, trains R classifiers {@code 784 ->
 * KernelLayer(kernel, d, H) -> relu -> Linear(10)} (seeds {@code seed + r}), keeps the pair with the
 * best mean validation accuracy, and hands its mean and standard error (and, for reference, the
 * test accuracy of the same runs) to the reporters of {@link DimensionalityResults} bound in {@link
 * MnistModule}. Locations start as {@code N(0, 1/d)} so that squared distances and dot products
 * between locations are of order 1 whatever d is.
 *
 * <p>Each finished run is appended to the journal {@value #JOURNAL} in the output folder ({@link
 * RunJournal}); {@code --resume} reads those runs back instead of training them again, so an
 * interrupted study goes on where it stopped.
 */
public final class DimensionalityApp implements Application {
  private final DimensionalityConfig config;
  private final KernelnetRegistry registry;
  private final MnistSource mnist;
  private final Terminal terminal;
  private final ProgressLog log;
  private final ClassifierTrainer trainer;
  private final Device device;
  private final ResultsWriter writer;
  private final Set<Reporter<DimensionalityResults>> reporters;

  @Inject
  DimensionalityApp(DimensionalityConfig config, KernelnetRegistry registry, MnistSource mnist,
      Terminal terminal, ProgressLog log, ClassifierTrainer trainer, Device device,
      ResultsWriter writer, Set<Reporter<DimensionalityResults>> reporters) {
    this.config = config;
    this.registry = registry;
    this.mnist = mnist;
    this.terminal = terminal;
    this.log = log;
    this.trainer = trainer;
    this.device = device;
    this.writer = writer;
    this.reporters = reporters;
  }

  /** The journal of finished runs in the output folder ({@code --resume} continues it). */
  public static final String JOURNAL = "dimensionality-runs.jsonl";

  /** What every run of one study shares: runs are read back from the journal only under it. */
  record Setup(int trainSize, int validationSize, ValidationSplit validationSplit, long splitSeed,
      int epochs, int batchSize, int hidden) {}

  @Override
  public void run() throws Exception {
    Map<String, Kernel> kernels = ComponentSpecs.kernels(registry, "--kernels", config.kernels());
    RunSettings run = config.run();
    RunJournal<Setup, Run> journal = openJournal(run);
    ExperimentData data = ExperimentData.load(mnist, run.validationSize(), run.trainSize(),
        run.seed(), run.validationSplit());
    log.always("MNIST: %s; %d runs; device %s", data.describe(), config.runs(), device);
    List<Run> runs = new ArrayList<>();
    List<Cell> table = new ArrayList<>();
    int done = 0;
    for (Map.Entry<String, Kernel> entry : kernels.entrySet()) {
      for (int d : config.dimensions()) {
        Cell best = null;
        for (double lr : config.learningRates()) {
          for (double l2 : config.weightDecays()) {
            double[] validation = new double[config.repetitions()];
            double[] test = new double[config.repetitions()];
            ModelSize size = null;
            for (int r = 0; r < config.repetitions(); r++) {
              long seed = run.seed() + r;
              String label = String.format(Locale.ROOT, "%s d=%d lr=%g l2=%g run %d/%d", entry.getKey(),
                  d, lr, l2, r + 1, config.repetitions());
              Run result = recorded(journal, entry.getKey(), d, lr, l2, seed).orElse(null);
              boolean reused = result != null;
              if (!reused) {
                result = train(entry.getKey(), entry.getValue(), d, lr, l2, r, seed, data, label);
                journal.append(result);
              }
              runs.add(result);
              validation[r] = result.validationAccuracy();
              test[r] = result.testAccuracy();
              size = result.size();
              done++;
              log.always("[%d/%d] %s: validation accuracy %.2f %%%s", done, config.runs(), label,
                  100 * validation[r], reused ? " (read back from the journal)" : "");
            }
            Cell cell = new Cell(entry.getKey(), entry.getValue().name(), d, lr, l2,
                MeanAndError.of(validation), MeanAndError.of(test), size);
            if (best == null || cell.validation().mean() > best.validation().mean()) {
              best = cell;
            }
          }
        }
        table.add(best);
      }
    }
    Reporter.reportAll(reporters, results(run, data, kernels, table, runs));
  }

  /** Trains and measures one classifier. */
  private Run train(String spec, Kernel kernel, int d, double lr, double l2, int repetition,
      long seed, ExperimentData data, String label) throws Exception {
    Engine.getInstance().setRandomSeed((int) seed);
    try (Model model = Model.newInstance("dimensionality", device)) {
      model.setBlock(classifier(kernel, d));
      List<ClassifierTrainer.Epoch> history = trainer.fit(model, data.train(),
          data.validation(), new ClassifierTrainer.Settings(config.epochs(), config.batchSize(),
              lr, l2, false), log, label);
      double test = trainer.accuracy(model.getBlock(), model.getNDManager(), data.test());
      return new Run(spec, d, lr, l2, repetition, seed,
          history.get(history.size() - 1).validationAccuracy(), test, ModelSize.of(model.getBlock()),
          history.stream().mapToDouble(ClassifierTrainer.Epoch::seconds).sum());
    }
  }

  /** The journal in the output folder, continued with {@code --resume}, else new. */
  private RunJournal<Setup, Run> openJournal(RunSettings run) throws IOException {
    Setup setup = new Setup(run.trainSize(), run.validationSize(), run.validationSplit(), run.seed(),
        config.epochs(), config.batchSize(), config.hidden());
    RunJournal<Setup, Run> journal;
    try {
      journal = RunJournal.open(writer.resolve(JOURNAL), setup, Run.class, config.resume());
    } catch (IllegalStateException e) {
      throw new ConfigurationException(e.getMessage());
    }
    if (config.resume()) {
      terminal.err().printf(Locale.ROOT, "Resuming %s: %d runs recorded%s%n", journal.file(),
          journal.runs().size(), journal.unreadableLines() > 0
              ? ", " + journal.unreadableLines() + " unreadable lines skipped" : "");
    }
    return journal;
  }

  /** The run with these settings recorded in the journal, if any. */
  private static Optional<Run> recorded(RunJournal<Setup, Run> journal, String spec,
      int d, double lr, double l2, long seed) {
    return journal.find(r -> r.kernel().equals(spec) && r.dimension() == d
        && r.learningRate() == lr && r.weightDecay() == l2 && r.seed() == seed);
  }

  /** The classifier {@code 784 -> KernelLayer(kernel, d, H) -> relu -> Linear(10)}. */
  private Block classifier(Kernel kernel, int d) {
    return new SequentialBlock()
        .add(KernelLayer.builder()
            .setUnits(config.hidden())
            .setDimension(d)
            .setKernel(kernel)
            .optAlpha(AlphaMode.PER_INPUT)
            .optInputLocations(Locations.normal(1 / Math.sqrt(d)))
            .optOutputLocations(Locations.normal(1 / Math.sqrt(d)))
            .build())
        .add(Activation.reluBlock())
        .add(Linear.builder().setUnits(10).build());
  }

  /** The results: the table, the check of the paper's finding on it, and every run. */
  private DimensionalityResults results(RunSettings run, ExperimentData data,
      Map<String, Kernel> kernels, List<Cell> table, List<Run> runs) {
    Map<String, Map<Integer, MeanAndError>> byName = new LinkedHashMap<>();
    for (Cell cell : table) {
      // the first spec of a kernel name stands for that name in the check
      if (cell.kernel().equals(firstSpecOf(kernels, cell.kernelName()))) {
        byName.computeIfAbsent(cell.kernelName(), k -> new TreeMap<>())
            .put(cell.dimension(), cell.validation());
      }
    }
    DimensionalityFinding finding = DimensionalityFinding.check(byName);
    Map<String, Long> seeds = new LinkedHashMap<>();
    seeds.put("split", run.seed());
    for (int r = 0; r < config.repetitions(); r++) {
      seeds.put("run" + r, run.seed() + r);
    }
    Provenance provenance = Provenance.collect("mnist dimensionality", config, device.toString(),
        seeds, data.files()).withComponents(registry, config.kernels(), List.of());
    String model = "784 -> KernelLayer(kernel, d, H=" + config.hidden() + ", alpha per input)"
        + " -> relu -> Linear(10)";
    return new DimensionalityResults(provenance, model, table, finding, runs);
  }

  private static String firstSpecOf(Map<String, Kernel> kernels, String name) {
    return kernels.entrySet().stream().filter(e -> e.getValue().name().equals(name))
        .map(Map.Entry::getKey).findFirst().orElseThrow();
  }
}
