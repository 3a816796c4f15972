package org.kernelnet.apps.embed;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.kernelnet.apps.mnist.data.MnistSet;
import org.kernelnet.apps.report.Provenance;
import org.kernelnet.djl.complexity.ComplexityReport;

/**
 * The results of an {@code embed mnist} run, as its reporters receive them (bound in {@link
 * EmbedModule}).
 *
 * @param provenance where the results came from
 * @param objective what the network was trained to do
 * @param network the architecture, e.g. {@code 784-256-256-256-K400-256-256-10}
 * @param complexity the network's parameters and multiply-accumulates, in total and per layer
 * @param examples the sizes of the sets used
 * @param testAccuracy the classifier's test accuracy; NaN for the autoencoder
 * @param testLoss the mean test loss of the objective
 * @param knnUntrained the k-NN score of the untrained network's map of the test set
 * @param knnTrained the k-NN score of the trained network's map of the test set
 * @param map the test set on the trained network's map
 * @param traversal the decoder's images of a bump moved over the map (autoencoder only)
 * @param trainingSeconds the wall time of the training epochs
 * @param totalSeconds the run's wall time up to its results
 * @param history every training epoch
 */
public record EmbedResults(Provenance provenance, Objective objective, String network,
    ComplexityReport complexity, Examples examples, double testAccuracy, double testLoss,
    KNearestNeighbours.Score knnUntrained, KNearestNeighbours.Score knnTrained, TestMap map,
    Optional<Traversal> traversal, double trainingSeconds, double totalSeconds,
    List<Epoch> history) {
  /** Checks that no part is null and copies the history. */
  public EmbedResults {
    requireNonNull(provenance, "provenance is null");
    requireNonNull(objective, "objective is null");
    requireNonNull(network, "network is null");
    requireNonNull(complexity, "complexity is null");
    requireNonNull(examples, "examples is null");
    requireNonNull(knnUntrained, "knnUntrained is null");
    requireNonNull(knnTrained, "knnTrained is null");
    requireNonNull(map, "map is null");
    requireNonNull(traversal, "traversal is null");
    history = List.copyOf(history);
  }

  /**
   * The sizes of the sets used.
   *
   * @param train the training examples
   * @param validation the validation examples (held out of the training set)
   * @param test the test examples embedded and scored
   * @param knnFit the training examples the k-NN score is fitted on
   */
  public record Examples(int train, int validation, int test, int knnFit) {}

  /**
   * One training epoch.
   *
   * @param epoch 1-based
   * @param trainLoss the mean training loss
   * @param validationLoss the mean validation loss
   * @param validationAccuracy the classifier's validation accuracy; NaN for the autoencoder
   * @param validationKnn the k-NN accuracy of the validation set's map
   * @param seconds the epoch's wall time
   */
  public record Epoch(int epoch, double trainLoss, double validationLoss, double validationAccuracy,
      double validationKnn, double seconds) {}

  /**
   * The test set on the map of the trained network.
   *
   * @param images the test images
   * @param labels their true classes
   * @param grid the side of the embedding grid
   * @param centres every image's centre of mass (Eq. 10) in grid cells, {@code (0, 0)} at the
   *     grid's centre, {@code [N, 2]} row-major (row, col); NaN without a position
   * @param predicted the classifier's class of every image (zeros for the autoencoder)
   * @param withoutPosition the images without a position
   * @param seed the run's seed, which orders the thumbnails drawn on the map
   */
  public record TestMap(MnistSet images, int[] labels, int grid, float[] centres, int[] predicted,
      int withoutPosition, long seed) {}

  /**
   * Figure 6: the decoder's images of a Gaussian bump moved over the map.
   *
   * @param tiles {@code steps x steps} images of 28 x 28 pixels in {@code [0, 1]}, row-major
   * @param steps the bump's positions per axis
   * @param caption the lines under the mosaic
   */
  public record Traversal(float[] tiles, int steps, List<String> caption) {}
}
