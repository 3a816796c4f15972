/**
 * How the MNIST classifiers are trained and measured: Adam on the softmax cross-entropy in the
 * shared epoch loop, with one validation accuracy per epoch, and the accuracy of a set ({@link
 * org.kernelnet.apps.mnist.train.ClassifierTraining}).
 */
package org.kernelnet.apps.mnist.train;
