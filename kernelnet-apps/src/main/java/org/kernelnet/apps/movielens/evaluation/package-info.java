/**
 * How predictions of ratings are scored, as pure functions of arrays: {@link
 * org.kernelnet.apps.movielens.evaluation.RatingErrors} (RMSE and MAE of predictions clipped to
 * the rating scale), {@link org.kernelnet.apps.movielens.evaluation.HeldOutMetrics} (those and
 * NDCG@k, precision@k and recall@k of the held-out ratings ranked per user, from a prediction
 * matrix {@code [items, users]}) with its {@link
 * org.kernelnet.apps.movielens.evaluation.RankingSettings cut-off and relevance threshold}, their
 * {@link org.kernelnet.apps.movielens.evaluation.HeldOutSummary mean and standard error over
 * splits}, and {@link org.kernelnet.apps.movielens.evaluation.TopItems}, the selection of the best
 * items that both the ranking metrics and {@code recommend} use.
 */
package org.kernelnet.apps.movielens.evaluation;
