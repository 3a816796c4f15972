/**
 * What the MNIST experiments compute from their runs: means with standard errors, the check of the
 * dimensionality finding of Figure 3, how much of the image layout trained pixel locations hold
 * ({@link org.kernelnet.apps.mnist.analysis.PixelLayout}), correlations, and the PNG line charts.
 */
package org.kernelnet.apps.mnist.analysis;
