package org.kernelnet.apps.mnist.cli;

import java.util.List;
import org.kernelnet.apps.cli.DeviceOption;
import org.kernelnet.apps.cli.OutputOptions;
import org.kernelnet.apps.inject.ApplicationCommand;
import org.kernelnet.apps.mnist.GridPriorApp;
import org.kernelnet.apps.mnist.GridPriorConfig;
import org.kernelnet.apps.mnist.MnistModule;
import org.kernelnet.apps.mnist.model.LayerForm;
import org.kernelnet.apps.mnist.model.PixelLocations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kernelnet mnist grid-prior}: the options of Table 1; the work is done by the application. */
@Command(
    name = "grid-prior",
    description = {
        "Table 1 of Mueller et al. (2018): parallel 2-D Gaussian-RBF kernelNet layers over the pixels,"
            + " concatenated, ReLU, softmax; pixel locations fixed on the 28x28 grid versus random and"
            + " trained. Paper: 99.03 %% (grid) and 98.89 %% (random) test accuracy.",
        "Writes grid-prior.json (provenance, per-epoch history, test accuracy, parameters, MACs,"
            + " how far the pixel locations moved and how much of the image layout they hold),"
            + " grid-prior.csv, grid-prior.png (validation accuracy per epoch, or the training"
            + " loss with --validation-size 0) and locations-<variant>.csv (each pixel's location"
            + " before and after training).",
        "Resumable: each finished variant is recorded in " + GridPriorApp.JOURNAL + ", the"
            + " variant in training checkpointed after every epoch in " + GridPriorApp.CHECKPOINT
            + "; --resume continues from there with the numbers of an uninterrupted run. Epochs"
            + " after the first reseed the random generators from the seed and the epoch."})
public final class GridPriorCommand extends ApplicationCommand<GridPriorConfig> {
  static final int LAYERS = 32;
  static final int UNITS = 100;
  static final double GAMMA = 0.5;
  static final int BATCH_SIZE = 256;
  static final int EPOCHS = 30;
  static final int QUICK_EPOCHS = 2;
  static final double DROPOUT = 0.5;

  @Mixin private DeviceOption device;
  @Mixin private RunOptions run;
  @Mixin private OutputOptions.Resumable output;

  @Option(names = "--locations", split = ",",
      paramLabel = "grid|random|grid_trained|correlation", defaultValue = "grid,random",
      description = "Pixel-location variants to train: the grid, fixed (Table 1); random, trained"
          + " (Table 1); grid_trained, starting on the grid and trained, to see whether training"
          + " keeps the layout; correlation, learned from the training images' pixel correlations"
          + " (Isomap, no grid given), then trained (default: ${DEFAULT-VALUE}).")
  private List<PixelLocations> variants;

  @Option(names = "--form", paramLabel = "kernel|masked", defaultValue = "kernel",
      description = "kernel: layer p has W_p[i,j] = alpha_pi K(u_pi, v_pj), one template per layer"
          + " (the paper's kernelNet layer); masked: W[i,j] = A_ij K(u_i, v_j) with free A, every"
          + " unit its own weights under its Gaussian window (the sparse-FC form)"
          + " (default: ${DEFAULT-VALUE}).")
  private LayerForm form;

  @Option(names = "--layers", defaultValue = "" + LAYERS,
      description = "Parallel kernel layers P, 1 to 256 (default: ${DEFAULT-VALUE}).")
  private int layers;

  @Option(names = "--units", defaultValue = "" + UNITS,
      description = "Output units h of each kernel layer, 1 to 4096 (default: ${DEFAULT-VALUE}).")
  private int units;

  @Option(names = "--gamma", defaultValue = "" + GAMMA,
      description = "RBF gamma in 1/pixel^2; 1/(2 sigma^2) for a receptive field of sigma pixels"
          + " (default: ${DEFAULT-VALUE}).")
  private double gamma;

  @Option(names = "--kernel", paramLabel = "SPEC",
      description = "The kernel of every kernel layer, any registered one (plugins included), in"
          + " place of the paper's rbf:gamma=GAMMA; --gamma then does not apply.")
  private String kernel;

  @Option(names = "--init-scale", defaultValue = "1",
      description = "Standard deviation of the normal draw that starts the per-pixel scales alpha"
          + " (kernel form) or the free weights A (masked form) (default: ${DEFAULT-VALUE}).")
  private double initScale;

  @Option(names = "--location-noise", defaultValue = "0",
      description = "Std (pixels) of Gaussian noise on the input locations during training, 0 for"
          + " none (default: ${DEFAULT-VALUE}).")
  private double locationNoise;

  @Option(names = "--input-dropout", defaultValue = "0",
      description = "Dropout on the pixels, before the kernel layers (default: ${DEFAULT-VALUE}).")
  private double inputDropout;

  @Option(names = "--dropout", defaultValue = "" + DROPOUT,
      description = "Dropout before each dense layer; 0.5 beat 0 on validation accuracy over 30"
          + " epochs (default: ${DEFAULT-VALUE}).")
  private double dropout;

  @Option(names = "--hidden", defaultValue = "0",
      description = "Units of a fully connected ReLU layer between the kernel layers and the"
          + " softmax layer, with its own dropout, up to 8192; 0 for none, the paper's network"
          + " (default: ${DEFAULT-VALUE}).")
  private int hidden;

  @Option(names = "--epochs",
      description = "Passes over the training set, 1 to 10000 (default: " + EPOCHS + ", "
          + QUICK_EPOCHS + " with --quick).")
  private Integer epochs;

  @Option(names = "--batch-size", defaultValue = "" + BATCH_SIZE,
      description = "Examples per step, 1 to 60000; large batches amortise the per-operation"
          + " overhead of the P layers (default: ${DEFAULT-VALUE}).")
  private int batchSize;

  @Option(names = "--lr", defaultValue = "0.01",
      description = "Adam's initial learning rate, decayed by a cosine to 1/100 of it"
          + " (default: ${DEFAULT-VALUE}).")
  private double learningRate;

  @Option(names = "--weight-decay", defaultValue = "0",
      description = "L2 coefficient on every trained parameter (default: ${DEFAULT-VALUE}).")
  private double weightDecay;

  @Option(names = "--location-lr-factor", defaultValue = "1",
      description = "Factor on the learning rate of the unit locations (the trained pixel locations"
          + " and the output locations); 0 keeps them where they start (default: ${DEFAULT-VALUE}).")
  private double locationRateFactor;

  @Option(names = "--label-smoothing", defaultValue = "0",
      description = "Label smoothing eps: the training target is (1 - eps) one-hot + eps/10"
          + " (default: ${DEFAULT-VALUE}).")
  private double labelSmoothing;

  @Option(names = "--ema-decay", defaultValue = "0",
      description = "Decay beta of an exponential moving average of the weights, updated after every"
          + " step; validation and test use the average, e.g. 0.999 (about the last 1000 steps);"
          + " 0 for none (default: ${DEFAULT-VALUE}).")
  private double emaDecay;

  /** Runs {@link GridPriorApp} with the {@link MnistModule}. */
  public GridPriorCommand() {
    super(new MnistModule(), GridPriorApp.class);
  }

  @Override
  protected GridPriorConfig toConfig() {
    return new GridPriorConfig(
        run.settings(), variants, form, layers, units, gamma,
        initScale, locationNoise, inputDropout, dropout, hidden,
        epochs != null ? epochs : run.quick() ? QUICK_EPOCHS : EPOCHS, batchSize, learningRate,
        weightDecay, locationRateFactor, labelSmoothing, emaDecay, kernel);
  }

}
