/**
 * How the MovieLens autoencoders are trained: the {@link
 * org.kernelnet.apps.movielens.train.AutoencoderTrainer} made from a run's {@link
 * org.kernelnet.apps.movielens.train.TrainingSettings} (the seam a test or an extension replaces),
 * the {@link org.kernelnet.apps.movielens.train.OptimizerTrainer} the MovieLens module binds
 * (full-batch L-BFGS or RPROP, or Adam on mini-batches), the full-batch {@link
 * org.kernelnet.apps.movielens.train.SparseAutoencoderLoss loss} computed at the observed ratings
 * only, over {@link org.kernelnet.apps.movielens.train.RatingShards item shards} on several
 * threads, the dense {@link org.kernelnet.apps.movielens.train.RatingMatrix rating matrix}, the
 * FLOPs of one evaluation, and GLocal-K's two-stage training with its fine-tuning epoch chosen on
 * validation ratings (the {@link org.kernelnet.apps.movielens.train.GlocalKTrainer} seam and the
 * {@link org.kernelnet.apps.movielens.train.LbfgsGlocalKTrainer} the module binds).
 */
package org.kernelnet.apps.movielens.train;
