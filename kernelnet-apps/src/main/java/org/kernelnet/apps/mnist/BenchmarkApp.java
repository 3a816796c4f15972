package org.kernelnet.apps.mnist;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.inject.Application;
import org.kernelnet.apps.mnist.data.MnistData;
import org.kernelnet.apps.mnist.internal.ClassifierTraining;
import org.kernelnet.apps.mnist.internal.FlopCount;
import org.kernelnet.apps.mnist.internal.GridPriorNetwork;
import org.kernelnet.apps.mnist.internal.ModelSize;
import org.kernelnet.apps.report.MatmulRate;
import org.kernelnet.apps.report.ProgressLog;
import org.kernelnet.apps.report.Provenance;
import org.kernelnet.apps.report.ResultsWriter;

/**
 * Measures grid-prior training throughput for each configured {@link LayerForm}: {@code repeats}
 * times, {@code steps} timed training steps (forward, backward, Adam update) on one synthetic batch
 * ({@code x ~ U(0, 1)}, random labels; the speed does not depend on the pixel values). The achieved
 * rate counts the FLOPs of the model's matrix products per step ({@link FlopCount#trainingFlops},
 * the same for both forms); the machine's rate is the median of {@code repeats} {@code n x n}
 * float32 products ({@code 2 n^3} FLOPs each) timed in the same run, after the training.
 */
final class BenchmarkApp implements Application {
  private final BenchmarkConfig config;
  private final KernelnetRegistry registry;
  private final Terminal terminal;
  private final Device device;

  @Inject
  BenchmarkApp(BenchmarkConfig config, KernelnetRegistry registry, Terminal terminal, Device device) {
    this.config = config;
    this.registry = registry;
    this.terminal = terminal;
    this.device = device;
  }

  /**
   * The measurements of one layer form and their medians.
   *
   * @param form the layer form
   * @param network the timed network
   * @param size its parameters and MACs
   * @param trainingFlopsPerStep FLOPs of the matrix products of one training step
   * @param examplesPerSecond each training measurement
   * @param medianExamplesPerSecond their median
   * @param medianTrainingGflops the median achieved GFLOP/s of training
   * @param fractionOfMatmulRate median training GFLOP/s over the run's median matmul GFLOP/s
   */
  record FormResult(LayerForm form, String network, ModelSize size, double trainingFlopsPerStep,
      double[] examplesPerSecond, double medianExamplesPerSecond, double medianTrainingGflops,
      double fractionOfMatmulRate) {}

  /**
   * The results file.
   *
   * @param forms one entry per timed layer form, in the configured order
   * @param matmulGflops each matmul measurement
   * @param medianMatmulGflops their median
   * @param threads PyTorch's intra-op threads as configured ({@code OMP_NUM_THREADS} or unset)
   */
  record Results(Provenance provenance, List<FormResult> forms, double[] matmulGflops,
      double medianMatmulGflops, String threads) {}

  /** The training measurements of one form, before the matmul rate is known. */
  private record Timing(GridPriorNetwork network, ModelSize size, double[] rates) {}

  @Override
  public void run() throws Exception {
    ProgressLog log = new ProgressLog(terminal.err(), Duration.ofSeconds(5));
    List<Timing> timings = new ArrayList<>();
    for (LayerForm form : config.forms()) {
      timings.add(time(form, log));
    }
    double[] matmul = MatmulRate.measure(device, config.matmulSize(), config.repeats(), log);
    double matmulGflops = MatmulRate.median(matmul);
    List<FormResult> results = new ArrayList<>();
    for (Timing t : timings) {
      double flopsPerStep = t.network().flopCount().trainingFlops(config.batchSize());
      double medianRate = MatmulRate.median(t.rates());
      double trainingGflops = medianRate / config.batchSize() * flopsPerStep / 1e9;
      results.add(new FormResult(t.network().form(), describe(t.network()), t.size(),
          flopsPerStep, t.rates(), medianRate, trainingGflops, trainingGflops / matmulGflops));
    }
    String threads = System.getenv().getOrDefault("OMP_NUM_THREADS", "unset");
    Provenance provenance = Provenance.collect("mnist benchmark", config, device.toString(),
        Map.of("init", config.seed()), List.of());
    Path json = new ResultsWriter(config.output()).writeJson("benchmark.json",
        new Results(provenance, results, matmul, matmulGflops, threads));
    for (FormResult r : results) {
      terminal.out().println(r.network());
      terminal.out().printf(Locale.ROOT, "  training (forward+backward+update): %.0f examples/s,"
              + " %.2f GFLOP/s of matrix products (%.1f MFLOP per example), %.1f %% of the"
              + " matmul rate%n", r.medianExamplesPerSecond(), r.medianTrainingGflops(),
          r.trainingFlopsPerStep() / config.batchSize() / 1e6, 100 * r.fractionOfMatmulRate());
    }
    terminal.out().printf(Locale.ROOT, "machine: %d x %d float32 matmul %.2f GFLOP/s (medians of"
            + " %d; OMP_NUM_THREADS %s)%n", config.matmulSize(), config.matmulSize(),
        matmulGflops, config.repeats(), threads);
    terminal.out().println("Wrote " + json);
    terminal.out().flush();
  }

  /** Times {@code repeats} x {@code steps} training steps of the network of one form. */
  private Timing time(LayerForm form, ProgressLog log) throws Exception {
    GridPriorNetwork network = new GridPriorNetwork(config.locations(), form, config.layers(),
        config.units(), config.gamma(), 0, 0, 0, 0, 1);
    double flopsPerStep = network.flopCount().trainingFlops(config.batchSize());
    String label = form.name().toLowerCase(Locale.ROOT);
    Engine.getInstance().setRandomSeed((int) config.seed());
    double[] rates = new double[config.repeats()];
    int pixels = MnistData.SIDE * MnistData.SIDE;
    try (Model model = Model.newInstance("benchmark-" + label, device)) {
      model.setBlock(network.build(registry.kernel(network.kernelSpec())));
      ClassifierTraining.Settings settings =
          new ClassifierTraining.Settings(1, config.batchSize(), 1e-3, 0, false);
      try (Trainer trainer = ClassifierTraining.newTrainer(model, settings, 1);
          NDManager batch = model.getNDManager().newSubManager()) {
        trainer.initialize(new Shape(config.batchSize(), pixels));
        NDList x = new NDList(batch.randomUniform(0f, 1f, new Shape(config.batchSize(), pixels)));
        NDList y = new NDList(batch.randomInteger(0, 10, new Shape(config.batchSize()), DataType.INT32)
            .toType(DataType.FLOAT32, false));
        for (int i = 0; i < config.warmupSteps(); i++) {
          ClassifierTraining.step(trainer, x, y);
        }
        for (int r = 0; r < config.repeats(); r++) {
          long start = System.nanoTime();
          for (int i = 0; i < config.steps(); i++) {
            ClassifierTraining.step(trainer, x, y);
          }
          double seconds = (System.nanoTime() - start) / 1e9;
          rates[r] = (double) config.steps() * config.batchSize() / seconds;
          log.always("%s training %d/%d: %.0f examples/s, %.2f GFLOP/s", label, r + 1,
              config.repeats(), rates[r], rates[r] / config.batchSize() * flopsPerStep / 1e9);
        }
      }
      return new Timing(network, ModelSize.of(model.getBlock()), rates);
    }
  }

  /** The network's description with its pixel locations and the batch size. */
  private String describe(GridPriorNetwork network) {
    return network.describe() + " (" + config.locations().name().toLowerCase(Locale.ROOT)
        + " locations), batch " + config.batchSize();
  }
}
