package org.kernelnet.apps.cifar.probe;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kernelnet.apps.cifar.data.Cifar10;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.report.Reporter;
import org.kernelnet.apps.report.ResultsWriter;

/**
 * Writes the results of {@code cifar probe} into the run folder, then lists the files on standard
 * output:
 *
 * <ul>
 *   <li>{@code map-resnet<depth>-L<kept>.png}: each head's Figure 7 map ({@link EmbeddingMap});
 *   <li>{@value #RESULTS}: the summary (provenance, the Table 2 rows, training histories, timings);
 *   <li>{@value #TABLE}: Table 2 in Markdown;
 *   <li>{@value #COORDINATES}: one row per head and test image: the head's layers kept, the test
 *       set, the image's index, true class (number and name), predicted class and centre of mass.
 * </ul>
 */
final class ProbeFiles implements Reporter<ProbeResults> {
  static final String RESULTS = "results.json";
  static final String TABLE = "table2.md";
  static final String COORDINATES = "map-coordinates.csv";

  private final ResultsWriter writer;
  private final Terminal terminal;

  @Inject
  ProbeFiles(ResultsWriter writer, Terminal terminal) {
    this.writer = requireNonNull(writer, "writer is null");
    this.terminal = requireNonNull(terminal, "terminal is null");
  }

  @Override
  public void report(ProbeResults results) {
    List<Path> maps = new ArrayList<>();
    for (ProbeResults.Figure figure : results.figures()) {
      maps.add(writer.writePng(figure.file(), EmbeddingMap.draw(figure.title(),
          figure.points().centres(), figure.points().labels(), figure.halfExtent())));
    }
    Path json = writer.writeJson(RESULTS, results.summary());
    Path table = writer.write(TABLE, results.table2());
    List<List<?>> rows = new ArrayList<>();
    for (ProbeResults.MapPoints points : results.points()) {
      int[] labels = points.labels();
      float[] centres = points.centres();
      for (int i = 0; i < labels.length; i++) {
        rows.add(List.of(points.keptLayers(), points.testSet(), i, labels[i],
            Cifar10.CLASS_NAMES.get(labels[i]), points.predicted()[i], centres[2 * i],
            centres[2 * i + 1]));
      }
    }
    Path coordinates = writer.writeCsv(COORDINATES,
        List.of("kept_layers", "test_set", "index", "label", "class", "predicted", "x", "y"), rows);
    PrintWriter out = terminal.out();
    out.println("results: " + json);
    out.println("table:   " + table);
    out.println("maps:    " + coordinates);
    maps.forEach(p -> out.println("         " + p));
    out.flush();
  }
}
