package org.kernelnet.apps.cifar.probe;

/**
 * Per-feature standardisation of trunk features, {@code x' = (x - mean) / std}, with the mean and
 * std of the training rows (std floored at {@code 1e-6}), applied row by row so that no
 * standardised copy of the features is held.
 *
 * @param mean {@code [D]}
 * @param std {@code [D]}
 */
record Standardizer(float[] mean, float[] std) {
  /** The statistics of the given rows of {@code features}. */
  static Standardizer of(FeatureCache.Features features, int[] rows) {
    int d = features.width();
    double[] sum = new double[d];
    double[] sumSq = new double[d];
    float[] row = new float[d];
    for (int r : rows) {
      features.copyRow(r, row, 0);
      for (int j = 0; j < d; j++) {
        double x = row[j];
        sum[j] += x;
        sumSq[j] += x * x;
      }
    }
    float[] mean = new float[d];
    float[] std = new float[d];
    for (int j = 0; j < d; j++) {
      double m = sum[j] / rows.length;
      mean[j] = (float) m;
      std[j] = (float) Math.max(1e-6, Math.sqrt(Math.max(0, sumSq[j] / rows.length - m * m)));
    }
    return new Standardizer(mean, std);
  }

  /** Writes the standardised row {@code row} into {@code out[offset .. offset + D)}. */
  void applyRow(FeatureCache.Features features, int row, float[] out, int offset) {
    int d = features.width();
    features.copyRow(row, out, offset);
    for (int j = 0; j < d; j++) {
      out[offset + j] = (out[offset + j] - mean[j]) / std[j];
    }
  }
}
