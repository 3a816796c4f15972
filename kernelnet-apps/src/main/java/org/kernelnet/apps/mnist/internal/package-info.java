/**
 * The machinery shared by the {@code mnist} experiments: the seeded data split with its checksums
 * ({@link org.kernelnet.apps.mnist.internal.ExperimentData}), Adam training of the classifiers and
 * accuracy evaluation ({@link org.kernelnet.apps.mnist.internal.ClassifierTraining}), the
 * grid-prior network ({@link org.kernelnet.apps.mnist.internal.GridPriorNetwork}) with its location
 * noise ({@link org.kernelnet.apps.mnist.internal.LocationNoise}), FLOP counting, mean and standard
 * error, the coordinate dictionaries of the predicted-parameter layers, and PNG charts.
 */
package org.kernelnet.apps.mnist.internal;
