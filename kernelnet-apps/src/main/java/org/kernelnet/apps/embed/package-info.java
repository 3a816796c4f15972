/**
 * {@code kernelnet embed}: extensible 2-D embeddings (section 3.3 of Mueller et al. 2018). {@link
 * org.kernelnet.apps.embed.EmbedMnistCommand} (options) builds an {@link
 * org.kernelnet.apps.embed.EmbedConfig}, {@link org.kernelnet.apps.embed.EmbedModule} wires it and
 * {@code EmbedApp} has the family's {@link org.kernelnet.apps.embed.EmbedTrainer} train the {@link
 * org.kernelnet.apps.embed.EmbeddingNetwork} (a 2-D RBF kernelNet layer on a fixed grid, the Eq. 9
 * threshold and the Eq. 10 centre of mass) as a classifier or an autoencoder, scores the map with
 * {@link org.kernelnet.apps.embed.KNearestNeighbours} and hands the {@link
 * org.kernelnet.apps.embed.EmbedResults} to the family's reporters, which print them and draw the
 * maps with {@link org.kernelnet.apps.embed.MapPlots} ({@link
 * org.kernelnet.apps.embed.ThumbnailPlacement} for the digit thumbnails, {@link
 * org.kernelnet.apps.embed.GaussianBump} for the decoder traversal).
 */
package org.kernelnet.apps.embed;
