package org.kernelnet.apps.embed;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.kernelnet.apps.cli.ConfigurationException;
import org.kernelnet.apps.cli.ListDefault;
import org.kernelnet.apps.mnist.data.MnistData;

/**
 * The configuration of {@code kernelnet embed mnist}: the network (section 3.3 of Mueller et al.
 * 2018), its training and what is written.
 *
 * @param objective classifier or autoencoder
 * @param hidden encoder widths before the kernel layer, e.g. {@code [2000, 2000, 2500]}
 * @param grid side g of the {@code g x g} embedding grid, e.g. 40
 * @param decoder decoder widths after the embedding, e.g. {@code [2000, 2000]}
 * @param eta the Eq. 9 mixing factor in {@code [0, 1)}
 * @param kernel the embedding layer's kernel specification; distances are in grid cells
 * @param epochs training epochs, {@code >= 1}
 * @param batchSize examples per step, {@code >= 1}
 * @param learningRate Adam's learning rate, {@code > 0}
 * @param trainSize training examples used, {@code 1 .. 60000 - validationSize}
 * @param validationSize examples held out of the training set for progress, {@code >= 1}
 * @param testSize test examples embedded and scored, {@code 1 .. 10000}
 * @param knnK neighbours of the map score, {@code >= 1}
 * @param knnFitSize training examples the map score is fitted on, {@code k .. trainSize}
 * @param traversalSteps bump centres per axis of the autoencoder traversal mosaic, {@code 2 .. 40}
 * @param seed the seed of the split, DJL's initialisation and sampling, and the thumbnail order
 * @param quick whether the defaults were those of the quick mode (recorded only)
 */
public record EmbedConfig(
    Objective objective,
    List<Integer> hidden,
    int grid,
    List<Integer> decoder,
    double eta,
    String kernel,
    int epochs,
    int batchSize,
    double learningRate,
    int trainSize,
    int validationSize,
    int testSize,
    int knnK,
    int knnFitSize,
    int traversalSteps,
    long seed,
    boolean quick) {

  /**
   * The settings a user leaves out: the paper's network, or a small one for {@code --quick}.
   *
   * @param hidden encoder widths
   * @param grid grid side
   * @param decoder decoder widths
   * @param epochs training epochs
   * @param batchSize examples per step
   * @param trainSize training examples
   * @param validationSize validation examples
   * @param testSize test examples
   */
  public record Defaults(
      List<Integer> hidden, int grid, List<Integer> decoder, int epochs, int batchSize,
      int trainSize, int validationSize, int testSize) {}

  /** The paper's encoder widths. */
  public static final String HIDDEN = "2000,2000,2500";
  /** The paper's grid side. */
  public static final int GRID = 40;
  /** The paper's decoder widths. */
  public static final String DECODER = "2000,2000";
  /** Training epochs. */
  public static final int EPOCHS = 8;
  /** Examples per step. */
  public static final int BATCH_SIZE = 128;
  /** Validation examples. */
  public static final int VALIDATION_SIZE = 5000;
  /** Training examples: all but the validation examples. */
  public static final int TRAIN_SIZE = MnistData.TRAIN_SIZE - VALIDATION_SIZE;
  /** Test examples: all. */
  public static final int TEST_SIZE = MnistData.TEST_SIZE;
  /** Encoder widths with {@code --quick}. */
  public static final String QUICK_HIDDEN = "256,256,256";
  /** Grid side with {@code --quick}. */
  public static final int QUICK_GRID = 20;
  /** Decoder widths with {@code --quick}. */
  public static final String QUICK_DECODER = "256,256";
  /** Training epochs with {@code --quick}. */
  public static final int QUICK_EPOCHS = 4;
  /** Examples per step with {@code --quick}. */
  public static final int QUICK_BATCH_SIZE = 64;
  /** Training examples with {@code --quick}. */
  public static final int QUICK_TRAIN_SIZE = 6000;
  /** Validation examples with {@code --quick}. */
  public static final int QUICK_VALIDATION_SIZE = 1000;
  /** Test examples with {@code --quick}. */
  public static final int QUICK_TEST_SIZE = 2000;

  /** The paper's 784-2000-2000-2500-K1600-2000-2000 network on all of MNIST. */
  public static final Defaults FULL = new Defaults(
      ListDefault.parse(HIDDEN, Integer::valueOf), GRID,
      ListDefault.parse(DECODER, Integer::valueOf), EPOCHS, BATCH_SIZE, TRAIN_SIZE,
      VALIDATION_SIZE, TEST_SIZE);

  /** A network and data slice small enough to finish in about a minute on two cores. */
  public static final Defaults QUICK = new Defaults(
      ListDefault.parse(QUICK_HIDDEN, Integer::valueOf), QUICK_GRID,
      ListDefault.parse(QUICK_DECODER, Integer::valueOf), QUICK_EPOCHS, QUICK_BATCH_SIZE,
      QUICK_TRAIN_SIZE, QUICK_VALIDATION_SIZE, QUICK_TEST_SIZE);

  /** The default kernel: a Gaussian bump of about 2.2 grid cells standard deviation. */
  public static final String DEFAULT_KERNEL = "rbf:gamma=0.1";

  /**
   * Validates every setting and reports all problems together.
   *
   * @throws ConfigurationException listing every bad setting with its valid range
   */
  public EmbedConfig {
    requireNonNull(objective, "objective is null");
    requireNonNull(hidden, "hidden is null");
    requireNonNull(decoder, "decoder is null");
    requireNonNull(kernel, "kernel is null");
    hidden = List.copyOf(hidden);
    decoder = List.copyOf(decoder);
    List<String> problems = new ArrayList<>();
    if (hidden.isEmpty()) {
      problems.add("--hidden needs at least one width (the last one feeds the kernel layer)");
    }
    widths("--hidden", hidden, problems);
    widths("--decoder", decoder, problems);
    if (grid < 2 || grid > 200) {
      problems.add("--grid must be in 2..200, got " + grid);
    }
    if (!(eta >= 0 && eta < 1)) {
      problems.add("--eta must be in [0, 1), got " + eta);
    }
    if (epochs < 1) {
      problems.add("--epochs must be >= 1, got " + epochs);
    }
    if (batchSize < 1) {
      problems.add("--batch-size must be >= 1, got " + batchSize);
    }
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      problems.add("--learning-rate must be a finite number > 0, got " + learningRate);
    }
    if (validationSize < 1 || validationSize >= MnistData.TRAIN_SIZE) {
      problems.add("--validation-size must be in 1.." + (MnistData.TRAIN_SIZE - 1) + ", got "
          + validationSize);
    }
    int maxTrain = MnistData.TRAIN_SIZE - Math.max(validationSize, 1);
    if (trainSize < 1 || trainSize > maxTrain) {
      problems.add("--train-size must be in 1.." + maxTrain + " (the training set minus the"
          + " validation set), got " + trainSize);
    }
    if (testSize < 1 || testSize > MnistData.TEST_SIZE) {
      problems.add("--test-size must be in 1.." + MnistData.TEST_SIZE + ", got " + testSize);
    }
    if (knnK < 1) {
      problems.add("--knn-k must be >= 1, got " + knnK);
    }
    if (knnFitSize < Math.max(knnK, 1) || knnFitSize > Math.max(trainSize, 1)) {
      problems.add("--knn-fit-size must be in " + Math.max(knnK, 1) + ".." + trainSize
          + " (k .. the training examples used), got " + knnFitSize);
    }
    if (traversalSteps < 2 || traversalSteps > 40) {
      problems.add("--traversal-steps must be in 2..40, got " + traversalSteps);
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
  }

  /** The network's layer sizes for MNIST (784 inputs; 10 or 784 outputs). */
  public EmbeddingNetwork.Architecture architecture() {
    int pixels = MnistData.SIDE * MnistData.SIDE;
    return new EmbeddingNetwork.Architecture(
        pixels, hidden, grid, decoder, objective == Objective.CLASSIFIER ? 10 : pixels, eta);
  }

  private static void widths(String option, List<Integer> widths, List<String> problems) {
    for (Integer w : widths) {
      if (w == null || w < 1 || w > 100_000) {
        problems.add(option + " widths must be in 1..100000, got " + w + " in " + widths);
        return;
      }
    }
  }
}
