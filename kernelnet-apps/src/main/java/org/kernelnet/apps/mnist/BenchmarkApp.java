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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.inject.Application;
import org.kernelnet.apps.mnist.data.MnistData;
import org.kernelnet.apps.mnist.model.FlopCount;
import org.kernelnet.apps.mnist.model.GridPriorNetwork;
import org.kernelnet.apps.mnist.model.LayerForm;
import org.kernelnet.apps.mnist.model.ModelSize;
import org.kernelnet.apps.mnist.train.ClassifierTrainer;
import org.kernelnet.apps.report.MatmulRate;
import org.kernelnet.apps.report.ProgressLog;
import org.kernelnet.apps.report.Provenance;
import org.kernelnet.apps.report.ResultsWriter;

/**
 * Measures grid-prior training throughput for each configured {@link LayerForm}: {@code repeats}
 * rounds, each timing {@code steps} training steps (forward, backward, Adam update) of every form on
 * one synthetic batch ({@code x ~ U(0, 1)}, random labels; the speed does not depend on the pixel
 * values) and then one {@code n x n} float32 product ({@code 2 n^3} FLOPs). The achieved rate counts
 * the FLOPs of the model's matrix products per step ({@link FlopCount#trainingFlops}, the same for
 * both forms); the machine's rate is the median of the products. Interleaving the measurements
 * exposes training and the reference product to the same load when the machine is shared.
 */
public final class BenchmarkApp implements Application {
  private final BenchmarkConfig config;
  private final KernelnetRegistry registry;
  private final Terminal terminal;
  private final ProgressLog log;
  private final ClassifierTrainer trainer;
  private final Device device;
  private final ResultsWriter writer;

  @Inject
  BenchmarkApp(BenchmarkConfig config, KernelnetRegistry registry, Terminal terminal,
      ProgressLog log, ClassifierTrainer trainer, Device device, ResultsWriter writer) {
    this.config = config;
    this.registry = registry;
    this.terminal = terminal;
    this.log = log;
    this.trainer = trainer;
    this.device = device;
    this.writer = writer;
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
   * @param matmulGflops each matmul measurement, one per round
   * @param medianMatmulGflops their median
   * @param threads PyTorch's intra-op threads as configured ({@code OMP_NUM_THREADS} or unset)
   */
  record Results(Provenance provenance, List<FormResult> forms, double[] matmulGflops,
      double medianMatmulGflops, String threads) {}

  @Override
  public void run() throws Exception {
    List<Timed> timed = new ArrayList<>();
    double[] matmul = new double[config.repeats()];
    try {
      for (LayerForm form : config.forms()) {
        timed.add(new Timed(form));
      }
      for (int r = 0; r < config.repeats(); r++) {
        for (Timed t : timed) {
          t.measure(r);
        }
        matmul[r] = MatmulRate.measure(device, config.matmulSize(), 1, log)[0];
      }
    } finally {
      for (Timed t : timed) {
        t.close();
      }
    }
    double matmulGflops = MatmulRate.median(matmul);
    List<FormResult> results = new ArrayList<>();
    for (Timed t : timed) {
      double medianRate = MatmulRate.median(t.rates);
      double trainingGflops = medianRate / config.batchSize() * t.flopsPerStep / 1e9;
      results.add(new FormResult(t.network.form(), describe(t.network), t.size, t.flopsPerStep,
          t.rates, medianRate, trainingGflops, trainingGflops / matmulGflops));
    }
    String threads = System.getenv().getOrDefault("OMP_NUM_THREADS", "unset");
    Provenance provenance = Provenance.collect("mnist benchmark", config, device.toString(),
        Map.of("init", config.seed()), List.of());
    Path json = writer.writeJson("benchmark.json",
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

  /** The network's description with its pixel locations and the batch size. */
  private String describe(GridPriorNetwork network) {
    return network.describe() + " (" + config.locations().name().toLowerCase(Locale.ROOT)
        + " locations), batch " + config.batchSize();
  }

  /** The network of one form with its trainer and batch, initialised and warmed up. */
  private final class Timed implements AutoCloseable {
    final GridPriorNetwork network;
    final double flopsPerStep;
    final ModelSize size;
    final double[] rates = new double[config.repeats()];
    private final String label;
    private final Model model;
    private final Trainer djlTrainer;
    private final NDList x;
    private final NDList y;

    Timed(LayerForm form) {
      network = new GridPriorNetwork(config.locations(), form, config.layers(), config.units(),
          config.gamma(), 0, 0, 0, 0, 1);
      flopsPerStep = network.flopCount().trainingFlops(config.batchSize());
      label = form.name().toLowerCase(Locale.ROOT);
      Engine.getInstance().setRandomSeed((int) config.seed());
      int pixels = MnistData.SIDE * MnistData.SIDE;
      model = Model.newInstance("benchmark-" + label, device);
      model.setBlock(network.build(registry.kernel(network.kernelSpec())));
      djlTrainer = trainer.newTrainer(model,
          new ClassifierTrainer.Settings(1, config.batchSize(), 1e-3, 0, false), 1);
      djlTrainer.initialize(new Shape(config.batchSize(), pixels));
      NDManager batch = model.getNDManager();
      x = new NDList(batch.randomUniform(0f, 1f, new Shape(config.batchSize(), pixels)));
      y = new NDList(batch.randomInteger(0, 10, new Shape(config.batchSize()), DataType.INT32)
          .toType(DataType.FLOAT32, false));
      for (int i = 0; i < config.warmupSteps(); i++) {
        trainer.step(djlTrainer, x, y);
      }
      size = ModelSize.of(model.getBlock());
    }

    /** Times round {@code r}. */
    void measure(int r) {
      long start = System.nanoTime();
      for (int i = 0; i < config.steps(); i++) {
        trainer.step(djlTrainer, x, y);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      rates[r] = (double) config.steps() * config.batchSize() / seconds;
      log.always("%s training %d/%d: %.0f examples/s, %.2f GFLOP/s", label, r + 1,
          config.repeats(), rates[r], rates[r] / config.batchSize() * flopsPerStep / 1e9);
    }

    @Override
    public void close() {
      djlTrainer.close();
      model.close();
    }
  }
}
