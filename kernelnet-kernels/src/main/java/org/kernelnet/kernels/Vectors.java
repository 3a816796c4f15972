package org.kernelnet.kernels;

/** Double-precision reference arithmetic for {@code Kernel.evaluate}. */
final class Vectors {
  private Vectors() {}

  static double dot(double[] u, double[] v) {
    double s = 0;
    for (int i = 0; i < u.length; i++) {
      s += u[i] * v[i];
    }
    return s;
  }

  static double squaredDistance(double[] u, double[] v) {
    double s = 0;
    for (int i = 0; i < u.length; i++) {
      double d = u[i] - v[i];
      s += d * d;
    }
    return s;
  }
}
