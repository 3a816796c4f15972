package org.kernelnet.apps.docs;

import java.util.List;
import java.util.Set;

/**
 * {@code mnist predict-params} runs ({@code predict-params.json}, Denil et al.): one row per
 * fraction of predicted hidden weights of each run, with the test and validation accuracy, the
 * trained parameters and the training time.
 */
final class PredictParamsView implements ResultsView {
  private static final Set<String> SHOWN = Set.of("fractions");

  @Override
  public String command() {
    return "mnist predict-params";
  }

  @Override
  public MarkdownTable table(List<ResultFile> files) {
    return RunRows.of(files, SHOWN, List.of("predicted", "test accuracy", "validation",
        "parameters", "training"), file -> Json.objects(file.json(), "rows").stream()
            .map(row -> List.of(
                Cells.fixed(100 * Json.number(row, "fractionPredicted"), 0) + " %",
                Cells.percent(Json.number(row, "testAccuracy")),
                Cells.percent(Json.number(row, "validationAccuracy")),
                Cells.count(Json.number(Json.object(row, "size"), "parameters")),
                Cells.duration(Json.number(row, "trainingSeconds"))))
            .toList());
  }

  /** The first run's test accuracy at every fraction, {@code 98.31 / 98.40 / 98.19 %}. */
  @Override
  public String headline(List<ResultFile> files) {
    return Cells.percentList(Json.objects(files.get(0).json(), "rows").stream()
        .mapToDouble(row -> Json.number(row, "testAccuracy")).toArray());
  }
}
