package org.kernelnet.apps.mnist.analysis;

/**
 * Pearson's correlation {@code r} of pairs {@code (a, b)}, accumulated in one pass of sums:
 * {@code r = (S_ab - S_a S_b / n) / sqrt((S_aa - S_a^2 / n) (S_bb - S_b^2 / n))}.
 */
public final class PearsonCorrelation {
  private double n;
  private double sa;
  private double sb;
  private double saa;
  private double sbb;
  private double sab;

  /** Adds one pair. */
  public void add(double a, double b) {
    n++;
    sa += a;
    sb += b;
    saa += a * a;
    sbb += b * b;
    sab += a * b;
  }

  /** r; NaN if no pair was added or either side is constant. */
  public double value() {
    double covariance = sab - sa * sb / n;
    return covariance / Math.sqrt((saa - sa * sa / n) * (sbb - sb * sb / n));
  }
}
