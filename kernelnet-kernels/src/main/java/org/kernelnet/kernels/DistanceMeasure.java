package org.kernelnet.kernels;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import java.util.List;

/**
 * The distance {@code D(u, v)} a distance-based kernel ({@link RadialKernel}, {@link HatKernel}) is
 * built on, selected in a specification by its {@link #specName()}.
 */
public enum DistanceMeasure {
  /**
   * {@code D = ||u - v||}; the batched form is exact where {@code D > 1e-6} and 0 with gradient 0
   * below, so gradients stay finite for coinciding points.
   */
  EUCLIDEAN("euclidean"),
  /** {@code D = ||u - v||^2}. */
  SQUARED_EUCLIDEAN("sqeuclidean");

  private final String specName;

  DistanceMeasure(String specName) {
    this.specName = specName;
  }

  /** The name used in specifications, e.g. {@code sqeuclidean}. */
  public String specName() {
    return specName;
  }

  /** Every {@link #specName()}, in declaration order. */
  public static List<String> specNames() {
    return Arrays.stream(values()).map(DistanceMeasure::specName).toList();
  }

  /**
   * The measure named {@code specName}.
   *
   * @throws IllegalArgumentException naming the bad value and the accepted ones
   */
  public static DistanceMeasure fromSpecName(String specName) {
    requireNonNull(specName, "specName is null");
    for (DistanceMeasure d : values()) {
      if (d.specName.equals(specName)) {
        return d;
      }
    }
    throw new IllegalArgumentException(
        "distance must be one of " + specNames() + ", got '" + specName + "'");
  }

  /** The pairwise distances, differentiable: {@code [n, d] x [m, d] -> [n, m]}. */
  NDArray pairwise(NDArray u, NDArray v) {
    return this == EUCLIDEAN ? Distances.euclidean(u, v) : Distances.squaredEuclidean(u, v);
  }

  /** The distance of one pair in double precision. */
  double between(double[] u, double[] v) {
    double d2 = Vectors.squaredDistance(u, v);
    return this == EUCLIDEAN ? Math.sqrt(d2) : d2;
  }
}
