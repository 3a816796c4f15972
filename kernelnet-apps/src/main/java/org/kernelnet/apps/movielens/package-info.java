/**
 * The {@code movielens} and {@code recommend} applications (section 3.5 of Mueller et al. 2018,
 * Tables 3 and 4): item-based autoencoders in the style of I-AutoRec whose weight matrices are dense
 * ({@code autorec}), kernelNet layers with the tanh kernel ({@code kernelnet}) or dense matrices
 * masked by a finite-support kernel ({@code sparse-fc}), trained full batch with L-BFGS or RPROP, or
 * on mini-batches with Adam, and GLocal-K ({@code glocal-k}, Han et al. 2021: the sparse-FC
 * autoencoder fine-tuned with a global convolution kernel, its epoch chosen on validation ratings);
 * evaluated by the test RMSE of clipped predictions over random splits, and counted in free
 * parameters and multiply-accumulates per prediction.
 *
 * <p>This package holds the applications with their configuration records and the family's
 * {@link org.kernelnet.apps.movielens.MovieLensModule}; the commands are in {@code cli}, the
 * networks in {@code model}, their training in {@code train}, the data sets in {@code data}, the
 * results and their reporters in {@code report}, the scoring of predictions (errors and ranking
 * metrics on held-out ratings) in {@code evaluation}.
 */
package org.kernelnet.apps.movielens;
