package org.kernelnet.apps.mnist.analysis;

import static java.util.Objects.requireNonNull;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.kernelnet.djl.nn.Locations;

/**
 * How much of the image's layout a set of 2-D pixel locations holds, before and after training:
 * whether random trained locations ({@code --locations random}) find out which pixels are neighbours.
 *
 * <p>The <em>neighbour recall</em> of a layout {@code x [rows * cols, 2]} (pixels row-major) is the
 * mean over pixels i of {@code |N(i) ∩ NN_k(i)| / k}, where {@code N(i)} are the k = 2..4 pixels next
 * to i on the image grid (up, down, left, right) and {@code NN_k(i)} the k pixels whose locations
 * are nearest to {@code x_i} (Euclidean). The pixel grid itself scores 1; locations that ignore the
 * layout score about {@code k / (rows * cols - 1)}, 0.005 for MNIST.
 *
 * <p>The <em>distance correlation</em> is coarser: the Pearson correlation, over all pairs of pixels
 * {@code i < j}, between {@code ||x_i - x_j||} and the distance of the two pixels on the image grid.
 * It is 1 for the grid (or any rotated, scaled or shifted copy) and about 0 for locations that ignore
 * the layout, and it would show a layout that is right at large scale but wrong between neighbours.
 *
 * @param meanDisplacement the mean distance {@code ||x_trained_i - x_initial_i||} a location moved,
 *     in the locations' units (pixels for the grid-prior network)
 * @param initialNeighbourRecall the neighbour recall of the initial locations
 * @param trainedNeighbourRecall the neighbour recall of the trained locations
 * @param initialDistanceCorrelation the distance correlation of the initial locations
 * @param trainedDistanceCorrelation the distance correlation of the trained locations
 */
public record PixelLayout(double meanDisplacement, double initialNeighbourRecall,
    double trainedNeighbourRecall, double initialDistanceCorrelation,
    double trainedDistanceCorrelation) {

  /**
   * Compares initial and trained locations of {@code L >= 1} layouts stored one after the other
   * ({@code [L, rows * cols, 2]} flattened); recalls and correlations are averaged over the L
   * layouts.
   */
  public static PixelLayout compare(float[] initial, float[] trained, int rows, int cols) {
    requireNonNull(initial, "initial is null");
    requireNonNull(trained, "trained is null");
    if (initial.length != trained.length) {
      throw new IllegalArgumentException("initial and trained locations differ in size: "
          + initial.length + " and " + trained.length);
    }
    double moved = 0;
    for (int i = 0; i < initial.length; i += 2) {
      moved += Math.hypot(trained[i] - initial[i], trained[i + 1] - initial[i + 1]);
    }
    return new PixelLayout(moved / (initial.length / 2),
        neighbourRecall(initial, rows, cols), neighbourRecall(trained, rows, cols),
        distanceCorrelation(initial, rows, cols), distanceCorrelation(trained, rows, cols));
  }

  /**
   * The distance correlation (see the class description) of {@code L >= 1} layouts {@code [L, rows
   * * cols, 2]} (flattened), averaged over the layouts; NaN where a set of distances is constant
   * (a layout whose points all coincide, or a grid of two pixels).
   *
   * @throws IllegalArgumentException as {@link #neighbourRecall}
   */
  public static double distanceCorrelation(float[] xy, int rows, int cols) {
    int layouts = layouts(xy, rows, cols);
    int pixels = rows * cols;
    double sum = 0;
    for (int layout = 0; layout < layouts; layout++) {
      int offset = layout * 2 * pixels;
      // Pearson's r over the pairs of (layout distance, grid distance)
      PearsonCorrelation r = new PearsonCorrelation();
      for (int i = 0; i < pixels; i++) {
        for (int j = i + 1; j < pixels; j++) {
          double dx = xy[offset + 2 * i] - xy[offset + 2 * j];
          double dy = xy[offset + 2 * i + 1] - xy[offset + 2 * j + 1];
          int rowGap = i / cols - j / cols;
          int colGap = i % cols - j % cols;
          r.add(Math.sqrt(dx * dx + dy * dy), Math.sqrt(rowGap * rowGap + colGap * colGap));
        }
      }
      sum += r.value();
    }
    return sum / layouts;
  }

  /**
   * The neighbour recall (see the class description) of {@code L >= 1} layouts {@code [L, rows *
   * cols, 2]} (flattened), averaged over the layouts.
   *
   * @throws IllegalArgumentException if the grid has fewer than 2 pixels or the array is not a
   *     whole number of layouts
   */
  public static double neighbourRecall(float[] xy, int rows, int cols) {
    int layouts = layouts(xy, rows, cols);
    int pixels = rows * cols;
    double sum = 0;
    for (int layout = 0; layout < layouts; layout++) {
      int offset = layout * 2 * pixels;
      for (int i = 0; i < pixels; i++) {
        int[] neighbours = gridNeighbours(i, rows, cols);
        int[] nearest = nearest(xy, offset, pixels, i, neighbours.length);
        int found = 0;
        for (int n : neighbours) {
          for (int m : nearest) {
            found += n == m ? 1 : 0;
          }
        }
        sum += (double) found / neighbours.length;
      }
    }
    return sum / ((double) layouts * pixels);
  }

  /**
   * The input locations {@code u} of the one kernel block in {@code block} (initialised), flattened:
   * {@code [in, 2]} for a layer or a stack sharing one set, {@code [L, in, 2]} for a stack with one
   * set per layer.
   *
   * @throws IllegalArgumentException unless exactly one parameter is named {@link
   *     Locations#INPUT_PARAMETER}
   */
  public static float[] inputLocations(Block block) {
    requireNonNull(block, "block is null");
    List<Parameter> found = new ArrayList<>();
    for (Pair<String, Parameter> p : block.getParameters()) {
      if (p.getValue().getName().equals(Locations.INPUT_PARAMETER)) {
        found.add(p.getValue());
      }
    }
    if (found.size() != 1) {
      throw new IllegalArgumentException("expected one parameter named '"
          + Locations.INPUT_PARAMETER + "', found " + found.size());
    }
    return found.get(0).getArray().toFloatArray();
  }

  /** The number of layouts in {@code xy}, after checking its size. */
  private static int layouts(float[] xy, int rows, int cols) {
    requireNonNull(xy, "xy is null");
    int pixels = rows * cols;
    if (rows < 1 || cols < 1 || pixels < 2 || xy.length == 0 || xy.length % (2 * pixels) != 0) {
      throw new IllegalArgumentException("need layouts of " + rows + " x " + cols + " >= 2 pixels"
          + " with 2 coordinates each, got " + xy.length + " values");
    }
    return xy.length / (2 * pixels);
  }

  /** The pixels next to {@code i} on the grid: up, down, left, right where they exist. */
  private static int[] gridNeighbours(int i, int rows, int cols) {
    int row = i / cols;
    int col = i % cols;
    int[] out = new int[4];
    int n = 0;
    if (row > 0) {
      out[n++] = i - cols;
    }
    if (row < rows - 1) {
      out[n++] = i + cols;
    }
    if (col > 0) {
      out[n++] = i - 1;
    }
    if (col < cols - 1) {
      out[n++] = i + 1;
    }
    return Arrays.copyOf(out, n);
  }

  /** The {@code k} pixels other than {@code i} whose locations are nearest to {@code x_i}. */
  private static int[] nearest(float[] xy, int offset, int pixels, int i, int k) {
    int[] best = new int[k];
    double[] bestDistance = new double[k];
    Arrays.fill(bestDistance, Double.POSITIVE_INFINITY);
    double xi = xy[offset + 2 * i];
    double yi = xy[offset + 2 * i + 1];
    for (int j = 0; j < pixels; j++) {
      if (j == i) {
        continue;
      }
      double dx = xy[offset + 2 * j] - xi;
      double dy = xy[offset + 2 * j + 1] - yi;
      double distance = dx * dx + dy * dy;
      // insertion into the sorted list of the k best so far
      int at = k;
      while (at > 0 && distance < bestDistance[at - 1]) {
        at--;
      }
      if (at < k) {
        System.arraycopy(bestDistance, at, bestDistance, at + 1, k - at - 1);
        System.arraycopy(best, at, best, at + 1, k - at - 1);
        bestDistance[at] = distance;
        best[at] = j;
      }
    }
    return best;
  }
}
