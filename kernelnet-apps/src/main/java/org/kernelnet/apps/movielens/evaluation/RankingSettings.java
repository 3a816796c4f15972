package org.kernelnet.apps.movielens.evaluation;

import static java.util.Objects.requireNonNull;

import org.kernelnet.apps.movielens.data.RatingScale;

/**
 * The cut-off and the relevance threshold of the ranking metrics.
 *
 * <p>A held-out rating {@code r} is relevant when {@code r >= threshold - 1e-9}: the tolerance
 * keeps a threshold computed in floating point that lands a rounding error above a rating level
 * from excluding that level. The {@link #defaultThreshold default
 * threshold} is {@code min + 0.75 (max - min)} of the rating scale: 4 on 1..5 ("4 or 5 stars",
 * the usual reading of a MovieLens rating as a liking), placed at the same fraction of any other
 * scale so that the same top quarter of the scale counts as relevant: 3.875 on 0.5..5 (so 4, 4.5
 * and 5 stars, as on 1..5), 75.25 on 1..100. A fixed fraction rather than a fixed distance below
 * the maximum, so that a scale's step (half stars, or 1 of 100) does not change what counts.
 *
 * @param k the cut-off of precision@k, recall@k and NDCG@k, {@code >= 1}
 * @param threshold the least relevant rating, finite
 */
public record RankingSettings(int k, double threshold) {
  /** The usual cut-off, 10. */
  public static final int DEFAULT_K = 10;

  /** How far below the threshold a rating still counts as relevant. */
  public static final double TOLERANCE = 1e-9;

  /** Validates the settings. */
  public RankingSettings {
    if (k < 1) {
      throw new IllegalArgumentException("the ranking cut-off k must be >= 1, got " + k);
    }
    if (!Double.isFinite(threshold)) {
      throw new IllegalArgumentException(
          "the relevance threshold must be finite, got " + threshold);
    }
  }

  /** Cut-off {@code k} with the {@link #defaultThreshold} of {@code scale}. */
  public static RankingSettings of(int k, RatingScale scale) {
    return new RankingSettings(k, defaultThreshold(scale));
  }

  /** {@code min + 0.75 (max - min)} of {@code scale}: 4 on 1..5, 3.875 on 0.5..5. */
  public static double defaultThreshold(RatingScale scale) {
    requireNonNull(scale, "scale is null");
    return scale.min() + 0.75 * (scale.max() - scale.min());
  }

  /** Whether {@code rating} is relevant: {@code rating >= threshold - 1e-9}. */
  public boolean relevant(double rating) {
    return rating >= threshold - TOLERANCE;
  }
}
