package org.kernelnet.apps.mnist.model;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.kernelnet.apps.mnist.analysis.PearsonCorrelation;

/**
 * A 2-D layout of image pixels learned from the images alone, without their positions on the grid:
 * pixels whose intensities correlate are put close together. Isomap over pixel correlations, after
 * Le Roux et al., "Learning the 2-D topology of images" (NIPS 2007):
 *
 * <ol>
 *   <li>the Pearson correlation {@code rho_ab} of every pair of the A pixels that vary over the
 *       images;
 *   <li>a graph linking each pixel to its k most correlated pixels (either way), the edge of length
 *       {@code sqrt(2 (1 - rho_ab))}, the distance of the two standardised intensity vectors over
 *       {@code sqrt(N)};
 *   <li>geodesic distances {@code G [A, A]}: shortest paths in that graph;
 *   <li>classical MDS: the top two eigenvectors of {@code B = -1/2 J (G o G) J}, {@code J = I -
 *       11^T / A}, each scaled by the square root of its eigenvalue;
 *   <li>centred and scaled so that the root-mean-square distance from the centre is {@code sqrt(2)
 *       spread}, that of the pixel grid when {@code spread} is the grid's standard deviation.
 * </ol>
 *
 * <p>k runs over {@value #MIN_NEIGHBOURS}..{@value #MAX_NEIGHBOURS}. Each graph's largest connected
 * part is embedded, and among the graphs whose largest part holds at least {@value #MIN_SHARE} of
 * the most any graph connects, the one with the least residual variance {@code 1 - r^2} between
 * the geodesic distances and the embedding's distances over all pairs (Samko et al. 2006) is kept:
 * a choice that never looks at the grid. (A few rarely inked border pixels can form islands at
 * small k; the share keeps them from forcing a larger k.) Pixels that never vary (their weights
 * never see a non-zero input) or that the kept graph does not reach get {@code N(0, spread^2)}
 * locations, like random locations.
 *
 * @param locations {@code [pixels][2]}
 * @param neighbours the chosen k
 * @param residualVariance its residual variance, in {@code [0, 1]}
 * @param embedded the pixels placed by the embedding; the others were placed at random
 * @param candidates every k tried
 */
public record PixelTopology(float[][] locations, int neighbours, double residualVariance,
    int embedded, List<Candidate> candidates) {
  /** The smallest k tried. */
  public static final int MIN_NEIGHBOURS = 2;
  /** The largest k tried. */
  public static final int MAX_NEIGHBOURS = 8;
  /** The share of the most connected pixels a graph must reach to be chosen. */
  public static final double MIN_SHARE = 0.99;

  /** Validates and copies the list. */
  public PixelTopology {
    requireNonNull(locations, "locations is null");
    candidates = List.copyOf(candidates);
  }

  /**
   * One k tried.
   *
   * @param neighbours k
   * @param embedded the pixels of the graph's largest connected part
   * @param residualVariance {@code 1 - r^2} of its embedding, NaN if it has no 2-D embedding
   */
  public record Candidate(int neighbours, int embedded, double residualVariance) {}

  /**
   * Learns the layout.
   *
   * @param manager for the correlation matrix (one matrix product)
   * @param images {@code [count, pixels]}, row-major
   * @param count the number of images, {@code >= 2}
   * @param pixels pixels per image, {@code >= 3}
   * @param spread the target standard deviation per axis, {@code > 0}
   * @param seed for the locations of the pixels the embedding does not place
   * @throws IllegalArgumentException if fewer than 3 pixels vary or no graph can be embedded in 2-D
   */
  public static PixelTopology learn(NDManager manager, float[] images, int count, int pixels,
      double spread, long seed) {
    requireNonNull(manager, "manager is null");
    requireNonNull(images, "images is null");
    if (count < 2 || pixels < 3 || (long) count * pixels != images.length || !(spread > 0)) {
      throw new IllegalArgumentException("need >= 2 images of >= 3 pixels, " + count + " x "
          + pixels + " = " + images.length + " values and spread > 0; got spread " + spread);
    }
    double[][] rho = correlations(manager, images, count, pixels);
    int[] varying = varyingPixels(rho);
    if (varying.length < 3) {
      throw new IllegalArgumentException(
          "only " + varying.length + " of " + pixels + " pixels vary over the images; need 3");
    }
    double[][] rhoVarying = new double[varying.length][varying.length];
    for (int a = 0; a < varying.length; a++) {
      for (int b = 0; b < varying.length; b++) {
        rhoVarying[a][b] = rho[varying[a]][varying[b]];
      }
    }
    List<Embedding> embeddings = new ArrayList<>();
    List<Candidate> candidates = new ArrayList<>();
    for (int k = MIN_NEIGHBOURS; k <= Math.min(MAX_NEIGHBOURS, varying.length - 1); k++) {
      double[][] geodesic = shortestPaths(neighbourGraph(rhoVarying, k));
      int[] nodes = largestComponent(geodesic);
      Embedding embedding = embed(geodesic, nodes, k);
      if (embedding != null) {
        embeddings.add(embedding);
      }
      candidates.add(new Candidate(k, nodes.length,
          embedding == null ? Double.NaN : embedding.residualVariance()));
    }
    int most = embeddings.stream().mapToInt(e -> e.nodes().length).max().orElseThrow(
        () -> new IllegalArgumentException("no neighbour graph of the " + varying.length
            + " varying pixels could be embedded in two dimensions"));
    Embedding best = embeddings.stream()
        .filter(e -> e.nodes().length >= MIN_SHARE * most)
        .min(Comparator.comparingDouble(Embedding::residualVariance)).orElseThrow();
    float[][] locations = new float[pixels][];
    double scale = spread * Math.sqrt(2) / best.rmsRadius();
    for (int i = 0; i < best.nodes().length; i++) {
      double[] y = best.coordinates()[i];
      locations[varying[best.nodes()[i]]] = new float[] {(float) (scale * y[0]),
          (float) (scale * y[1])};
    }
    Random random = new Random(seed);
    for (int p = 0; p < pixels; p++) {
      if (locations[p] == null) {
        locations[p] = new float[] {(float) (spread * random.nextGaussian()),
            (float) (spread * random.nextGaussian())};
      }
    }
    return new PixelTopology(locations, best.neighbours(), best.residualVariance(),
        best.nodes().length, candidates);
  }

  /**
   * Pearson correlations {@code [pixels, pixels]}; a pixel that never varies has variance 0 and
   * NaN correlations.
   */
  static double[][] correlations(NDManager manager, float[] images, int count, int pixels) {
    float[] covariance;
    try (NDManager scope = manager.newSubManager()) {
      NDArray x = scope.create(images, new Shape(count, pixels));
      NDArray centred = x.sub(x.mean(new int[] {0}));
      covariance = centred.transpose().matMul(centred).div(count).toFloatArray();
    }
    double[][] rho = new double[pixels][pixels];
    for (int a = 0; a < pixels; a++) {
      for (int b = 0; b < pixels; b++) {
        rho[a][b] = covariance[a * pixels + b]
            / Math.sqrt((double) covariance[a * pixels + a] * covariance[b * pixels + b]);
      }
    }
    return rho;
  }

  /** The pixels with a positive variance (a finite self-correlation). */
  private static int[] varyingPixels(double[][] rho) {
    return IntStream.range(0, rho.length)
        .filter(p -> Double.isFinite(rho[p][p])).toArray();
  }

  /**
   * The k-nearest-neighbour graph: {@code [A, A]} edge lengths {@code sqrt(2 (1 - rho))} between
   * each node and its k most correlated nodes, symmetric, infinity where there is no edge, 0 on the
   * diagonal.
   */
  static double[][] neighbourGraph(double[][] rho, int k) {
    int n = rho.length;
    double[][] graph = new double[n][n];
    for (double[] row : graph) {
      Arrays.fill(row, Double.POSITIVE_INFINITY);
    }
    for (int a = 0; a < n; a++) {
      graph[a][a] = 0;
      final int from = a;
      Integer[] others = IntStream.range(0, n).filter(b -> b != from).boxed()
          .toArray(Integer[]::new);
      Arrays.sort(others, (b, c) -> Double.compare(rho[from][c], rho[from][b]));
      for (int j = 0; j < k && j < others.length; j++) {
        int b = others[j];
        double length = Math.sqrt(Math.max(0, 2 * (1 - rho[a][b])));
        graph[a][b] = Math.min(graph[a][b], length);
        graph[b][a] = graph[a][b];
      }
    }
    return graph;
  }

  /**
   * All shortest path lengths of a graph given as {@code [n, n]} edge lengths (infinity for no
   * edge), by Floyd-Warshall; a new matrix, infinity between nodes that are not connected.
   */
  static double[][] shortestPaths(double[][] graph) {
    int n = graph.length;
    double[][] d = new double[n][];
    for (int a = 0; a < n; a++) {
      d[a] = graph[a].clone();
    }
    for (int via = 0; via < n; via++) {
      double[] throughVia = d[via];
      for (int a = 0; a < n; a++) {
        double toVia = d[a][via];
        if (toVia == Double.POSITIVE_INFINITY) {
          continue;
        }
        double[] row = d[a];
        for (int b = 0; b < n; b++) {
          double length = toVia + throughVia[b];
          if (length < row[b]) {
            row[b] = length;
          }
        }
      }
    }
    return d;
  }

  /**
   * Classical MDS into two dimensions of {@code nodes}, a connected component of {@code geodesic},
   * or null if it has fewer than 3 nodes or not two positive eigenvalues.
   */
  static Embedding embed(double[][] geodesic, int[] nodes, int neighbours) {
    if (nodes.length < 3) {
      return null;
    }
    double[][] distances = new double[nodes.length][nodes.length];
    for (int i = 0; i < nodes.length; i++) {
      for (int j = 0; j < nodes.length; j++) {
        distances[i][j] = geodesic[nodes[i]][nodes[j]];
      }
    }
    double[][] y = classicalMds(distances);
    if (y == null) {
      return null;
    }
    return new Embedding(nodes, y, neighbours, residualVariance(distances, y), rmsRadius(y));
  }

  /**
   * Classical (Torgerson) MDS into two dimensions: {@code [n][2]} coordinates whose distances
   * best match {@code distances [n, n]}, or null without two positive eigenvalues (relative to the
   * largest, above rounding error).
   */
  static double[][] classicalMds(double[][] distances) {
    int n = distances.length;
    double[][] b = new double[n][n];
    double[] rowMean = new double[n];
    double mean = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double squared = distances[i][j] * distances[i][j];
        b[i][j] = squared;
        rowMean[i] += squared / n;
      }
      mean += rowMean[i] / n;
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        // the distance matrix is symmetric, so column means equal row means
        b[i][j] = -0.5 * (b[i][j] - rowMean[i] - rowMean[j] + mean);
      }
    }
    EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(b, false));
    double[] values = eigen.getRealEigenvalues();
    Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Arrays.sort(order, (i, j) -> Double.compare(values[j], values[i]));
    // a second eigenvalue at rounding-error level means the points lie on a line
    if (!(values[order[1]] > 1e-9 * Math.abs(values[order[0]]))) {
      return null;
    }
    double[][] y = new double[n][2];
    for (int axis = 0; axis < 2; axis++) {
      double[] vector = eigen.getEigenvector(order[axis]).toArray();
      double scale = Math.sqrt(values[order[axis]]);
      for (int i = 0; i < n; i++) {
        y[i][axis] = scale * vector[i];
      }
    }
    return y;
  }

  /** The nodes of the largest set of mutually reachable nodes (finite distances), ascending. */
  private static int[] largestComponent(double[][] geodesic) {
    int n = geodesic.length;
    boolean[] seen = new boolean[n];
    int[] best = new int[0];
    for (int a = 0; a < n; a++) {
      if (!seen[a]) {
        final int root = a;
        int[] component = IntStream.range(0, n)
            .filter(b -> Double.isFinite(geodesic[root][b])).toArray();
        for (int b : component) {
          seen[b] = true;
        }
        if (component.length > best.length) {
          best = component;
        }
      }
    }
    return best;
  }

  /** {@code 1 - r^2} between the given distances and those of {@code y}, over all pairs. */
  private static double residualVariance(double[][] distances, double[][] y) {
    PearsonCorrelation r = new PearsonCorrelation();
    for (int i = 0; i < y.length; i++) {
      for (int j = i + 1; j < y.length; j++) {
        r.add(distances[i][j], Math.hypot(y[i][0] - y[j][0], y[i][1] - y[j][1]));
      }
    }
    return 1 - r.value() * r.value();
  }

  /**
   * The root-mean-square distance from the origin, which is the centre of MDS coordinates: their
   * axes are eigenvectors of the double-centred B with non-zero eigenvalues, orthogonal to 1.
   */
  private static double rmsRadius(double[][] y) {
    double sum = 0;
    for (double[] point : y) {
      sum += point[0] * point[0] + point[1] * point[1];
    }
    return Math.sqrt(sum / y.length);
  }

  /**
   * One candidate layout.
   *
   * @param nodes the embedded nodes (indices into the varying pixels)
   * @param coordinates {@code [nodes][2]}, centred at the origin
   * @param neighbours its k
   * @param residualVariance {@code 1 - r^2} between geodesic and embedded distances
   * @param rmsRadius the root-mean-square distance from the centre
   */
  record Embedding(int[] nodes, double[][] coordinates, int neighbours, double residualVariance,
      double rmsRadius) {}
}
