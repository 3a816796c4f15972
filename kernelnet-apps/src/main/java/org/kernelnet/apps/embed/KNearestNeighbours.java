package org.kernelnet.apps.embed;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * A k-nearest-neighbour classifier on 2-D points, the score of an embedding map: a map is good when
 * the class of a new point can be read off the classes of the training points nearest to it.
 *
 * <p>Fitted on training points {@code p [N, 2]} with labels {@code y [N]}; a query point q gets the
 * label most common among its k nearest training points in Euclidean distance {@code ||q - p_i||}.
 * A tie between labels goes to the tied label whose nearest member is closest to q; a tie in
 * distance between training points goes to the lower index. Training points with a non-finite
 * coordinate (an example without a centre of mass) are left out of the fit; a query point with a
 * non-finite coordinate has no prediction ({@code -1}) and counts as misclassified. Brute force:
 * {@code O(N)} per query.
 */
public final class KNearestNeighbours {
  private final int k;
  private final double[] xs;
  private final double[] ys;
  private final int[] labels;
  private final int classes;

  private KNearestNeighbours(int k, double[] xs, double[] ys, int[] labels, int classes) {
    this.k = k;
    this.xs = xs;
    this.ys = ys;
    this.labels = labels;
    this.classes = classes;
  }

  /**
   * Fits the classifier.
   *
   * @param k the number of neighbours, {@code >= 1}
   * @param points {@code [N, 2]} row-major: {@code (points[2i], points[2i + 1])} is point i
   * @param labels {@code [N]}, each {@code >= 0}
   * @throws IllegalArgumentException if k is out of range, the sizes disagree, a label is negative
   *     or fewer than k training points have finite coordinates
   */
  public static KNearestNeighbours fit(int k, float[] points, int[] labels) {
    requireNonNull(points, "points is null");
    requireNonNull(labels, "labels is null");
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    if (points.length != 2 * labels.length) {
      throw new IllegalArgumentException("points has " + points.length + " values, expected 2 * "
          + labels.length + " labels");
    }
    int n = 0;
    int classes = 0;
    double[] xs = new double[labels.length];
    double[] ys = new double[labels.length];
    int[] kept = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0) {
        throw new IllegalArgumentException("label " + labels[i] + " at index " + i + " is negative");
      }
      if (Float.isFinite(points[2 * i]) && Float.isFinite(points[2 * i + 1])) {
        xs[n] = points[2 * i];
        ys[n] = points[2 * i + 1];
        kept[n] = labels[i];
        classes = Math.max(classes, labels[i] + 1);
        n++;
      }
    }
    if (n < k) {
      throw new IllegalArgumentException("k = " + k + " needs at least " + k
          + " training points with finite coordinates, got " + n + " of " + labels.length);
    }
    return new KNearestNeighbours(
        k, Arrays.copyOf(xs, n), Arrays.copyOf(ys, n), Arrays.copyOf(kept, n), classes);
  }

  /** The number of neighbours. */
  public int k() {
    return k;
  }

  /** The number of training points used (those with finite coordinates). */
  public int size() {
    return labels.length;
  }

  /** The predicted label of the point {@code (x, y)}, or {@code -1} if a coordinate is not finite. */
  public int predict(double x, double y) {
    if (!Double.isFinite(x) || !Double.isFinite(y)) {
      return -1;
    }
    // The k smallest squared distances so far, ascending, with their training indices.
    double[] best = new double[k];
    int[] bestIndex = new int[k];
    Arrays.fill(best, Double.POSITIVE_INFINITY);
    Arrays.fill(bestIndex, -1);
    for (int i = 0; i < labels.length; i++) {
      double dx = xs[i] - x;
      double dy = ys[i] - y;
      double d = dx * dx + dy * dy;
      if (d < best[k - 1]) {
        int j = k - 1;
        while (j > 0 && best[j - 1] > d) {
          best[j] = best[j - 1];
          bestIndex[j] = bestIndex[j - 1];
          j--;
        }
        best[j] = d;
        bestIndex[j] = i;
      }
    }
    int[] votes = new int[classes];
    int[] firstRank = new int[classes];
    Arrays.fill(firstRank, Integer.MAX_VALUE);
    for (int r = 0; r < k; r++) {
      int label = labels[bestIndex[r]];
      votes[label]++;
      firstRank[label] = Math.min(firstRank[label], r);
    }
    int winner = -1;
    for (int c = 0; c < classes; c++) {
      if (votes[c] > 0 && (winner < 0 || votes[c] > votes[winner]
          || (votes[c] == votes[winner] && firstRank[c] < firstRank[winner]))) {
        winner = c;
      }
    }
    return winner;
  }

  /**
   * The predictions for query points {@code [M, 2]} row-major.
   *
   * @return {@code [M]}, {@code -1} where a coordinate is not finite
   */
  public int[] predict(float[] points) {
    requireNonNull(points, "points is null");
    if (points.length % 2 != 0) {
      throw new IllegalArgumentException("points must hold pairs, got " + points.length + " values");
    }
    int[] out = new int[points.length / 2];
    Arrays.parallelSetAll(out, i -> predict(points[2 * i], points[2 * i + 1]));
    return out;
  }

  /**
   * Classifies query points and compares with their labels.
   *
   * @param points {@code [M, 2]} row-major
   * @param labels {@code [M]}
   */
  public Score score(float[] points, int[] labels) {
    requireNonNull(labels, "labels is null");
    if (points.length != 2 * labels.length) {
      throw new IllegalArgumentException("points has " + points.length + " values, expected 2 * "
          + labels.length + " labels");
    }
    int[] predicted = predict(points);
    int correct = 0;
    int missing = 0;
    for (int i = 0; i < labels.length; i++) {
      if (predicted[i] < 0) {
        missing++;
      } else if (predicted[i] == labels[i]) {
        correct++;
      }
    }
    return new Score(k, labels.length, correct, missing, size());
  }

  /**
   * How well the k-NN classifier did.
   *
   * @param k the number of neighbours
   * @param queries the number of query points
   * @param correct how many were classified correctly
   * @param missing how many had no coordinates (counted as wrong)
   * @param fitted the number of training points the classifier was fitted on
   */
  public record Score(int k, int queries, int correct, int missing, int fitted) {
    /** {@code correct / queries}, in {@code [0, 1]}; NaN for no queries. */
    public double accuracy() {
      return queries == 0 ? Double.NaN : (double) correct / queries;
    }
  }
}
