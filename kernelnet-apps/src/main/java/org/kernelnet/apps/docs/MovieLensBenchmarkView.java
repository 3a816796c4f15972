package org.kernelnet.apps.docs;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * {@code movielens benchmark} runs ({@code benchmark.json}): one row per run with the medians of
 * the timed full-batch evaluations (sparse, dense autograd for comparison), of the prediction of
 * the training and test ratings and of an L-BFGS iteration, the peak resident memory and the
 * machine's matrix-multiply rate measured in the same run. Timings a run did not make (or that an
 * earlier version did not record) are an en dash.
 */
final class MovieLensBenchmarkView implements ResultsView {
  private static final Set<String> SHOWN = Set.of("dataset");

  @Override
  public String command() {
    return "movielens benchmark";
  }

  @Override
  public MarkdownTable table(List<ResultFile> files) {
    return RunRows.of(files, SHOWN, List.of("data set", "evaluation", "dense evaluation",
        "prediction", "L-BFGS iteration", "peak memory", "matmul"), file -> {
          JsonObject json = file.json();
          return List.of(List.of(
              Json.string(json, "dataset"),
              Cells.seconds(Json.number(json, "medianSparseSeconds")),
              Cells.seconds(Json.number(json, "medianDenseSeconds")),
              Cells.seconds(Json.optionalNumber(json, "medianPredictionSeconds")),
              Cells.seconds(Json.optionalNumber(json, "medianLbfgsIterationSeconds")),
              Cells.bytesAsGib(Json.optionalNumber(json, "peakResidentBytes")),
              Cells.fixed(Json.number(json, "medianMatmulGflops"), 1) + " GFLOP/s"));
        });
  }

  /** The first run's median seconds per sparse evaluation. */
  @Override
  public String headline(List<ResultFile> files) {
    return Cells.seconds(Json.number(files.get(0).json(), "medianSparseSeconds"))
        + " per evaluation";
  }
}
