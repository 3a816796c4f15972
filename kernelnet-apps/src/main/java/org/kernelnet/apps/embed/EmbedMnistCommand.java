package org.kernelnet.apps.embed;

import java.util.List;
import org.kernelnet.apps.cli.DeviceOption;
import org.kernelnet.apps.cli.OutputOptions;
import org.kernelnet.apps.inject.ApplicationCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kernelnet embed mnist}: the options of the MNIST embedding; the work is done by {@link
 * EmbedApp}. Options left out take the paper's values ({@link EmbedConfig#FULL}) or, with {@code
 * --quick}, those of a one-minute run ({@link EmbedConfig#QUICK}).
 */
@Command(
    name = "mnist",
    description = {
        "Trains the 784-2000-2000-2500-K1600-2000-2000-(10|784) network of Mueller et al. 2018"
            + " (section 3.3) on MNIST as a classifier or an autoencoder, embeds the test digits at"
            + " the centre of mass of the 40x40 kernel layer's activations and writes the maps (PNG),"
            + " the coordinates (CSV, JSON) and a results JSON with the k-NN score of the map before"
            + " and after training.",
        "Resumable: training is checkpointed after every epoch in " + AdamEmbedTrainer.CHECKPOINT
            + "; --resume continues from the last completed epoch with the numbers of an"
            + " uninterrupted run. Epochs after the first reseed the random generators from the"
            + " seed and the epoch."})
public final class EmbedMnistCommand extends ApplicationCommand<EmbedConfig> {
  @Mixin private DeviceOption device;
  @Mixin private OutputOptions.Resumable output;

  @Option(names = "--objective", paramLabel = "classifier|autoencoder", defaultValue = "classifier",
      description = "Train a 10-way classifier or a 784-pixel autoencoder; default: ${DEFAULT-VALUE}.")
  private Objective objective;

  @Option(names = "--quick", description = "A small network on a slice of the data (about a minute).")
  private boolean quick;

  @Option(names = "--hidden", split = ",", paramLabel = "W,W,...",
      description = "Encoder widths, each 1 to 100000; the last feeds the kernel layer (default "
          + EmbedConfig.HIDDEN + "; quick " + EmbedConfig.QUICK_HIDDEN + ").")
  private List<Integer> hidden;

  @Option(names = "--grid", paramLabel = "G",
      description = "Side of the G x G embedding grid, 2 to 200 (default "
          + EmbedConfig.GRID + "; quick " + EmbedConfig.QUICK_GRID + ").")
  private Integer grid;

  @Option(names = "--decoder", split = ",", paramLabel = "W,W,...",
      description = "Decoder widths, each 1 to 100000 (default " + EmbedConfig.DECODER
          + "; quick " + EmbedConfig.QUICK_DECODER + ").")
  private List<Integer> decoder;

  @Option(names = "--eta", defaultValue = "0.5",
      description = "Eq. 9 threshold mix in [0, 1) between mean and max; default: ${DEFAULT-VALUE}.")
  private double eta;

  @Option(names = "--kernel", paramLabel = "SPEC", defaultValue = EmbedConfig.DEFAULT_KERNEL,
      description = "Kernel of the embedding layer, distances in grid cells; default: ${DEFAULT-VALUE}.")
  private String kernel;

  @Option(names = "--epochs", description = "Training epochs, at least 1 (default "
      + EmbedConfig.EPOCHS + "; quick " + EmbedConfig.QUICK_EPOCHS + ").")
  private Integer epochs;

  @Option(names = "--batch-size",
      description = "Examples per step, at least 1 (default " + EmbedConfig.BATCH_SIZE
          + "; quick " + EmbedConfig.QUICK_BATCH_SIZE + ").")
  private Integer batchSize;

  @Option(names = "--learning-rate", defaultValue = "1e-3",
      description = "Adam learning rate; default: ${DEFAULT-VALUE}.")
  private double learningRate;

  @Option(names = "--train-size",
      description = "Training examples used, 1 to 60000 minus the validation examples (default "
          + EmbedConfig.TRAIN_SIZE + "; quick " + EmbedConfig.QUICK_TRAIN_SIZE + ").")
  private Integer trainSize;

  @Option(names = "--validation-size",
      description = "Examples held out of the training set, at least 1: the maps are scored on"
          + " them every epoch (default " + EmbedConfig.VALIDATION_SIZE + "; quick "
          + EmbedConfig.QUICK_VALIDATION_SIZE + ").")
  private Integer validationSize;

  @Option(names = "--test-size",
      description = "Test examples embedded, 1 to 10000 (default " + EmbedConfig.TEST_SIZE
          + "; quick " + EmbedConfig.QUICK_TEST_SIZE + ").")
  private Integer testSize;

  @Option(names = "--knn-k", defaultValue = "5",
      description = "Neighbours of the k-NN map score, at least 1; default: ${DEFAULT-VALUE}.")
  private int knnK;

  @Option(names = "--knn-fit-size",
      description = "Training examples the k-NN score is fitted on, from --knn-k to --train-size"
          + " (default: all used for training).")
  private Integer knnFitSize;

  @Option(names = "--traversal-steps", defaultValue = "10",
      description = "Bump centres per axis of the autoencoder traversal, 2 to 40; default:"
          + " ${DEFAULT-VALUE}.")
  private int traversalSteps;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed; default: ${DEFAULT-VALUE}.")
  private long seed;

  /** Runs {@link EmbedApp} with the {@link EmbedModule}. */
  public EmbedMnistCommand() {
    super(new EmbedModule(), EmbedApp.class);
  }

  @Override
  protected EmbedConfig toConfig() {
    EmbedConfig.Defaults d = quick ? EmbedConfig.QUICK : EmbedConfig.FULL;
    int train = trainSize != null ? trainSize : d.trainSize();
    return new EmbedConfig(
        objective,
        hidden != null ? hidden : d.hidden(),
        grid != null ? grid : d.grid(),
        decoder != null ? decoder : d.decoder(),
        eta,
        kernel,
        epochs != null ? epochs : d.epochs(),
        batchSize != null ? batchSize : d.batchSize(),
        learningRate,
        train,
        validationSize != null ? validationSize : d.validationSize(),
        testSize != null ? testSize : d.testSize(),
        knnK,
        knnFitSize != null ? knnFitSize : train,
        traversalSteps,
        seed,
        quick);
  }
}
