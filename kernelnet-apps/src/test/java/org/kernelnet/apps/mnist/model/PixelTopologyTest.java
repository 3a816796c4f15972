package org.kernelnet.apps.mnist.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kernelnet.apps.mnist.analysis.PixelLayout;

class PixelTopologyTest {
  private static final double INF = Double.POSITIVE_INFINITY;
  private static NDManager manager;

  @BeforeAll
  static void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  /**
   * {@code count} images of {@code side x side} pixels, each the sum of three Gaussian blobs of
   * standard deviation 1.5 pixels at random centres, so nearby pixels correlate; the last
   * {@code blankColumns} columns are always 0.
   */
  private static float[] blobImages(int count, int side, int blankColumns, long seed) {
    Random random = new Random(seed);
    float[] images = new float[count * side * side];
    for (int n = 0; n < count; n++) {
      for (int blob = 0; blob < 3; blob++) {
        double cr = -1 + (side + 1) * random.nextDouble();
        double cc = -1 + (side + 1) * random.nextDouble();
        for (int r = 0; r < side; r++) {
          for (int c = 0; c < side - blankColumns; c++) {
            double d2 = (r - cr) * (r - cr) + (c - cc) * (c - cc);
            images[(n * side + r) * side + c] += (float) Math.exp(-d2 / (2 * 1.5 * 1.5));
          }
        }
      }
    }
    return images;
  }

  private static double distance(double[] a, double[] b) {
    return Math.hypot(a[0] - b[0], a[1] - b[1]);
  }

  @Test
  void classicalMdsRecoversAPlanarPointSetUpToARigidMotion() {
    double[][] points = {{0, 0}, {3, 0}, {0, 4}, {3, 4}, {1, 1}, {-2, 5}};
    double[][] distances = new double[points.length][points.length];
    for (int i = 0; i < points.length; i++) {
      for (int j = 0; j < points.length; j++) {
        distances[i][j] = distance(points[i], points[j]);
      }
    }

    double[][] y = PixelTopology.classicalMds(distances);

    for (int i = 0; i < points.length; i++) {
      for (int j = 0; j < points.length; j++) {
        assertThat(distance(y[i], y[j])).as(i + "-" + j).isCloseTo(distances[i][j], within(1e-9));
      }
    }
    double[] centre = new double[2];
    for (double[] p : y) {
      centre[0] += p[0];
      centre[1] += p[1];
    }
    assertThat(centre[0]).isCloseTo(0, within(1e-9));
    assertThat(centre[1]).isCloseTo(0, within(1e-9));
  }

  @Test
  void classicalMdsOfCollinearPointsHasNoSecondAxis() {
    double[][] line = {{0, 1, 2}, {1, 0, 1}, {2, 1, 0}};
    assertThat(PixelTopology.classicalMds(line)).isNull();
  }

  @Test
  void shortestPathsGoThroughIntermediateNodesAndLeaveSeparateComponentsApart() {
    double[][] graph = {
        {0, 1, 5, INF},
        {1, 0, 2, INF},
        {5, 2, 0, INF},
        {INF, INF, INF, 0}};

    double[][] d = PixelTopology.shortestPaths(graph);

    assertThat(d[0]).containsExactly(0, 1, 3, INF);
    assertThat(d[2]).containsExactly(3, 2, 0, INF);
    assertThat(d[3]).containsExactly(INF, INF, INF, 0);
    assertThat(graph[0][2]).as("input untouched").isEqualTo(5);
  }

  @Test
  void neighbourGraphLinksEachNodeToItsMostCorrelatedOnesBothWays() {
    double[][] rho = {
        {1, 0.9, 0.1, 0.5},
        {0.9, 1, 0.2, 0.0},
        {0.1, 0.2, 1, 0.3},
        {0.5, 0.0, 0.3, 1}};

    double[][] graph = PixelTopology.neighbourGraph(rho, 1);

    // 0-1 (both pick each other), 2-3 (2 picks 3), 3-0 (3 picks 0)
    assertThat(graph[0][1]).isCloseTo(Math.sqrt(0.2), within(1e-12));
    assertThat(graph[1][0]).isEqualTo(graph[0][1]);
    assertThat(graph[2][3]).isCloseTo(Math.sqrt(1.4), within(1e-12));
    assertThat(graph[0][3]).isCloseTo(Math.sqrt(1.0), within(1e-12));
    assertThat(graph[1][2]).isEqualTo(INF);
    assertThat(graph[0][2]).isEqualTo(INF);
    assertThat(graph[2][2]).isZero();
  }

  @Test
  void correlationsAreThoseOfTheImagesAndNaNForAConstantPixel() {
    // pixel 1 = 2 * pixel 0 + 1, pixel 2 = -pixel 0, pixel 3 constant
    float[] images = {0, 1, 0, 7, 1, 3, -1, 7, 3, 7, -3, 7};

    double[][] rho = PixelTopology.correlations(manager, images, 3, 4);

    assertThat(rho[0][1]).isCloseTo(1, within(1e-6));
    assertThat(rho[0][2]).isCloseTo(-1, within(1e-6));
    assertThat(rho[0][0]).isCloseTo(1, within(1e-6));
    assertThat(rho[3][3]).isNaN();
  }

  @Test
  void learnsTheGridFromImagesAloneAndPlacesConstantPixelsAtRandom() {
    int side = 10;
    float[] images = blobImages(4000, side, 2, 5);

    PixelTopology topology = PixelTopology.learn(manager, images, 4000, side * side, 3.0, 7);

    assertThat(topology.embedded()).isEqualTo(side * (side - 2));
    assertThat(topology.neighbours()).isBetween(PixelTopology.MIN_NEIGHBOURS,
        PixelTopology.MAX_NEIGHBOURS);
    assertThat(topology.residualVariance()).isBetween(0.0, 0.05);
    // every k was tried; k = 2 leaves islands here, so it cannot win despite its low residual
    // variance; among the graphs that connect every varying pixel the least residual variance wins
    assertThat(topology.candidates()).extracting(PixelTopology.Candidate::neighbours)
        .containsExactly(2, 3, 4, 5, 6, 7, 8);
    assertThat(topology.candidates().get(0).embedded()).isLessThan(topology.embedded());
    assertThat(topology.candidates()).filteredOn(c -> c.embedded() == topology.embedded())
        .hasSizeGreaterThan(1).allSatisfy(c -> assertThat(c.residualVariance())
            .isGreaterThanOrEqualTo(topology.residualVariance()));
    // the learned layout of the varying 10 x 8 pixels against their grid
    float[] varying = new float[2 * side * (side - 2)];
    double sumSquares = 0;
    for (int r = 0; r < side; r++) {
      for (int c = 0; c < side - 2; c++) {
        float[] p = topology.locations()[r * side + c];
        int k = r * (side - 2) + c;
        varying[2 * k] = p[0];
        varying[2 * k + 1] = p[1];
        sumSquares += p[0] * p[0] + p[1] * p[1];
      }
    }
    assertThat(PixelLayout.distanceCorrelation(varying, side, side - 2)).isGreaterThan(0.99);
    assertThat(PixelLayout.neighbourRecall(varying, side, side - 2)).isGreaterThan(0.9);
    // scaled so that the root-mean-square radius is sqrt(2) * spread
    assertThat(Math.sqrt(sumSquares / (side * (side - 2))))
        .isCloseTo(3.0 * Math.sqrt(2), within(1e-4));
    // the two blank columns are placed at random, all different, with the same seed the same
    assertThat(topology.locations()[side - 1]).isNotEqualTo(topology.locations()[2 * side - 1]);
    assertThat(PixelTopology.learn(manager, images, 4000, side * side, 3.0, 7).locations())
        .isDeepEqualTo(topology.locations());
    assertThat(topology.locations()).hasDimensions(side * side, 2);
  }

  @Test
  void badInputIsRejectedWithTheReason() {
    assertThatThrownBy(() -> PixelTopology.learn(manager, new float[6], 2, 4, 1.0, 1))
        .hasMessageContaining("2 x 4 = 6 values");
    assertThatThrownBy(() -> PixelTopology.learn(manager, new float[8], 2, 4, 1.0, 1))
        .hasMessageContaining("only 0 of 4 pixels vary");
    assertThatThrownBy(() -> PixelTopology.learn(manager, new float[8], 2, 4, 0, 1))
        .hasMessageContaining("spread 0.0");
  }
}
