package org.kernelnet.apps.movielens.evaluation;

import static java.util.Objects.requireNonNull;

import org.kernelnet.apps.movielens.data.RatingScale;
import org.kernelnet.apps.movielens.data.Ratings;

/**
 * The errors of predictions made at the ratings' own (user, item) pairs, each prediction first
 * clipped to the rating scale:
 *
 * <pre>
 *   clip(x) = min(max(x, scale.min), scale.max)
 *   RMSE    = sqrt(1/n sum_k (clip(p_k) - r_k)^2)
 *   MAE     = 1/n sum_k |clip(p_k) - r_k|
 * </pre>
 *
 * summed in double precision in the order of the ratings.
 *
 * @param rmse the root mean squared error, NaN for no ratings
 * @param mae the mean absolute error, NaN for no ratings
 * @param count the number of ratings n
 */
public record RatingErrors(double rmse, double mae, int count) {
  /** {@code min(max(x, lo), hi)}: a prediction clipped to the rating scale. */
  public static double clip(double x, RatingScale scale) {
    return Math.min(Math.max(x, scale.min()), scale.max());
  }

  /**
   * The errors of {@code predictions} at {@code ratings}.
   *
   * @param predictions {@code p_k}, one per rating
   * @param scale the scale predictions are clipped to
   * @throws IllegalArgumentException if there is not one prediction per rating
   */
  public static RatingErrors of(float[] predictions, Ratings ratings, RatingScale scale) {
    requireNonNull(predictions, "predictions is null");
    requireNonNull(ratings, "ratings is null");
    requireNonNull(scale, "scale is null");
    int n = ratings.size();
    if (predictions.length != n) {
      throw new IllegalArgumentException(predictions.length + " predictions for " + n + " ratings");
    }
    double squares = 0;
    double absolutes = 0;
    for (int k = 0; k < n; k++) {
      double e = clip(predictions[k], scale) - ratings.rating(k);
      squares += e * e;
      absolutes += Math.abs(e);
    }
    return new RatingErrors(Math.sqrt(squares / n), absolutes / n, n);
  }
}
