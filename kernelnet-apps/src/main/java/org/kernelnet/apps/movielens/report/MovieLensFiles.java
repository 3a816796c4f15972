package org.kernelnet.apps.movielens.report;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.movielens.evaluation.HeldOutMetrics;
import org.kernelnet.apps.movielens.evaluation.HeldOutSummary;
import org.kernelnet.apps.report.Reporter;
import org.kernelnet.apps.report.ResultsWriter;

/**
 * Writes the results of {@code movielens} into the run folder, {@code results.json} (the whole
 * record), {@code splits.csv} (a line per row and split) and {@code summary.csv} (a line per row),
 * then lists on standard output the files written and the models the run saved.
 */
public final class MovieLensFiles implements Reporter<MovieLensResults> {
  private final Optional<ResultsWriter> writer;
  private final Terminal terminal;

  /**
   * @param writer the run folder's writer; absent for the commands of the family that write no
   *     run folder and report no {@link MovieLensResults}
   */
  @Inject
  MovieLensFiles(Optional<ResultsWriter> writer, Terminal terminal) {
    this.writer = requireNonNull(writer, "writer is null");
    this.terminal = requireNonNull(terminal, "terminal is null");
  }

  @Override
  public void report(MovieLensResults results) {
    ResultsWriter folder = writer.orElseThrow(() -> new IllegalStateException(
        "movielens results are written into a run folder, and this command opened none"));
    List<Path> written = new ArrayList<>();
    written.add(folder.writeJson("results.json", results));
    written.add(folder.writeCsv("splits.csv", List.of("model", "split", "seed", "test_rmse",
        "train_rmse", "baseline_rmse", "iterations", "evaluations", "training_seconds",
        "seconds_per_evaluation", "macs", "test_mae", "ndcg_at_k", "precision_at_k",
        "recall_at_k"), splitRows(results.rows())));
    written.add(folder.writeCsv("summary.csv", List.of("model", "splits", "mean_test_rmse",
        "standard_error", "mean_train_rmse", "free_parameters", "mean_macs", "mean_test_mae",
        "mean_ndcg_at_k", "mean_precision_at_k", "mean_recall_at_k"),
        summaryRows(results.rows())));
    PrintWriter out = terminal.out();
    out.println();
    out.println("Written:");
    written.forEach(p -> out.println("  " + p));
    results.rows().stream().map(MovieLensResults.Row::savedModel).filter(Objects::nonNull)
        .forEach(model -> out.println("  " + model));
    out.flush();
  }

  private static List<List<?>> splitRows(List<MovieLensResults.Row> rows) {
    List<List<?>> out = new ArrayList<>();
    for (MovieLensResults.Row row : rows) {
      for (MovieLensResults.Split s : row.splits()) {
        HeldOutMetrics h = s.heldOut();
        boolean none = h == null;
        out.add(List.of(row.model(), s.split(), s.seed(), s.testRmse(), s.trainRmse(),
            s.baselineRmse(), s.iterations(), s.evaluations(), s.trainingSeconds(),
            s.secondsPerEvaluation(), s.macs(), none ? Double.NaN : h.mae(),
            none ? Double.NaN : h.ndcg(), none ? Double.NaN : h.precision(),
            none ? Double.NaN : h.recall()));
      }
    }
    return out;
  }

  private static List<List<?>> summaryRows(List<MovieLensResults.Row> rows) {
    List<List<?>> out = new ArrayList<>();
    for (MovieLensResults.Row row : rows) {
      HeldOutSummary h = row.heldOut();
      boolean none = h == null;
      out.add(List.of(row.model(), row.splits().size(), row.meanTestRmse(), row.standardError(),
          row.meanTrainRmse(), row.freeParameters(), row.meanMacs(),
          none ? Double.NaN : h.mae().mean(), none ? Double.NaN : h.ndcg().mean(),
          none ? Double.NaN : h.precision().mean(), none ? Double.NaN : h.recall().mean()));
    }
    return out;
  }
}
