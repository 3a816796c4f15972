/**
 * How the MNIST classifiers are trained and measured: the family's {@link
 * org.kernelnet.apps.mnist.train.ClassifierTrainer}, bound in {@code MnistModule} to {@link
 * org.kernelnet.apps.mnist.train.AdamClassifierTrainer} (Adam on the softmax cross-entropy in the
 * shared epoch loop, with one validation accuracy per epoch, and the accuracy of a set).
 */
package org.kernelnet.apps.mnist.train;
