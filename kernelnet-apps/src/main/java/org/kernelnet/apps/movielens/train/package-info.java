/**
 * How the MovieLens autoencoders are trained: the {@link
 * org.kernelnet.apps.movielens.train.AutoencoderTrainer trainer} (full-batch L-BFGS or RPROP, or
 * Adam on mini-batches), the full-batch {@link
 * org.kernelnet.apps.movielens.train.SparseAutoencoderLoss loss} computed at the observed ratings
 * only, over {@link org.kernelnet.apps.movielens.train.RatingShards item shards} on several
 * threads, the dense {@link org.kernelnet.apps.movielens.train.RatingMatrix rating matrix}, and the
 * FLOPs of one evaluation.
 */
package org.kernelnet.apps.movielens.train;
