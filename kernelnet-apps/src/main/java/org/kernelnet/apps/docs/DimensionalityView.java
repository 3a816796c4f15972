package org.kernelnet.apps.docs;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code mnist dimensionality} runs ({@code dimensionality.json}, Figure 3): one row per kernel of
 * each run and one column per dimension d, each cell the mean validation accuracy ± standard error
 * over the repetitions at the learning rate and L2 chosen for it.
 */
final class DimensionalityView implements ResultsView {
  @Override
  public String command() {
    return "mnist dimensionality";
  }

  @Override
  public MarkdownTable table(List<ResultFile> files) {
    Set<Integer> dimensions = new TreeSet<>();
    files.forEach(file -> Json.objects(file.json(), "table")
        .forEach(cell -> dimensions.add((int) Json.number(cell, "dimension"))));
    List<String> columns = new ArrayList<>(List.of("kernel"));
    dimensions.forEach(d -> columns.add("d = " + d));
    return RunRows.of(files, Set.of(), columns, file -> byKernel(file).entrySet().stream()
        .map(kernel -> {
          List<String> row = new ArrayList<>(List.of(kernel.getKey()));
          for (int d : dimensions) {
            JsonObject cell = kernel.getValue().get(d);
            row.add(cell == null ? Cells.NONE : validation(cell));
          }
          return row;
        }).toList());
  }

  /**
   * The best kernel at the smallest and at the largest d of the first run, {@code d = 1:
   * rbf:gamma=4 87.57 %; d = 50: dot 96.54 %}.
   */
  @Override
  public String headline(List<ResultFile> files) {
    List<JsonObject> cells = Json.objects(files.get(0).json(), "table");
    TreeSet<Integer> dimensions = new TreeSet<>();
    cells.forEach(cell -> dimensions.add((int) Json.number(cell, "dimension")));
    return best(cells, dimensions.first()) + "; " + best(cells, dimensions.last());
  }

  private static String best(List<JsonObject> cells, int dimension) {
    JsonObject best = null;
    for (JsonObject cell : cells) {
      if ((int) Json.number(cell, "dimension") == dimension
          && (best == null || mean(cell) > mean(best))) {
        best = cell;
      }
    }
    return "d = " + dimension + ": " + Json.string(best, "kernel") + " "
        + Cells.percent(mean(best));
  }

  /** The run's cells by kernel, then by d, in the file's order. */
  private static Map<String, Map<Integer, JsonObject>> byKernel(ResultFile file) {
    Map<String, Map<Integer, JsonObject>> kernels = new LinkedHashMap<>();
    for (JsonObject cell : Json.objects(file.json(), "table")) {
      kernels.computeIfAbsent(Json.string(cell, "kernel"), k -> new LinkedHashMap<>())
          .put((int) Json.number(cell, "dimension"), cell);
    }
    return kernels;
  }

  private static double mean(JsonObject cell) {
    return Json.number(Json.object(cell, "validation"), "mean");
  }

  private static String validation(JsonObject cell) {
    JsonObject validation = Json.object(cell, "validation");
    return Cells.meanAndError(100 * Json.number(validation, "mean"),
        100 * Json.number(validation, "standardError"),
        (int) Json.number(validation, "count"), 2) + " %";
  }
}
