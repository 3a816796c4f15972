package org.kernelnet.apps.docs;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code cifar probe} runs ({@code results.json}, Table 2): the rows of each run's Table 2 (the
 * full ResNet, then a kernel head per number of layers kept), one accuracy column per test set the
 * runs were scored on, and the paper's figure.
 */
final class ProbeView implements ResultsView {
  private static final Set<String> SHOWN = Set.of("keep");

  @Override
  public String command() {
    return "cifar probe";
  }

  @Override
  public MarkdownTable table(List<ResultFile> files) {
    Set<String> testSets = new LinkedHashSet<>();
    files.forEach(file -> testSets.addAll(
        Json.object(file.json(), "testSets").entrySet().stream()
            .map(set -> set.getValue().getAsString()).toList()));
    List<String> columns = new ArrayList<>(List.of("network", "layers kept", "added layers"));
    testSets.forEach(set -> columns.add("test accuracy, " + set));
    columns.add("paper (official test set)");
    return RunRows.of(files, SHOWN, columns, file -> Json.objects(file.json(), "table").stream()
        .map(row -> cells(row, testSets)).toList());
  }

  private static List<String> cells(JsonObject row, Set<String> testSets) {
    JsonObject accuracy = Json.object(row, "accuracy");
    List<String> cells = new ArrayList<>(List.of(
        Json.string(row, "network"),
        Cells.count(Json.number(row, "keptLayers")),
        Cells.count(Json.number(row, "addedLayers"))));
    testSets.forEach(set -> cells.add(
        accuracy.has(set) ? Cells.percent(Json.number(accuracy, set)) : Cells.NONE));
    cells.add(Cells.percent(Json.number(row, "paper")));
    return cells;
  }

  /**
   * The first run's kernel heads on its first test set, by layers kept, {@code 84.40 / 81.01 /
   * 74.97 %}.
   */
  @Override
  public String headline(List<ResultFile> files) {
    JsonObject json = files.get(0).json();
    String firstSet = Json.object(json, "testSets").entrySet().iterator().next().getValue()
        .getAsString();
    return Cells.percentList(Json.objects(json, "table").stream()
        .filter(row -> Json.number(row, "addedLayers") > 0)
        .mapToDouble(row -> Json.number(Json.object(row, "accuracy"), firstSet)).toArray());
  }
}
