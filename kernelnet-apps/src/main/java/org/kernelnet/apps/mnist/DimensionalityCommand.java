package org.kernelnet.apps.mnist;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.concurrent.Callable;
import org.kernelnet.apps.cli.CommonOptions;
import org.kernelnet.apps.cli.DeviceOption;
import org.kernelnet.apps.cli.Environment;
import org.kernelnet.apps.cli.OutputOptions;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.inject.ApplicationRunner;
import org.kernelnet.apps.inject.CoreSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kernelnet mnist dimensionality}: the options of Figure 3. */
@Command(
    name = "dimensionality",
    description = {
        "Figure 3 of Mueller et al. (2018): 784 -> KernelLayer(kernel, d, H) -> relu -> Linear(10)"
            + " for each kernel and location dimension d; Adam over a grid of learning rate and L2,"
            + " R repetitions; the best mean validation accuracy with its standard error.",
        "Checks the paper's finding (higher-dimensional embeddings win at small d, dot catches up at"
            + " large d). Writes dimensionality.json (provenance, every run, the table, the check),"
            + " dimensionality.csv, dimensionality.png and, as each run ends,"
            + " dimensionality-runs.jsonl (see --resume)."})
public final class DimensionalityCommand implements Callable<Integer> {
  static final List<Integer> DIMENSIONS = List.of(1, 2, 3, 5, 10, 20, 50);
  static final List<Integer> QUICK_DIMENSIONS = List.of(1, 2, 10);
  static final List<Double> LEARNING_RATES = List.of(0.001, 0.01);
  static final List<Double> QUICK_LEARNING_RATES = List.of(0.01);
  static final List<Double> WEIGHT_DECAYS = List.of(0.0, 1e-4);
  static final List<Double> QUICK_WEIGHT_DECAYS = List.of(0.0);
  static final int REPETITIONS = 5;
  static final int QUICK_REPETITIONS = 2;
  static final int EPOCHS = 5;
  static final int QUICK_EPOCHS = 2;

  private final Environment environment;

  @Mixin private CommonOptions common;
  @Mixin private DeviceOption device;
  @Mixin private RunOptions run;
  @Mixin private OutputOptions output;

  @Option(names = "--kernels", split = ";", paramLabel = "SPEC", defaultValue = "dot;poly:degree=2;rbf:gamma=4",
      description = "Kernel specs from the registry, separated by ';' (a spec's own settings keep their"
          + " commas), e.g. 'dot;poly:degree=2,offset=1'; the option may also be repeated."
          + " Locations start as N(0, 1/d); rbf gamma=4 keeps the RBF"
          + " responsive from d=1 to 50 (a pilot at d=2/10/50: gamma=1 is too wide at small d,"
          + " gamma=16 too narrow at large d) (default: ${DEFAULT-VALUE}).")
  private List<String> kernels;

  @Option(names = "--dimensions", split = ",", paramLabel = "D",
      description = "Location dimensions d, each 1 to 784 (default: 1,2,3,5,10,20,50; 1,2,10"
          + " with --quick).")
  private List<Integer> dimensions;

  @Option(names = "--hidden", defaultValue = "100",
      description = "Hidden units H of the kernel layer, 1 to 4096 (default: ${DEFAULT-VALUE}).")
  private int hidden;

  @Option(names = "--lr", split = ",", paramLabel = "LR",
      description = "Adam learning rates searched (default: 0.001,0.01; 0.01 with --quick).")
  private List<Double> learningRates;

  @Option(names = "--weight-decay", split = ",", paramLabel = "L2",
      description = "L2 coefficients searched (default: 0,0.0001; 0 with --quick).")
  private List<Double> weightDecays;

  @Option(names = "--repetitions", paramLabel = "R",
      description = "Runs per configuration, 1 to 100 (default: " + REPETITIONS + ", "
          + QUICK_REPETITIONS + " with --quick).")
  private Integer repetitions;

  @Option(names = "--epochs",
      description = "Passes over the training set per run, 1 to 10000 (default: " + EPOCHS + ", "
          + QUICK_EPOCHS + " with --quick).")
  private Integer epochs;

  @Option(names = "--batch-size", defaultValue = "128",
      description = "Examples per step, 1 to 60000 (default: ${DEFAULT-VALUE}).")
  private int batchSize;

  @Option(names = "--resume",
      description = "Continue the study in --output DIR: runs recorded in its "
          + DimensionalityApp.JOURNAL + " with the same data, epochs, batch size and H are read"
          + " back, the others trained.")
  private boolean resume;

  @Spec private CommandSpec spec;

  /** @param environment the environment variables and home folder the command runs with */
  public DimensionalityCommand(Environment environment) {
    this.environment = requireNonNull(environment, "environment is null");
  }

  @Override
  public Integer call() throws Exception {
    boolean quick = run.quick();
    DimensionalityConfig config = new DimensionalityConfig(
        run.settings(),
        kernels,
        pick(dimensions, quick ? QUICK_DIMENSIONS : DIMENSIONS),
        hidden,
        pick(learningRates, quick ? QUICK_LEARNING_RATES : LEARNING_RATES),
        pick(weightDecays, quick ? QUICK_WEIGHT_DECAYS : WEIGHT_DECAYS),
        repetitions != null ? repetitions : quick ? QUICK_REPETITIONS : REPETITIONS,
        epochs != null ? epochs : quick ? QUICK_EPOCHS : EPOCHS,
        batchSize,
        resume);
    Terminal terminal = new Terminal(spec.commandLine().getOut(), spec.commandLine().getErr());
    ApplicationRunner.run(CoreSettings.of(common, device.device(), environment),
        output.request().resumable(resume), terminal, new DimensionalityModule(config),
        DimensionalityApp.class);
    return ExitCode.OK;
  }

  private static <T> List<T> pick(List<T> given, List<T> fallback) {
    return given != null ? given : fallback;
  }
}
