package org.kernelnet.apps.movielens.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.kernelnet.apps.mnist.analysis.MeanAndError;

/**
 * The {@link HeldOutMetrics} of several splits summarised: for each metric its mean over the
 * splits and the standard error of that mean, {@code s / sqrt(n)} with the sample standard
 * deviation {@code s} ({@link MeanAndError}; 0 for a single split). A metric that is NaN in any
 * split (no user qualified for it there) is NaN in the summary, mean and error alike.
 *
 * @param rmse the RMSE over the splits
 * @param mae the MAE over the splits
 * @param ndcg NDCG@k over the splits
 * @param precision precision@k over the splits
 * @param recall recall@k over the splits
 * @param settings the cut-off and threshold every split was ranked with
 * @param splits the number of splits n
 */
public record HeldOutSummary(
    MeanAndError rmse,
    MeanAndError mae,
    MeanAndError ndcg,
    MeanAndError precision,
    MeanAndError recall,
    RankingSettings settings,
    int splits) {
  /** Validates the record. */
  public HeldOutSummary {
    requireNonNull(rmse, "rmse is null");
    requireNonNull(mae, "mae is null");
    requireNonNull(ndcg, "ndcg is null");
    requireNonNull(precision, "precision is null");
    requireNonNull(recall, "recall is null");
    requireNonNull(settings, "settings is null");
  }

  /**
   * Summarises the metrics of each split.
   *
   * @throws IllegalArgumentException if there are none or they were ranked with different
   *     settings
   */
  public static HeldOutSummary of(List<HeldOutMetrics> splits) {
    requireNonNull(splits, "splits is null");
    if (splits.isEmpty()) {
      throw new IllegalArgumentException("need the metrics of at least one split, got none");
    }
    RankingSettings settings = splits.get(0).settings();
    for (HeldOutMetrics split : splits) {
      if (!split.settings().equals(settings)) {
        throw new IllegalArgumentException("splits ranked with different settings: " + settings
            + " and " + split.settings());
      }
    }
    return new HeldOutSummary(summary(splits, HeldOutMetrics::rmse),
        summary(splits, HeldOutMetrics::mae), summary(splits, HeldOutMetrics::ndcg),
        summary(splits, HeldOutMetrics::precision), summary(splits, HeldOutMetrics::recall),
        settings, splits.size());
  }

  private static MeanAndError summary(
      List<HeldOutMetrics> splits, ToDoubleFunction<HeldOutMetrics> metric) {
    double[] values = splits.stream().mapToDouble(metric).toArray();
    for (double v : values) {
      if (Double.isNaN(v)) {
        return new MeanAndError(Double.NaN, Double.NaN, values.length);
      }
    }
    return MeanAndError.of(values);
  }
}
