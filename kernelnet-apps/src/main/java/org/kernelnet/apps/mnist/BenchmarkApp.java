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
 * Measures grid-prior training throughput: {@code repeats} times, {@code steps} timed training
 * steps (forward, backward, Adam update) on one synthetic batch ({@code x ~ U(0, 1)}, random labels;
 * the speed does not depend on the pixel values). The achieved rate counts the FLOPs of the model's
 * matrix products per step ({@link FlopCount#trainingFlops}); the machine's rate is the median of
 * {@code repeats} {@code n x n} float32 products ({@code 2 n^3} FLOPs each) timed in the same run.
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
   * The measurements and their medians.
   *
   * @param network the timed network
   * @param size its parameters and MACs
   * @param trainingFlopsPerStep FLOPs of the matrix products of one training step
   * @param examplesPerSecond each training measurement
   * @param medianExamplesPerSecond their median
   * @param medianTrainingGflops the median achieved GFLOP/s of training
   * @param matmulGflops each matmul measurement
   * @param medianMatmulGflops their median
   * @param fractionOfMatmulRate median training GFLOP/s over median matmul GFLOP/s
   * @param threads PyTorch's intra-op threads as configured ({@code OMP_NUM_THREADS} or unset)
   */
  record Results(Provenance provenance, String network, ModelSize size, double trainingFlopsPerStep,
      double[] examplesPerSecond, double medianExamplesPerSecond, double medianTrainingGflops,
      double[] matmulGflops, double medianMatmulGflops, double fractionOfMatmulRate, String threads) {}

  @Override
  public void run() throws Exception {
    ProgressLog log = new ProgressLog(terminal.err(), Duration.ofSeconds(5));
    GridPriorNetwork network = new GridPriorNetwork(config.locations(), LayerForm.KERNEL,
        config.layers(), config.units(), config.gamma(), 0, 0, 0, 0, 1);
    FlopCount flops = network.flopCount();
    double flopsPerStep = flops.trainingFlops(config.batchSize());
    Engine.getInstance().setRandomSeed((int) config.seed());
    double[] rates = new double[config.repeats()];
    ModelSize size;
    int pixels = MnistData.SIDE * MnistData.SIDE;
    try (Model model = Model.newInstance("benchmark", device)) {
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
          log.always("training %d/%d: %.0f examples/s, %.2f GFLOP/s", r + 1, config.repeats(),
              rates[r], rates[r] / config.batchSize() * flopsPerStep / 1e9);
        }
      }
      size = ModelSize.of(model.getBlock());
    }
    double[] matmul = MatmulRate.measure(device, config.matmulSize(), config.repeats(), log);
    double medianRate = MatmulRate.median(rates);
    double trainingGflops = medianRate / config.batchSize() * flopsPerStep / 1e9;
    double matmulGflops = MatmulRate.median(matmul);
    String threads = System.getenv().getOrDefault("OMP_NUM_THREADS", "unset");
    Provenance provenance = Provenance.collect("mnist benchmark", config, device.toString(),
        Map.of("init", config.seed()), List.of());
    String description = network.layers() + " x KernelLayer(" + network.kernelSpec() + ", d=2, h="
        + network.units() + ", " + config.locations().name().toLowerCase(Locale.ROOT)
        + " locations) -> concat -> relu -> Linear(10), batch " + config.batchSize();
    Path json = new ResultsWriter(config.output()).writeJson("benchmark.json", new Results(
        provenance, description, size, flopsPerStep, rates, medianRate, trainingGflops, matmul,
        matmulGflops, trainingGflops / matmulGflops, threads));
    terminal.out().println(description);
    terminal.out().printf(Locale.ROOT, "training (forward+backward+update): %.0f examples/s, %.2f"
            + " GFLOP/s of matrix products (%.1f MFLOP per example)%n", medianRate, trainingGflops,
        flopsPerStep / config.batchSize() / 1e6);
    terminal.out().printf(Locale.ROOT, "machine: %d x %d float32 matmul %.2f GFLOP/s; training"
            + " reaches %.1f %% of it (medians of %d; OMP_NUM_THREADS %s)%n", config.matmulSize(),
        config.matmulSize(), matmulGflops, 100 * trainingGflops / matmulGflops, config.repeats(),
        threads);
    terminal.out().println("Wrote " + json);
    terminal.out().flush();
  }
}
