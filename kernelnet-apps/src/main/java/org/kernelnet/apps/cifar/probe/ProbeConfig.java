package org.kernelnet.apps.cifar.probe;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.kernelnet.apps.cifar.resnet.CifarResNet;
import org.kernelnet.apps.cifar.resnet.PretrainedResNets;
import org.kernelnet.apps.cli.ConfigurationException;

/**
 * The configuration of {@code kernelnet cifar probe}: which pretrained ResNet, where to cut it, the
 * head appended to the frozen trunk and how it is trained.
 *
 * <p>Head on trunk features {@code f [B, D]} (standardised with the training set's per-feature mean
 * and std): {@code FC-hidden (ReLU) -> K(grid x grid) -> f -> Linear 10}, where {@code K} is a 2-D
 * kernelNet layer whose output locations are frozen on a {@code grid x grid} lattice spanning {@code
 * gridExtent}, and {@code f} is Eq. 9 with {@code eta} (or a ReLU when {@code eta} is absent).
 *
 * @param depth the pretrained ResNet depth, one of {@link PretrainedResNets#DEPTHS}
 * @param keep the numbers of kept layers, each {@code 1 + 2k < depth} (see {@link
 *     CifarResNet#validKeptLayers(int)}), distinct
 * @param pool average pooling of the trunk's last feature map to {@code pool x pool} cells before
 *     flattening, a power of two dividing the map side of every cut; 1 is the trunk's own global
 *     average pooling; absent: the whole map, unpooled ({@link #cellsPerSide(int)})
 * @param format where the images come from
 * @param trainLimit use only this many training images (absent: all); for an image folder the first
 *     {@code trainLimit / 10} images of each class
 * @param testLimit use only this many images of the main test set (absent: all), chosen like
 *     {@code trainLimit}
 * @param validation training images held out (by {@code seed}) for validation accuracy and early
 *     stopping, in {@code 1 .. trainImages - 1}
 * @param hidden width of the fully connected layer (500 in the paper)
 * @param grid rows and columns of the kernel layer's output grid (30 in the paper: 900 units)
 * @param gridExtent the side length the grid spans (the grid is centred at the origin)
 * @param kernel the kernel specification, e.g. {@code rbf:gamma=105.125}; absent: {@link
 *     #defaultKernel(int, double)}
 * @param eta the Eq. 9 threshold mixing factor in {@code [0, 1)}; absent: ReLU instead
 * @param epochs the most training epochs, {@code >= 1}
 * @param patience stop after this many epochs without a better validation accuracy, {@code >= 1}
 * @param batchSize training batch size
 * @param learningRate the Adam learning rate
 * @param weightDecay the L2 weight decay {@code lambda >= 0} of Adam (the gradient gets {@code +
 *     lambda w})
 * @param dropout the dropout rate on the head's (standardised) input features while training, in
 *     {@code [0, 1)}; 0 for none
 * @param mirror whether to train on horizontally mirrored copies too
 * @param crops the number of extra sets of randomly cropped training images ({@link TrainingView#crops},
 *     {@code >= 0}); each epoch draws, for every training image, the features of one of its views
 *     (itself, its mirror image, its crops) uniformly
 * @param featureBatch images per trunk forward pass
 * @param seed the seed of the validation split, the shuffles and the engine
 * @param cache folder of the on-disk feature cache; absent: features are only held in memory
 * @param quick whether the settings came from {@code --quick} (recorded in the results)
 */
public record ProbeConfig(
    int depth,
    List<Integer> keep,
    OptionalInt pool,
    DataFormat format,
    OptionalInt trainLimit,
    OptionalInt testLimit,
    int validation,
    int hidden,
    int grid,
    double gridExtent,
    Optional<String> kernel,
    OptionalDouble eta,
    int epochs,
    int patience,
    int batchSize,
    double learningRate,
    double weightDecay,
    double dropout,
    boolean mirror,
    int crops,
    int featureBatch,
    long seed,
    Optional<Path> cache,
    boolean quick) {

  /** The most crop views: each is one more trunk pass over the training set and its features in memory. */
  public static final int MAX_CROPS = 16;

  /** Where the CIFAR-10 images come from. */
  public enum DataFormat {
    /** The official binary batches if all are present, else the JPEG image folders. */
    AUTO,
    /** The official lossless binary batches (training and the 10,000 test images). */
    BINARY,
    /** The {@code cifar10-jpeg/} image folders (lossy JPEG copy). */
    FOLDER;

    /** The lower-case name used on the command line. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Validates every setting and reports all problems at once. */
  public ProbeConfig {
    requireNonNull(keep, "keep is null");
    requireNonNull(pool, "pool is null");
    requireNonNull(format, "format is null");
    requireNonNull(trainLimit, "trainLimit is null");
    requireNonNull(testLimit, "testLimit is null");
    requireNonNull(kernel, "kernel is null");
    requireNonNull(eta, "eta is null");
    requireNonNull(cache, "cache is null");
    keep = List.copyOf(keep);
    List<String> problems = new ArrayList<>();
    boolean depthOk = PretrainedResNets.DEPTHS.contains(depth);
    if (!depthOk) {
      problems.add("--depth must be one of " + PretrainedResNets.DEPTHS + " (the pretrained ResNets), got "
          + depth);
    }
    if (keep.isEmpty()) {
      problems.add("--keep needs at least one number of kept layers");
    } else if (keep.stream().distinct().count() != keep.size()) {
      problems.add("--keep lists a number twice: " + keep);
    }
    if (depthOk) {
      List<Integer> valid = CifarResNet.validKeptLayers(depth).stream().filter(l -> l < depth).toList();
      for (int l : keep) {
        if (!valid.contains(l)) {
          problems.add("--keep " + l + " cannot cut a ResNet-" + depth + " below its top: valid numbers of "
              + "kept layers are 1 + 2k = " + valid + " (the full network is always reported)");
        }
      }
    }
    if (pool.isPresent()) {
      int p = pool.getAsInt();
      if (p < 1 || p > 32 || Integer.bitCount(p) != 1) {
        problems.add("--pool must be full or 1, 2, 4, 8, 16 or 32 (cells per side of the pooled feature"
            + " map), got " + p);
      } else if (depthOk) {
        for (int l : keep) {
          if (l >= 1 && l < depth && l % 2 == 1 && TrunkExtractor.mapSide(depth, l) % p != 0) {
            problems.add("--pool " + p + " does not divide the " + TrunkExtractor.mapSide(depth, l)
                + " x " + TrunkExtractor.mapSide(depth, l) + " feature map of the cut after " + l
                + " layers");
          }
        }
      }
    }
    trainLimit.ifPresent(n -> {
      if (n < 20) {
        problems.add("--train-limit must be >= 20, got " + n);
      }
    });
    testLimit.ifPresent(n -> {
      if (n < 10) {
        problems.add("--test-limit must be >= 10, got " + n);
      }
    });
    if (validation < 1) {
      problems.add("--validation must be >= 1, got " + validation);
    } else if (trainLimit.isPresent() && validation >= trainLimit.getAsInt()) {
      problems.add("--validation " + validation + " must be smaller than --train-limit "
          + trainLimit.getAsInt());
    }
    if (hidden < 1) {
      problems.add("--hidden must be >= 1, got " + hidden);
    }
    if (grid < 2 || grid > 100) {
      problems.add("--grid must be in 2..100, got " + grid);
    }
    if (!(gridExtent > 0) || !Double.isFinite(gridExtent)) {
      problems.add("--grid-extent must be finite and > 0, got " + gridExtent);
    }
    kernel.ifPresent(k -> {
      if (k.isBlank()) {
        problems.add("--kernel must not be blank");
      }
    });
    eta.ifPresent(e -> {
      if (!(e >= 0 && e < 1)) {
        problems.add("--eta must be in [0, 1), got " + e);
      }
    });
    if (epochs < 1) {
      problems.add("--epochs must be >= 1, got " + epochs);
    }
    if (patience < 1) {
      problems.add("--patience must be >= 1, got " + patience);
    }
    if (batchSize < 1) {
      problems.add("--batch-size must be >= 1, got " + batchSize);
    }
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      problems.add("--lr must be finite and > 0, got " + learningRate);
    }
    if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
      problems.add("--weight-decay must be finite and >= 0, got " + weightDecay);
    }
    if (!(dropout >= 0 && dropout < 1)) {
      problems.add("--dropout must be in [0, 1), got " + dropout);
    }
    if (crops < 0 || crops > MAX_CROPS) {
      problems.add("--crops must be in 0.." + MAX_CROPS + ", got " + crops);
    }
    if (featureBatch < 1) {
      problems.add("--feature-batch must be >= 1, got " + featureBatch);
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
  }

  /**
   * The default kernel for a grid: the Gaussian RBF {@code exp(-gamma ||u - v||^2)} with {@code gamma
   * = 1 / (2 s^2)} for the grid spacing {@code s = extent / (grid - 1)}, so that neighbouring grid
   * units see {@code exp(-1/2) = 0.61} of an input's weight and units three spacings away 1 %.
   */
  public static String defaultKernel(int grid, double extent) {
    // 1 / (2 s^2) written as (grid - 1)^2 / (2 extent^2), exact for the default 30 x 30 over 2.0
    double intervals = grid - 1;
    return "rbf:gamma=" + (intervals * intervals / (2 * extent * extent));
  }

  /** The kernel specification used: {@link #kernel()} or {@link #defaultKernel(int, double)}. */
  public String kernelSpec() {
    return kernel.orElseGet(() -> defaultKernel(grid, gridExtent));
  }

  /**
   * Every setting as plain JSON-friendly values (absent options as null, paths as strings), for the
   * provenance of the results.
   */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("depth", depth);
    m.put("keep", keep);
    m.put("pool", pool.isPresent() ? (Object) pool.getAsInt() : "full");
    m.put("format", format.label());
    m.put("trainLimit", trainLimit.isPresent() ? trainLimit.getAsInt() : null);
    m.put("testLimit", testLimit.isPresent() ? testLimit.getAsInt() : null);
    m.put("validation", validation);
    m.put("hidden", hidden);
    m.put("grid", grid);
    m.put("gridExtent", gridExtent);
    m.put("kernel", kernelSpec());
    m.put("threshold", eta.isPresent() ? "eq9:eta=" + eta.getAsDouble() : "relu");
    m.put("epochs", epochs);
    m.put("patience", patience);
    m.put("batchSize", batchSize);
    m.put("learningRate", learningRate);
    m.put("weightDecay", weightDecay);
    m.put("dropout", dropout);
    m.put("mirror", mirror);
    m.put("crops", crops);
    m.put("cropPadding", TrainingView.CROP_PADDING);
    m.put("optimizer", "adam");
    m.put("featureBatch", featureBatch);
    m.put("seed", seed);
    m.put("cache", cache.map(Path::toString).orElse(null));
    m.put("quick", quick);
    return Collections.unmodifiableMap(m);
  }

  /**
   * The pooled cells per side of the map of the cut after {@code keptLayers} layers: {@link #pool()},
   * or the map's side (no pooling) when it is absent.
   */
  public int cellsPerSide(int keptLayers) {
    return pool.orElseGet(() -> TrunkExtractor.mapSide(depth, keptLayers));
  }

  /**
   * The views of the training images the head trains on: the images, their mirror images if {@link
   * #mirror()}, then {@link #crops()} sets of random crops drawn from {@link #seed()}.
   */
  List<TrainingView> trainingViews() {
    List<TrainingView> views = new ArrayList<>();
    views.add(TrainingView.IMAGES);
    if (mirror) {
      views.add(TrainingView.MIRRORED);
    }
    for (int k = 1; k <= crops; k++) {
      views.add(TrainingView.crops(seed, k));
    }
    return List.copyOf(views);
  }

  /** The number of kernel units, {@code grid * grid}. */
  public int kernelUnits() {
    return grid * grid;
  }
}
