package org.kernelnet.apps.docs;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code mnist grid-prior} runs ({@code grid-prior.json}, Table 1): runs whose configurations
 * differ only in the seed are one group, and each group has a row per pixel-location variant with
 * the test and validation accuracy of every seed, their mean (± standard error for the test
 * accuracy), the paper's figure, and the parameters and MACs of the first seed's network.
 */
final class GridPriorView implements ResultsView {
  private static final Set<String> SEED = Set.of("seed");

  @Override
  public String command() {
    return "mnist grid-prior";
  }

  @Override
  public MarkdownTable table(List<ResultFile> files) {
    RunRows rows = new RunRows(files, SEED, List.of("locations", "seeds", "test accuracy",
        "mean ± s.e.", "validation", "mean", "paper", "parameters", "MACs"));
    for (List<ResultFile> group : bySeed(files)) {
      Map<String, List<JsonObject>> variants = variants(group);
      String seeds = group.stream().map(GridPriorView::seed).collect(Collectors.joining(" / "));
      for (Map.Entry<String, List<JsonObject>> variant : variants.entrySet()) {
        List<JsonObject> runs = variant.getValue();
        double[] test = numbers(runs, "testAccuracy");
        double[] validation = numbers(runs, "validationAccuracy");
        JsonObject first = runs.get(0);
        rows.add(group, List.of(
            variant.getKey().toLowerCase(Locale.ROOT),
            seeds,
            Cells.percentList(test),
            Cells.percentMeanAndError(test),
            Cells.percentList(validation),
            Cells.percent(mean(validation)),
            Cells.percent(Json.number(first, "paperTestAccuracy")),
            Cells.count(Json.number(Json.object(first, "size"), "parameters")),
            Cells.count(Json.number(Json.object(first, "size"), "macs"))));
      }
    }
    return rows.table();
  }

  /**
   * The first variant's test accuracy over the seeds of the first group, {@code 98.93 ± 0.02 %}.
   */
  @Override
  public String headline(List<ResultFile> files) {
    List<JsonObject> runs = variants(bySeed(files).get(0)).values().iterator().next();
    return Cells.percentMeanAndError(numbers(runs, "testAccuracy"));
  }

  /** The files grouped by their configuration without the seed, in order of first appearance. */
  private static List<List<ResultFile>> bySeed(List<ResultFile> files) {
    Map<Map<String, String>, List<ResultFile>> groups = new LinkedHashMap<>();
    for (ResultFile file : files) {
      Map<String, String> settings = Settings.flatten(file.configuration());
      settings.keySet().removeIf(GridPriorView::isSeed);
      groups.computeIfAbsent(settings, s -> new ArrayList<>()).add(file);
    }
    return List.copyOf(groups.values());
  }

  /** Each variant's result in every file of the group, by variant. */
  private static Map<String, List<JsonObject>> variants(List<ResultFile> group) {
    Map<String, List<JsonObject>> variants = new LinkedHashMap<>();
    for (ResultFile file : group) {
      for (JsonObject variant : Json.objects(file.json(), "variants")) {
        variants.computeIfAbsent(Json.string(variant, "locations"), v -> new ArrayList<>())
            .add(variant);
      }
    }
    return variants;
  }

  private static String seed(ResultFile file) {
    return Settings.flatten(file.configuration()).entrySet().stream()
        .filter(e -> isSeed(e.getKey()))
        .map(Map.Entry::getValue).findFirst().orElse(Cells.NONE);
  }

  private static boolean isSeed(String key) {
    return Settings.name(key).equals("seed");
  }

  private static double[] numbers(List<JsonObject> runs, String key) {
    return runs.stream().mapToDouble(run -> Json.number(run, key)).toArray();
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }
}
