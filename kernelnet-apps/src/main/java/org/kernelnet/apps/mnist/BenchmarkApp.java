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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.apps.inject.Application;
import org.kernelnet.apps.inject.ComponentSpecs;
import org.kernelnet.apps.mnist.data.MnistData;
import org.kernelnet.apps.mnist.model.FlopCount;
import org.kernelnet.apps.mnist.model.GridPriorNetwork;
import org.kernelnet.apps.mnist.model.LayerForm;
import org.kernelnet.apps.mnist.model.ModelSize;
import org.kernelnet.apps.mnist.train.ClassifierTrainer;
import org.kernelnet.apps.report.MatmulRate;
import org.kernelnet.apps.report.ProgressLog;
import org.kernelnet.apps.report.Provenance;
import org.kernelnet.apps.report.Reporter;

/**
 * Measures grid-prior training throughput for each configured {@link LayerForm}: {@code repeats}
 * rounds, each timing {@code steps} training steps (forward, backward, Adam update) of every form on
 * one synthetic batch ({@code x ~ U(0, 1)}, random labels; the speed does not depend on the pixel
 * values) and then one {@code n x n} float32 product ({@code 2 n^3} FLOPs). The achieved rate counts
 * the FLOPs of the model's matrix products per step ({@link FlopCount#trainingFlops}, the same for
 * both forms); the machine's rate is the median of the products. Interleaving the measurements
 * exposes training and the reference product to the same load when the machine is shared. The
 * {@link BenchmarkResults} go to their reporters bound in {@link MnistModule}; the steps are taken
 * by the family's {@link ClassifierTrainer}.
 */
public final class BenchmarkApp implements Application {
  private final BenchmarkConfig config;
  private final KernelnetRegistry registry;
  private final ProgressLog log;
  private final ClassifierTrainer trainer;
  private final Device device;
  private final Set<Reporter<BenchmarkResults>> reporters;

  @Inject
  BenchmarkApp(BenchmarkConfig config, KernelnetRegistry registry, ProgressLog log,
      ClassifierTrainer trainer, Device device, Set<Reporter<BenchmarkResults>> reporters) {
    this.config = config;
    this.registry = registry;
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
    List<BenchmarkResults.Form> results = new ArrayList<>();
    for (Timed t : timed) {
      double medianRate = MatmulRate.median(t.rates);
      double trainingGflops = medianRate / config.batchSize() * t.flopsPerStep / 1e9;
      results.add(new BenchmarkResults.Form(t.network.form(), describe(t.network), t.size,
          t.flopsPerStep, t.rates, medianRate, trainingGflops, trainingGflops / matmulGflops));
    }
    String threads = System.getenv().getOrDefault("OMP_NUM_THREADS", "unset");
    Provenance provenance = Provenance.collect("mnist benchmark", config, device.toString(),
        Map.of("init", config.seed()), List.of()).withComponents(registry,
        timed.stream().map(t -> t.network.kernelSpec()).toList(), List.of());
    Reporter.reportAll(reporters,
        new BenchmarkResults(provenance, results, matmul, matmulGflops, threads));
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
          config.gamma(), 0, 0, 0, 0, 1, config.kernel());
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
