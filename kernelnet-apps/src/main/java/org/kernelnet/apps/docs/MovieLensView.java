package org.kernelnet.apps.docs;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.Set;

/**
 * {@code movielens} runs ({@code results.json}): one row per model of each run, with its free
 * parameters and MACs per prediction (Table 4), the test RMSE of every split, their mean and
 * standard error, the held-out MAE and NDCG@k (means over the splits; files written before they
 * were recorded show a dash), the L-BFGS iterations made (the range over the splits; for GLocal-K
 * those of both stages), the training time (all splits), the time per full-batch evaluation (the
 * range over the splits), the wall time and the peak resident memory of the run.
 */
final class MovieLensView implements ResultsView {
  /** Settings the table shows in columns of their own. */
  private static final Set<String> SHOWN = Set.of("dataset", "iterations", "kind", "layers");

  @Override
  public String command() {
    return "movielens";
  }

  @Override
  public MarkdownTable table(List<ResultFile> files) {
    return RunRows.of(files, SHOWN, List.of("data set", "model", "parameters", "MACs",
        "iterations", "test RMSE by split", "mean ± s.e.", "MAE", "NDCG@10", "training",
        "s per evaluation", "wall", "peak memory"), file -> Json.objects(file.json(), "rows").stream()
            .map(model -> cells(file, model)).toList());
  }

  private static List<String> cells(ResultFile file, JsonObject model) {
    JsonObject json = file.json();
    List<JsonObject> splits = Json.objects(model, "splits");
    return List.of(
        Json.string(json, "dataset"),
        Json.string(model, "model"),
        Cells.count(Json.number(model, "freeParameters")),
        Cells.count(Json.number(model, "meanMacs")),
        range(splits, "iterations", Cells::count),
        Cells.fixedList(splits.stream().mapToDouble(s -> Json.number(s, "testRmse")).toArray(), 4),
        meanAndError(model, splits.size()),
        Cells.fixed(heldOutMean(model, "mae"), 4),
        Cells.fixed(heldOutMean(model, "ndcg"), 4),
        Cells.duration(splits.stream().mapToDouble(s -> Json.number(s, "trainingSeconds")).sum()),
        range(splits, "secondsPerEvaluation", v -> Cells.fixed(v, 2) + " s"),
        Cells.duration(Json.optionalNumber(json, "wallSeconds")),
        Cells.gib(Json.optionalNumber(json, "peakResidentGib")));
  }

  /** The mean over the splits of a held-out metric, NaN if the file does not record them. */
  private static double heldOutMean(JsonObject model, String metric) {
    return model.has("heldOut") && model.get("heldOut").isJsonObject()
        ? Json.number(Json.object(Json.object(model, "heldOut"), metric), "mean") : Double.NaN;
  }

  /** The first model's mean test RMSE ± its standard error, of the first file. */
  @Override
  public String headline(List<ResultFile> files) {
    JsonObject model = Json.objects(files.get(0).json(), "rows").get(0);
    return meanAndError(model, Json.objects(model, "splits").size());
  }

  private static String meanAndError(JsonObject model, int splits) {
    return Cells.meanAndError(Json.number(model, "meanTestRmse"),
        Json.number(model, "standardError"), splits, 4);
  }

  /** The range over the splits of {@code key}, e.g. {@code 0.30–0.34 s} or {@code 1,000}. */
  private static String range(List<JsonObject> splits, String key,
      DoubleFunction<String> format) {
    double[] values = splits.stream().mapToDouble(s -> Json.number(s, key)).sorted().toArray();
    if (values.length == 0) {
      return Cells.NONE;
    }
    String low = format.apply(values[0]);
    String high = format.apply(values[values.length - 1]);
    return low.equals(high) ? low : low.replace(" s", "") + "–" + high;
  }
}
