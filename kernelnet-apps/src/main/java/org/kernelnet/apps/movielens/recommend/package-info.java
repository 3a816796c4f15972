/**
 * Top-N recommendation from a trained item autoencoder: {@link
 * org.kernelnet.apps.movielens.recommend.UnratedPredictions} (one forward pass of the whole rating
 * matrix, the rated pairs removed, each user's best unrated items chosen by clipped prediction)
 * and {@link org.kernelnet.apps.movielens.recommend.TopNCsv} (every user's as CSV rows {@code
 * user,rank,item,score}, streamed with progress).
 */
package org.kernelnet.apps.movielens.recommend;
