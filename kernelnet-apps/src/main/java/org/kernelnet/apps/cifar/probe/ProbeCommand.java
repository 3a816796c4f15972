package org.kernelnet.apps.cifar.probe;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.kernelnet.apps.cli.ConfigurationException;
import org.kernelnet.apps.cli.DeviceOption;
import org.kernelnet.apps.cli.ListDefault;
import org.kernelnet.apps.cli.OutputOptions;
import org.kernelnet.apps.inject.ApplicationCommand;
import org.kernelnet.apps.report.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kernelnet cifar probe}: the options of the ResNet probe; the work is done by {@link
 * ProbeApp}. {@code --quick} changes the defaults of the size options ({@code QUICK_...}: fewer
 * training and test images and epochs, one cut, no mirror images or crops); options given
 * explicitly still win.
 */
@Command(
    name = "probe",
    description = {
        "Section 3.4 of Mueller et al. 2018 (Table 2, Figure 7): cuts a pretrained CIFAR-10 ResNet after"
            + " L layers, freezes it, and trains an appended head FC-500 (ReLU) -> 2-D RBF kernelNet"
            + " layer of 30x30 units on a fixed grid -> Eq. 9 threshold -> softmax on the trunk's"
            + " features. Reports the full network's and each head's test accuracy on the main test"
            + " set and on the lossless first 1,000 test images, and draws the test images at their"
            + " centre of mass on the grid.",
        "Data: the official binary batches (cifar10/data_batch_*.bin, test_batch.bin) or the JPEG"
            + " image folders (cifar10-jpeg/); weights: pretrained/resnet<depth>_cifar10.npz.",
        "Resumable: each head is checkpointed after every epoch in checkpoint-L<kept>.bin;"
            + " --resume continues the head in training from its last completed epoch and takes"
            + " finished heads from their checkpoints. Epochs after the first reseed the engine's"
            + " generator from the head's seed and the epoch."})
public final class ProbeCommand extends ApplicationCommand<ProbeConfig> {
  static final int QUICK_TRAIN = 2000;
  static final int QUICK_TEST = 1000;
  static final int QUICK_EPOCHS = 2;
  static final int DEFAULT_EPOCHS = 40;
  static final int DEFAULT_VALIDATION = 5000;
  static final int QUICK_VALIDATION = 200;
  static final String QUICK_KEEP = "31";
  static final String DEFAULT_KEEP = "31,21,11";
  static final int DEFAULT_CROPS = 4;
  static final String DEFAULT_CACHE = "results/cifar-probe/feature-cache";

  @Mixin private DeviceOption device;
  @Mixin private OutputOptions.Resumable output;

  @Option(names = "--depth", defaultValue = "32", paramLabel = "20|32|44|56",
      description = "Depth of the pretrained ResNet (default: ${DEFAULT-VALUE}).")
  private int depth;

  @Option(names = "--keep", split = ",", paramLabel = "L[,L...]",
      description = "Numbers of layers kept, 1 + 2k below the depth (default: " + DEFAULT_KEEP
          + "; --quick: " + QUICK_KEEP + ").")
  private List<Integer> keep;

  @Option(names = "--pool", defaultValue = "8", paramLabel = "full|P",
      description = "Average-pool the trunk's last feature map to P x P cells before the head (P = 1, 2,"
          + " 4, ..., 32 dividing the map side; 8 keeps the whole 8 x 8 map of the last stage and averages"
          + " 2 x 2 / 4 x 4 pixels of the 16 x 16 / 32 x 32 maps of earlier cuts), or feed it the whole"
          + " map (full: C x H x W features, as in the paper). 1 is the trunk's own global average"
          + " pooling, which loses the spatial layout that the heads on early cuts need (default:"
          + " ${DEFAULT-VALUE}).")
  private String pool;

  @Option(names = "--format", defaultValue = "auto", paramLabel = "auto|binary|folder",
      description = "Images from the official binary batches, the JPEG image folders, or auto (binary"
          + " when all batches are present; default: ${DEFAULT-VALUE}).")
  private ProbeConfig.DataFormat format;

  @Option(names = "--train-limit", paramLabel = "N",
      description = "Use N training images, N >= 20 (image folders: N/10 per class; default: all;"
          + " --quick: " + QUICK_TRAIN + ").")
  private Integer trainLimit;

  @Option(names = "--test-limit", paramLabel = "N",
      description = "Use N images of the main test set, N >= 10 (default: all; --quick: "
          + QUICK_TEST + ").")
  private Integer testLimit;

  @Option(names = "--validation", paramLabel = "N",
      description = "Training images held out for validation and early stopping, at least 1"
          + " (default: " + DEFAULT_VALIDATION + "; --quick: " + QUICK_VALIDATION + ").")
  private Integer validation;

  @Option(names = "--hidden", defaultValue = "500", paramLabel = "N",
      description = "Width of the fully connected layer, at least 1 (default: ${DEFAULT-VALUE}).")
  private int hidden;

  @Option(names = "--grid", defaultValue = "30", paramLabel = "N",
      description = "The kernel layer has N x N units on a fixed grid, N from 2 to 100 (default:"
          + " ${DEFAULT-VALUE}).")
  private int grid;

  @Option(names = "--grid-extent", defaultValue = "2.0", paramLabel = "X",
      description = "Side length of the grid, centred at 0 (default: ${DEFAULT-VALUE}).")
  private double gridExtent;

  @Option(names = "--kernel", paramLabel = "SPEC",
      description = "Kernel of the grid layer, e.g. rbf:gamma=100 (default: rbf with gamma ="
          + " 1 / (2 spacing^2), 105.125 for the default grid).")
  private String kernel;

  @Option(names = "--eta", defaultValue = "0.5", paramLabel = "ETA",
      description = "Eq. 9 threshold f(x) = max(0, x - (eta max x + (1 - eta) mean x)) after the"
          + " kernel layer, eta in [0, 1) (default: ${DEFAULT-VALUE}).")
  private double eta;

  @Option(names = "--no-threshold",
      description = "Use a ReLU after the kernel layer instead of the Eq. 9 threshold.")
  private boolean noThreshold;

  @Option(names = "--epochs", paramLabel = "N",
      description = "Most training epochs per head, at least 1; early stopping on the validation"
          + " images usually ends training sooner (default: " + DEFAULT_EPOCHS + "; --quick: "
          + QUICK_EPOCHS + ").")
  private Integer epochs;

  @Option(names = "--patience", defaultValue = "3", paramLabel = "N",
      description = "Stop after N epochs without a better validation accuracy, N >= 1 (default:"
          + " ${DEFAULT-VALUE}).")
  private int patience;

  @Option(names = "--batch-size", defaultValue = "256", paramLabel = "N",
      description = "Training batch size, at least 1 (default: ${DEFAULT-VALUE}).")
  private int batchSize;

  @Option(names = "--lr", defaultValue = "0.001", paramLabel = "X",
      description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
  private double learningRate;

  @Option(names = "--weight-decay", defaultValue = "0", paramLabel = "X",
      description = "L2 weight decay of Adam (default: ${DEFAULT-VALUE}).")
  private double weightDecay;

  @Option(names = "--dropout", defaultValue = "0.3", paramLabel = "P",
      description = "Dropout rate on the head's input features while training; 0.3 beat 0 on validation"
          + " accuracy after 21 layers (default: ${DEFAULT-VALUE}).")
  private double dropout;

  @Option(names = "--mirror", negatable = true,
      description = "Also train on the features of the left-right mirror images of the training"
          + " images; --no-mirror: the images only (default: on; --quick: off).")
  private Boolean mirror;

  @Option(names = "--crops", paramLabel = "K",
      description = "Also train on K sets of random crops of the training images (zero-padded by 4"
          + " pixels, cropped to 32 x 32, mirrored with probability 1/2; one trunk pass per set, cached)."
          + " Each epoch draws, per image, one of its views (itself, its mirror image, its crops)"
          + " uniformly; 4 beat 0 on validation accuracy after 21 and 11 layers; up to "
          + ProbeConfig.MAX_CROPS + ", 0 for none (default: " + DEFAULT_CROPS + "; --quick: 0).")
  private Integer crops;

  @Option(names = "--feature-batch", defaultValue = "200", paramLabel = "N",
      description = "Images per trunk forward pass, at least 1 (default: ${DEFAULT-VALUE}).")
  private int featureBatch;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "N",
      description = "Seed of the validation split, the shuffles and the initialisation (default:"
          + " ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--cache", paramLabel = "DIR",
      description = "Folder of the on-disk feature cache, keyed by depth, layers kept, pooling, weights"
          + " and data checksums (default: " + DEFAULT_CACHE + ").")
  private Path cache;

  @Option(names = "--no-cache", description = "Keep trunk features in memory only.")
  private boolean noCache;

  @Option(names = "--quick",
      description = "A one-minute run: " + QUICK_TRAIN + " training and " + QUICK_TEST + " test"
          + " images, " + QUICK_EPOCHS + " epochs, " + QUICK_KEEP + " layers kept, no mirror"
          + " images or crops.")
  private boolean quick;

  /** Runs {@link ProbeApp} with the {@link CifarModule}. */
  public ProbeCommand() {
    super(new CifarModule(), ProbeApp.class);
  }

  @Override
  protected ProbeConfig toConfig() {
    Optional<Path> cacheFolder = noCache ? Optional.empty()
        : Optional.of(cache != null ? cache : Path.of(DEFAULT_CACHE));
    return new ProbeConfig(
        depth,
        ListDefault.orElse(keep, quick ? QUICK_KEEP : DEFAULT_KEEP, Integer::valueOf),
        pool(pool),
        format,
        optional(trainLimit, quick ? QUICK_TRAIN : null),
        optional(testLimit, quick ? QUICK_TEST : null),
        validation != null ? validation : quick ? QUICK_VALIDATION : DEFAULT_VALIDATION,
        hidden,
        grid,
        gridExtent,
        Optional.ofNullable(kernel),
        noThreshold ? OptionalDouble.empty() : OptionalDouble.of(eta),
        epochs != null ? epochs : quick ? QUICK_EPOCHS : DEFAULT_EPOCHS,
        patience,
        batchSize,
        learningRate,
        weightDecay,
        dropout,
        mirror != null ? mirror : !quick,
        crops != null ? crops : quick ? 0 : DEFAULT_CROPS,
        featureBatch,
        seed,
        cacheFolder,
        quick);
  }

  /** {@code full} as empty, a number as itself; anything else is a configuration error. */
  static OptionalInt pool(String text) {
    if (text.trim().equalsIgnoreCase("full")) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(text.trim()));
    } catch (NumberFormatException e) {
      throw new ConfigurationException("--pool must be full or a number of cells per side, got '" + text
          + "'");
    }
  }

  private static OptionalInt optional(Integer given, Integer quickDefault) {
    Integer value = given != null ? given : quickDefault;
    return value == null ? OptionalInt.empty() : OptionalInt.of(value);
  }

  /** A resumable run records its settings as {@link ProbeConfig#describe()} gives them. */
  @Override
  protected RunFolder.Request runFolder(RunFolder.Request request, ProbeConfig config) {
    return request.recording(config.describe());
  }
}
