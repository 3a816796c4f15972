package org.kernelnet.apps.mnist.cli;

import java.util.List;
import org.kernelnet.apps.cli.DeviceOption;
import org.kernelnet.apps.cli.OutputOptions;
import org.kernelnet.apps.inject.ApplicationCommand;
import org.kernelnet.apps.mnist.BenchmarkApp;
import org.kernelnet.apps.mnist.BenchmarkConfig;
import org.kernelnet.apps.mnist.MnistModule;
import org.kernelnet.apps.mnist.model.LayerForm;
import org.kernelnet.apps.mnist.model.PixelLocations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kernelnet mnist benchmark}: training speed of the grid-prior network. */
@Command(
    name = "benchmark",
    description = {
        "Times grid-prior training steps (forward, backward, Adam update) on a synthetic batch,"
            + " for each layer form, and reports the median examples/second and the GFLOP/s of the model's matrix products,"
            + " next to the machine's single-precision matmul rate measured in the same run (median"
            + " of several n x n products).",
        "Writes benchmark.json. PyTorch's threads: set OMP_NUM_THREADS (or"
            + " -Dai.djl.pytorch.num_threads) to match the free cores of a shared machine."})
public final class BenchmarkCommand extends ApplicationCommand<BenchmarkConfig> {
  static final int WARMUP_STEPS = 10;
  static final int QUICK_WARMUP_STEPS = 2;
  static final int STEPS = 30;
  static final int QUICK_STEPS = 5;
  static final int REPEATS = 7;
  static final int QUICK_REPEATS = 3;

  @Mixin private DeviceOption device;
  @Mixin private OutputOptions output;

  @Option(names = "--seed", defaultValue = "42",
      description = "Seed of the initialisation and the batch (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--quick", description = "Fewer steps and repeats (a few seconds).")
  private boolean quick;

  @Option(names = "--locations", paramLabel = "grid|random", defaultValue = "grid",
      description = "Pixel-location variant (default: ${DEFAULT-VALUE}).")
  private PixelLocations locations;

  @Option(names = "--form", split = ",", paramLabel = "kernel|masked",
      defaultValue = "kernel,masked",
      description = "Layer forms to time, one network each, as grid-prior --form (default:"
          + " ${DEFAULT-VALUE}).")
  private List<LayerForm> forms;

  @Option(names = "--layers", defaultValue = "" + GridPriorCommand.LAYERS,
      description = "Parallel kernel layers P, 1 to 256 (default: ${DEFAULT-VALUE}).")
  private int layers;

  @Option(names = "--units", defaultValue = "" + GridPriorCommand.UNITS,
      description = "Units h of each kernel layer, 1 to 4096 (default: ${DEFAULT-VALUE}).")
  private int units;

  @Option(names = "--gamma", defaultValue = "" + GridPriorCommand.GAMMA,
      description = "RBF gamma in 1/pixel^2 (default: ${DEFAULT-VALUE}).")
  private double gamma;

  @Option(names = "--kernel", paramLabel = "SPEC",
      description = "The kernel timed, any registered one (plugins included), in place of"
          + " rbf:gamma=GAMMA; --gamma then does not apply.")
  private String kernel;

  @Option(names = "--batch-size", defaultValue = "" + GridPriorCommand.BATCH_SIZE,
      description = "Examples per step, 1 to 60000 (default: ${DEFAULT-VALUE}, as grid-prior).")
  private int batchSize;

  @Option(names = "--warmup-steps",
      description = "Untimed steps first, up to 1000000; 0 for none (default: " + WARMUP_STEPS
          + ", " + QUICK_WARMUP_STEPS + " with --quick).")
  private Integer warmupSteps;

  @Option(names = "--steps",
      description = "Timed steps per measurement, 1 to 1000000 (default: " + STEPS + ", "
          + QUICK_STEPS + " with --quick).")
  private Integer steps;

  @Option(names = "--repeats",
      description = "Measurements of training and of the matmul, 1 to 1000; medians are printed"
          + " (default: " + REPEATS + ", " + QUICK_REPEATS + " with --quick).")
  private Integer repeats;

  @Option(names = "--matmul-size", defaultValue = "2048",
      description = "n of the n x n float32 product timed for the machine's rate, 16 to 8192"
          + " (default: ${DEFAULT-VALUE}).")
  private int matmulSize;

  /** Runs {@link BenchmarkApp} with the {@link MnistModule}. */
  public BenchmarkCommand() {
    super(new MnistModule(), BenchmarkApp.class);
  }

  @Override
  protected BenchmarkConfig toConfig() {
    return new BenchmarkConfig(seed, locations, forms, layers, units, gamma, batchSize,
        warmupSteps != null ? warmupSteps : quick ? QUICK_WARMUP_STEPS : WARMUP_STEPS,
        steps != null ? steps : quick ? QUICK_STEPS : STEPS,
        repeats != null ? repeats : quick ? QUICK_REPEATS : REPEATS, matmulSize, kernel);
  }

}
