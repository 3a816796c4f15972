package org.kernelnet.apps.mnist.cli;

import java.util.List;
import org.kernelnet.apps.cli.DeviceOption;
import org.kernelnet.apps.cli.ListDefault;
import org.kernelnet.apps.cli.OutputOptions;
import org.kernelnet.apps.inject.ApplicationCommand;
import org.kernelnet.apps.mnist.MnistModule;
import org.kernelnet.apps.mnist.PredictParamsApp;
import org.kernelnet.apps.mnist.PredictParamsConfig;
import org.kernelnet.apps.mnist.model.HiddenDictionary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kernelnet mnist predict-params}: the options of the Denil et al. experiment. */
@Command(
    name = "predict-params",
    description = {
        "Denil et al. (2013): a 784-500-500-10 MLP whose hidden layers have a fraction of their"
            + " weights predicted by kernel ridge regression (sqexp kernel) over the pixel grid (first"
            + " layer) and over coordinates of the hidden units (second layer); the output layer is"
            + " never predicted. Target: within 1 percentage point of the plain MLP up to 90 %%.",
        "Writes predict-params.json, predict-params.csv and predict-params.png."})
public final class PredictParamsCommand extends ApplicationCommand<PredictParamsConfig> {
  static final String FRACTIONS = "0,0.5,0.75,0.9,0.95";
  static final String QUICK_FRACTIONS = "0,0.9";
  static final int EPOCHS = 20;
  static final int QUICK_EPOCHS = 2;

  @Mixin private DeviceOption device;
  @Mixin private RunOptions run;
  @Mixin private OutputOptions output;

  @Option(names = "--fractions", split = ",", paramLabel = "F",
      description = "Fractions of the hidden layers' weights predicted, 0 = plain MLP (default: "
          + FRACTIONS + "; " + QUICK_FRACTIONS + " with --quick).")
  private List<Double> fractions;

  @Option(names = "--hidden", defaultValue = "500",
      description = "Hidden width H of both hidden layers, 1 to 4096 (default: ${DEFAULT-VALUE}).")
  private int hidden;

  @Option(names = "--hidden-dictionary", paramLabel = "grid|random", defaultValue = "grid",
      description = "Coordinates of the first layer's units for predicting the second layer: grid"
          + " (20x25 topographic grid) or random points (default: ${DEFAULT-VALUE}).")
  private HiddenDictionary hiddenDictionary;

  @Option(names = "--length-factor", defaultValue = "1.0",
      description = "sqexp length scale as a multiple of the mean spacing of the learned rows,"
          + " sqrt(inputs / |alpha|) (default: ${DEFAULT-VALUE}).")
  private double lengthFactor;

  @Option(names = "--kernel", paramLabel = "SPEC",
      description = "The kernel of both layers' dictionaries, any registered one (plugins"
          + " included) with its own scale, in place of Denil et al.'s sqexp:length=l; "
          + "--length-factor then does not apply.")
  private String kernel;

  @Option(names = "--ridge", defaultValue = "0.1",
      description = "Ridge lambda of the kernel regression (default: ${DEFAULT-VALUE}).")
  private double ridge;

  @Option(names = "--epochs",
      description = "Passes over the training set, 1 to 10000 (default: " + EPOCHS + ", "
          + QUICK_EPOCHS + " with --quick).")
  private Integer epochs;

  @Option(names = "--batch-size", defaultValue = "128",
      description = "Examples per step, 1 to 60000 (default: ${DEFAULT-VALUE}).")
  private int batchSize;

  @Option(names = "--lr", defaultValue = "0.001",
      description = "Adam's initial learning rate, cosine decay (default: ${DEFAULT-VALUE}).")
  private double learningRate;

  @Option(names = "--weight-decay", defaultValue = "0",
      description = "L2 coefficient on every trained parameter (default: ${DEFAULT-VALUE}).")
  private double weightDecay;

  /** Runs {@link PredictParamsApp} with the {@link MnistModule}. */
  public PredictParamsCommand() {
    super(new MnistModule(), PredictParamsApp.class);
  }

  @Override
  protected PredictParamsConfig toConfig() {
    boolean quick = run.quick();
    return new PredictParamsConfig(
        run.settings(),
        ListDefault.orElse(fractions, quick ? QUICK_FRACTIONS : FRACTIONS, Double::valueOf),
        hidden, hiddenDictionary, lengthFactor, ridge,
        epochs != null ? epochs : quick ? QUICK_EPOCHS : EPOCHS,
        batchSize, learningRate, weightDecay, kernel);
  }

}
