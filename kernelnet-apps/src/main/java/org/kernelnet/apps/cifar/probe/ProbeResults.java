package org.kernelnet.apps.cifar.probe;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.kernelnet.apps.report.Provenance;

/**
 * The results of a {@code cifar probe} run, as its reporters receive them (bound in {@link
 * CifarModule}): the summary that {@code results.json} holds, the test images' positions on every
 * head's map and the Figure 7 maps to draw.
 *
 * @param summary the numbers of the run
 * @param points the test images on the heads' maps: one entry per head and test set, in run order
 * @param figures one map per head, of the main test set
 */
record ProbeResults(Summary summary, List<MapPoints> points, List<Figure> figures) {
  /** Checks that no part is null and copies the lists. */
  ProbeResults {
    requireNonNull(summary, "summary is null");
    points = List.copyOf(points);
    figures = List.copyOf(figures);
  }

  /**
   * The run's numbers: everything {@code results.json} holds.
   *
   * @param provenance where the results came from
   * @param dataFormat where the images came from ({@code binary} or {@code folder})
   * @param testSets the label of each test set by its id, in column order
   * @param fullNetworkAccuracy the full network's test accuracy by test-set label
   * @param table the rows of Table 2: the full network, then one per head
   * @param heads one per number of layers kept, in run order
   * @param kernel the specification of the grid layer's kernel
   * @param seconds the run's wall time up to its results
   */
  record Summary(Provenance provenance, String dataFormat, Map<String, String> testSets,
      Map<String, Double> fullNetworkAccuracy, List<Table2.Row> table, List<Head> heads,
      String kernel, double seconds) {}

  /**
   * The outcome of one head.
   *
   * @param keptLayers the layers of the trunk it sits on
   * @param featureWidth the width of the trunk's features
   * @param testAccuracy its accuracy by test-set label
   * @param training how it was trained
   * @param featureCache where each feature set came from (computed, memory, disk) by its id
   * @param mapPng the file name of its map
   * @param mapPointsDrawn the test images on the map (those with a centre) by test-set id
   */
  record Head(int keptLayers, int featureWidth, Map<String, Double> testAccuracy,
      HeadTrainer.Result training, Map<String, String> featureCache, String mapPng,
      Map<String, Integer> mapPointsDrawn) {}

  /**
   * The images of one test set on the map of one head.
   *
   * @param keptLayers the head's layers kept
   * @param testSet the test set's id
   * @param labels the true class of every image
   * @param predicted the head's class of every image
   * @param centres their centres of mass (Eq. 10), {@code [N, 2]} row-major, NaN without one
   */
  record MapPoints(int keptLayers, String testSet, int[] labels, int[] predicted,
      float[] centres) {}

  /**
   * One map to draw ({@link EmbeddingMap}).
   *
   * @param file its file name in the run folder
   * @param title the chart's title
   * @param halfExtent half the side of the grid
   * @param points the images drawn
   */
  record Figure(String file, String title, double halfExtent, MapPoints points) {}

  /** Table 2 as Markdown: the summary's rows, a column per test set ({@link Table2}). */
  String table2() {
    return Table2.markdown(List.copyOf(summary.testSets().values()), summary.table());
  }
}
