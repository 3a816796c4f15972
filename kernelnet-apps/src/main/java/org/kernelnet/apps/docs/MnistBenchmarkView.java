package org.kernelnet.apps.docs;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code mnist benchmark} runs ({@code benchmark.json}): one row per timed layer form of each
 * run, with the median training examples per second, the GFLOP/s of the model's matrix products,
 * the machine's matrix-multiply rate in the same run and the ratio of the two. A file written
 * before the benchmark timed several forms holds one form's fields at its top level; its row shows
 * the network.
 */
final class MnistBenchmarkView implements ResultsView {
  private static final Set<String> SHOWN = Set.of("forms");

  @Override
  public String command() {
    return "mnist benchmark";
  }

  @Override
  public MarkdownTable table(List<ResultFile> files) {
    return RunRows.of(files, SHOWN, List.of("form", "examples/s", "GFLOP/s", "matmul GFLOP/s",
        "% of matmul"), file -> {
          double matmul = Json.number(file.json(), "medianMatmulGflops");
          return forms(file.json()).stream().map(form -> List.of(
              form.has("form") ? Json.string(form, "form").toLowerCase(Locale.ROOT)
                  : Json.string(form, "network"),
              Cells.count(Json.number(form, "medianExamplesPerSecond")),
              Cells.fixed(Json.number(form, "medianTrainingGflops"), 1),
              Cells.fixed(matmul, 1),
              Cells.percent(Json.number(form, "fractionOfMatmulRate")))).toList();
        });
  }

  /** The first form's share of the matmul rate in the first run, {@code 48.61 % of matmul}. */
  @Override
  public String headline(List<ResultFile> files) {
    return Cells.percent(Json.number(forms(files.get(0).json()).get(0), "fractionOfMatmulRate"))
        + " of matmul";
  }

  private static List<JsonObject> forms(JsonObject json) {
    return json.has("forms") ? Json.objects(json, "forms") : List.of(json);
  }
}
