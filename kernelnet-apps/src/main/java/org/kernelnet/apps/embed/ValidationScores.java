package org.kernelnet.apps.embed;

/**
 * What is measured on the validation set after each training epoch (and recorded in the
 * checkpoint).
 *
 * @param loss the mean loss of the objective
 * @param accuracy the classifier's accuracy; NaN for the autoencoder
 * @param knn the k-NN accuracy of the validation examples' map positions, fitted on a sample of
 *     the training examples' positions
 */
public record ValidationScores(double loss, double accuracy, double knn) {}
