/**
 * The networks of the MNIST experiments: the grid-prior network ({@link
 * org.kernelnet.apps.mnist.model.GridPriorNetwork}) of parallel kernel layers over the pixels, its
 * pixel locations ({@link org.kernelnet.apps.mnist.model.PixelLocations}, a layout learned from
 * pixel correlations by {@link org.kernelnet.apps.mnist.model.PixelTopology}) and their noise
 * ({@link org.kernelnet.apps.mnist.model.LocationNoise}); the MLP with predicted weights ({@link
 * org.kernelnet.apps.mnist.model.PredictedMlp}) and its coordinate dictionaries; parameters, MACs
 * and the FLOPs of training.
 */
package org.kernelnet.apps.mnist.model;
