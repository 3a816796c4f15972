/**
 * The item autoencoders of the MovieLens experiment: the {@link
 * org.kernelnet.apps.movielens.model.ModelKind kinds} (I-AutoRec, I-KernelNet, Sparse FC,
 * GLocal-K's local autoencoder) and their {@link
 * org.kernelnet.apps.movielens.model.AutoencoderSpec specification}, the {@link
 * org.kernelnet.apps.movielens.model.ItemAutoencoder network} with its loss, {@link
 * org.kernelnet.apps.movielens.model.GlocalK GLocal-K} (the network with a global kernel), its
 * {@link org.kernelnet.apps.movielens.model.PredictionCost size and cost} (Table 4), and the {@link
 * org.kernelnet.apps.movielens.model.SavedModel model file} with its checksum.
 */
package org.kernelnet.apps.movielens.model;
