package org.kernelnet.apps.movielens.report;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.mnist.analysis.MeanAndError;
import org.kernelnet.apps.movielens.data.RatingScale;
import org.kernelnet.apps.movielens.evaluation.HeldOutSummary;
import org.kernelnet.apps.movielens.evaluation.RankingSettings;
import org.kernelnet.apps.movielens.train.GlocalKHistory;
import org.kernelnet.apps.report.Reporter;

/**
 * Prints the results of {@code movielens} on standard output: Table 3 (the RMSE of every row per
 * split, their mean and standard error, the global-mean baseline and, for GLocal-K, the fine-tuning
 * epoch kept in each split), Table 4 (parameters, MACs
 * and RMSE of every row), the wall time and the peak resident memory.
 */
public final class MovieLensTables implements Reporter<MovieLensResults> {
  private final Terminal terminal;

  @Inject
  MovieLensTables(Terminal terminal) {
    this.terminal = requireNonNull(terminal, "terminal is null");
  }

  @Override
  public void report(MovieLensResults results) {
    PrintWriter out = terminal.out();
    int splits = results.rows().stream().mapToInt(r -> r.splits().size()).max().orElse(0);
    boolean validation = results.validation() > 0;
    out.printf(Locale.ROOT, "%nTable 3: %s RMSE on %s, %s, %s%n",
        validation ? "validation" : "test", results.dataset(), results.splitting(),
        results.optimizer());
    if (validation) {
      out.printf(Locale.ROOT, "(validation: %.0f %% of each split's training ratings held out;"
          + " the test ratings were not used)%n", 100 * results.validation());
    }
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-18s", "model"));
    for (int k = 1; k <= splits; k++) {
      header.append(String.format(Locale.ROOT, " %8s", "split " + k));
    }
    header.append(String.format(Locale.ROOT, " %8s %8s", "mean", "s.e."));
    out.println(header);
    for (MovieLensResults.Row row : results.rows()) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-18s", row.model()));
      row.splits().forEach(s -> line.append(String.format(Locale.ROOT, " %8.4f", s.testRmse())));
      line.append(String.format(Locale.ROOT, " %8.4f %8s", row.meanTestRmse(),
          Double.isNaN(row.standardError()) ? "n/a"
              : String.format(Locale.ROOT, "%.4f", row.standardError())));
      out.println(line);
    }
    out.printf(Locale.ROOT, "%-18s %8.4f (mean over splits; predicting the training mean)%n",
        "global mean", results.globalMeanBaselineRmse());
    results.rows().forEach(row -> printChosenEpochs(out, row));
    heldOut(out, results, validation ? "Validation" : "Test");
    out.printf(Locale.ROOT,
        "%nTable 4: size and cost (%d users, %d rated inputs, dense prediction)%n",
        results.users(), results.ratedInputs());
    out.printf(Locale.ROOT, "%-18s %12s %12s %8s%n", "model", "parameters", "MACs", "RMSE");
    for (MovieLensResults.Row row : results.rows()) {
      out.printf(Locale.ROOT, "%-18s %10.2f M %10.2f M %8.4f%n", row.model(),
          row.freeParameters() / 1e6, row.meanMacs() / 1e6, row.meanTestRmse());
    }
    out.printf(Locale.ROOT, "%nWall time %.1f min, peak resident memory %.2f GiB%n",
        results.wallSeconds() / 60, results.peakResidentGib());
    out.flush();
  }

  /** RMSE, MAE and the ranking metrics of every row, mean +- standard error over the splits. */
  private static void heldOut(PrintWriter out, MovieLensResults results, String scored) {
    List<MovieLensResults.Row> rows =
        results.rows().stream().filter(r -> r.heldOut() != null).toList();
    if (rows.isEmpty()) {
      return;
    }
    RankingSettings settings = rows.get(0).heldOut().settings();
    out.printf(Locale.ROOT, "%n%s ratings, mean +- s.e. over splits (ranking: each user's %s"
        + " items by prediction, k = %d, relevant >= %s)%n", scored,
        scored.toLowerCase(Locale.ROOT), settings.k(),
        RatingScale.format(settings.threshold()));
    String k = "@" + settings.k();
    out.printf(Locale.ROOT, "%-18s %17s %17s %17s %17s %17s%n", "model", "RMSE", "MAE", "NDCG" + k,
        "precision" + k, "recall" + k);
    for (MovieLensResults.Row row : rows) {
      HeldOutSummary h = row.heldOut();
      out.printf(Locale.ROOT, "%-18s %17s %17s %17s %17s %17s%n", row.model(), cell(h.rmse()),
          cell(h.mae()), cell(h.ndcg()), cell(h.precision()), cell(h.recall()));
    }
  }

  /** The mean and its standard error; the value alone for one split. */
  private static String cell(MeanAndError value) {
    return value.count() < 2 ? String.format(Locale.ROOT, "%.4f", value.mean())
        : String.format(Locale.ROOT, "%.4f +- %.4f", value.mean(), value.standardError());
  }

  /** For GLocal-K: the fine-tuning epoch kept in each split and its validation RMSE. */
  private static void printChosenEpochs(PrintWriter out, MovieLensResults.Row row) {
    StringBuilder line = new StringBuilder();
    double fraction = Double.NaN;
    for (MovieLensResults.Split split : row.splits()) {
      GlocalKHistory history = split.glocalK();
      if (history != null) {
        fraction = history.settings().validationFraction();
        line.append(String.format(Locale.ROOT, "%s split %d: epoch %d of %d (RMSE %.4f)",
            line.isEmpty() ? "" : ";", split.split(), history.chosenEpoch(),
            history.fineTuning().size(), history.chosenValidationRmse()));
      }
    }
    if (!line.isEmpty()) {
      out.printf(Locale.ROOT, "%s: fine-tuning epoch kept on %.0f %% of the training ratings held"
          + " out:%s%n", row.model(), 100 * fraction, line);
    }
  }
}
