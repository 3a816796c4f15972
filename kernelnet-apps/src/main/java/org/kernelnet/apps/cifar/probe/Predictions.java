package org.kernelnet.apps.cifar.probe;

/**
 * What a trained head makes of feature rows ({@link KernelHead#predict}).
 *
 * @param activations the kernel-layer activations, {@code [N, grid^2]} row-major
 * @param predictions the predicted class of every row, {@code [N]}
 */
record Predictions(float[] activations, int[] predictions) {
  /** The fraction of rows predicted as their label. */
  double accuracy(int[] labels) {
    return accuracy(predictions, labels);
  }

  /**
   * The fraction of equal entries.
   *
   * @throws IllegalArgumentException unless both have the same length, at least 1
   */
  static double accuracy(int[] predictions, int[] labels) {
    if (predictions.length != labels.length || labels.length == 0) {
      throw new IllegalArgumentException("need equally many (>= 1) predictions and labels, got "
          + predictions.length + " and " + labels.length);
    }
    long correct = 0;
    for (int i = 0; i < labels.length; i++) {
      if (predictions[i] == labels[i]) {
        correct++;
      }
    }
    return (double) correct / labels.length;
  }
}
