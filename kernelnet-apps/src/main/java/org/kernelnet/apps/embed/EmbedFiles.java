package org.kernelnet.apps.embed;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.mnist.data.MnistData;
import org.kernelnet.apps.report.Reporter;
import org.kernelnet.apps.report.ResultsWriter;

/**
 * Writes the results of {@code embed mnist} into the run folder, then names each file written
 * ({@code wrote <path>}) on standard output:
 *
 * <ul>
 *   <li>{@code test-points.csv} / {@code .json}: every test point's index, label, position (and
 *       predicted class for the classifier);
 *   <li>{@code map-scatter.png}: the test digits at their centre of mass, coloured by class;
 *   <li>{@code map-digits.png}: the same map with non-overlapping digit thumbnails;
 *   <li>{@code traversal.png} (autoencoder only): the decoder's images of a Gaussian bump moved
 *       over the map ({@link EmbedResults.Traversal});
 *   <li>{@code results.json}: provenance, parameters and MACs, the k-NN score of the map at
 *       initialisation and after training, test accuracy or loss, the per-epoch history and the
 *       files above.
 * </ul>
 */
final class EmbedFiles implements Reporter<EmbedResults> {
  private final ResultsWriter writer;
  private final MapPlots plots;
  private final Terminal terminal;

  @Inject
  EmbedFiles(ResultsWriter writer, MapPlots plots, Terminal terminal) {
    this.writer = requireNonNull(writer, "writer is null");
    this.plots = requireNonNull(plots, "plots is null");
    this.terminal = requireNonNull(terminal, "terminal is null");
  }

  @Override
  public void report(EmbedResults results) {
    Map<String, Path> files = new LinkedHashMap<>();
    EmbedResults.TestMap map = results.map();
    int[] labels = map.labels();
    float[] c = map.centres();
    boolean classifier = results.objective() == Objective.CLASSIFIER;

    List<String> header = new ArrayList<>(List.of("index", "label", "row", "col"));
    if (classifier) {
      header.add("predicted");
    }
    List<List<?>> rows = new ArrayList<>();
    List<Map<String, Object>> points = new ArrayList<>();
    for (int i = 0; i < labels.length; i++) {
      List<Object> row = new ArrayList<>(List.of(i, labels[i], c[2 * i], c[2 * i + 1]));
      Map<String, Object> point = new LinkedHashMap<>();
      point.put("index", i);
      point.put("label", labels[i]);
      point.put("row", Float.isFinite(c[2 * i]) ? c[2 * i] : null);
      point.put("col", Float.isFinite(c[2 * i + 1]) ? c[2 * i + 1] : null);
      if (classifier) {
        row.add(map.predicted()[i]);
        point.put("predicted", map.predicted()[i]);
      }
      rows.add(row);
      points.add(point);
    }
    files.put("pointsCsv", writer.writeCsv("test-points.csv", header, rows));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("objective", results.objective().label());
    json.put("grid", map.grid());
    json.put("coordinates", "centre of mass (Eq. 10) in grid cells, (0, 0) at the grid centre;"
        + " row downwards, col to the right; null without a position");
    json.put("points", points);
    files.put("pointsJson", writer.writeJson("test-points.json", json));

    String title = String.format(Locale.ROOT,
        "MNIST test digits at their centre of mass (%s, %d-NN accuracy %.1f %%)",
        results.objective().label(), results.knnTrained().k(),
        100 * results.knnTrained().accuracy());
    files.put("scatterPng",
        writer.writePng("map-scatter.png", plots.scatter(c, labels, title, 1000, 860)));
    MapPlots.Thumbnails thumbnails = plots.thumbnails(
        c, labels, map.images().images(), map.images().rows(), 1400, map.seed());
    files.put("digitsPng", writer.writePng("map-digits.png", thumbnails.image()));
    results.traversal().ifPresent(traversal -> files.put("traversalPng",
        writer.writePng("traversal.png", plots.mosaic(traversal.tiles(), traversal.steps(),
            MnistData.SIDE, traversal.caption()))));

    Path resultsFile = writer.writeJson("results.json", summary(results, files));
    PrintWriter out = terminal.out();
    files.values().forEach(p -> out.println("wrote " + p));
    out.println("wrote " + resultsFile);
    out.flush();
  }

  /** What {@code results.json} holds. */
  private static Map<String, Object> summary(EmbedResults results, Map<String, Path> files) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("provenance", results.provenance());
    summary.put("objective", results.objective().label());
    summary.put("network", results.network());
    summary.put("freeParameters", results.complexity().total().freeParameters());
    summary.put("denseEquivalentParameters",
        results.complexity().total().denseEquivalentParameters());
    summary.put("macsPerExample", results.complexity().total().nonZeroWeights());
    summary.put("layers", results.complexity().layers());
    summary.put("examples", results.examples());
    summary.put("testAccuracy", results.testAccuracy());
    summary.put("testLoss", results.testLoss());
    summary.put("knnUntrained", results.knnUntrained());
    summary.put("knnUntrainedAccuracy", results.knnUntrained().accuracy());
    summary.put("knnTrained", results.knnTrained());
    summary.put("knnTrainedAccuracy", results.knnTrained().accuracy());
    summary.put("testPointsWithoutPosition", results.map().withoutPosition());
    summary.put("testEmbedding", "forward pass of the trained encoder (Eq. 9 activations, Eq. 10"
        + " centre of mass); nothing is re-fitted for new points");
    summary.put("trainingSeconds", results.trainingSeconds());
    summary.put("totalSeconds", results.totalSeconds());
    summary.put("history", results.history());
    summary.put("files", files);
    return summary;
  }
}
