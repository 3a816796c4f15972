package org.kernelnet.apps.mnist.cli;

import java.util.List;
import org.kernelnet.apps.cli.DeviceOption;
import org.kernelnet.apps.cli.ListDefault;
import org.kernelnet.apps.cli.OutputOptions;
import org.kernelnet.apps.inject.ApplicationCommand;
import org.kernelnet.apps.mnist.DimensionalityApp;
import org.kernelnet.apps.mnist.DimensionalityConfig;
import org.kernelnet.apps.mnist.MnistModule;
import org.kernelnet.apps.report.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
            + " dimensionality-runs.jsonl: --resume reads back the runs recorded there with the same"
            + " data, epochs, batch size and H, and trains the others."})
public final class DimensionalityCommand extends ApplicationCommand<DimensionalityConfig> {
  static final String DIMENSIONS = "1,2,3,5,10,20,50";
  static final String QUICK_DIMENSIONS = "1,2,10";
  static final String LEARNING_RATES = "0.001,0.01";
  static final String QUICK_LEARNING_RATES = "0.01";
  static final String WEIGHT_DECAYS = "0,0.0001";
  static final String QUICK_WEIGHT_DECAYS = "0";
  static final int REPETITIONS = 5;
  static final int QUICK_REPETITIONS = 2;
  static final int EPOCHS = 5;
  static final int QUICK_EPOCHS = 2;

  @Mixin private DeviceOption device;
  @Mixin private RunOptions run;
  @Mixin private OutputOptions.Resumable output;

  @Option(names = "--kernels", split = ";", paramLabel = "SPEC", defaultValue = "dot;poly:degree=2;rbf:gamma=4",
      description = "Kernel specs from the registry, separated by ';' (a spec's own settings keep their"
          + " commas), e.g. 'dot;poly:degree=2,offset=1'; the option may also be repeated."
          + " Locations start as N(0, 1/d); rbf gamma=4 keeps the RBF"
          + " responsive from d=1 to 50 (a pilot at d=2/10/50: gamma=1 is too wide at small d,"
          + " gamma=16 too narrow at large d) (default: ${DEFAULT-VALUE}).")
  private List<String> kernels;

  @Option(names = "--dimensions", split = ",", paramLabel = "D",
      description = "Location dimensions d, each 1 to 784 (default: " + DIMENSIONS + "; "
          + QUICK_DIMENSIONS + " with --quick).")
  private List<Integer> dimensions;

  @Option(names = "--hidden", defaultValue = "100",
      description = "Hidden units H of the kernel layer, 1 to 4096 (default: ${DEFAULT-VALUE}).")
  private int hidden;

  @Option(names = "--lr", split = ",", paramLabel = "LR",
      description = "Adam learning rates searched (default: " + LEARNING_RATES + "; "
          + QUICK_LEARNING_RATES + " with --quick).")
  private List<Double> learningRates;

  @Option(names = "--weight-decay", split = ",", paramLabel = "L2",
      description = "L2 coefficients searched (default: " + WEIGHT_DECAYS + "; "
          + QUICK_WEIGHT_DECAYS + " with --quick).")
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

  /** Runs {@link DimensionalityApp} with the {@link MnistModule}. */
  public DimensionalityCommand() {
    super(new MnistModule(), DimensionalityApp.class);
  }

  @Override
  protected DimensionalityConfig toConfig() {
    boolean quick = run.quick();
    return new DimensionalityConfig(
        run.settings(),
        kernels,
        ListDefault.orElse(dimensions, quick ? QUICK_DIMENSIONS : DIMENSIONS, Integer::valueOf),
        hidden,
        ListDefault.orElse(learningRates, quick ? QUICK_LEARNING_RATES : LEARNING_RATES,
            Double::valueOf),
        ListDefault.orElse(weightDecays, quick ? QUICK_WEIGHT_DECAYS : WEIGHT_DECAYS,
            Double::valueOf),
        repetitions != null ? repetitions : quick ? QUICK_REPETITIONS : REPETITIONS,
        epochs != null ? epochs : quick ? QUICK_EPOCHS : EPOCHS,
        batchSize,
        output.resume());
  }

  /**
   * {@code --resume} continues the study in {@code --output DIR}, complete or not, with any
   * settings: its journal checks what the recorded runs share.
   */
  @Override
  protected RunFolder.Request runFolder(RunFolder.Request request, DimensionalityConfig config) {
    return request.extending();
  }

}
