package org.kernelnet.api;

import java.util.EnumSet;
import java.util.Set;
import org.kernelnet.api.internal.ConfiguredComponent;

/**
 * Base class for kernels: value semantics from the name and {@link Config} ({@code equals}, {@code
 * hashCode}, and {@code toString} such as {@code rbf(gamma=0.5)}), plus the declared {@link
 * KernelProperty properties}.
 */
public abstract class AbstractKernel extends ConfiguredComponent implements Kernel {
  private final Set<KernelProperty> properties;

  /**
   * @param name the registered name
   * @param config every setting with its value
   * @param properties what the kernel guarantees
   */
  protected AbstractKernel(String name, Config config, Set<KernelProperty> properties) {
    super(name, config);
    this.properties =
        properties.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(properties));
  }

  @Override
  public final Set<KernelProperty> properties() {
    return properties;
  }

  /**
   * Checks that u and v are matrices with the same number of columns.
   *
   * @throws IllegalArgumentException naming both shapes
   */
  protected static void checkLocations(ai.djl.ndarray.NDArray u, ai.djl.ndarray.NDArray v) {
    if (u.getShape().dimension() != 2
        || v.getShape().dimension() != 2
        || u.getShape().get(1) != v.getShape().get(1)) {
      throw new IllegalArgumentException(
          "Kernel locations must be [n, d] and [m, d] with the same d, got u "
              + u.getShape() + " and v " + v.getShape());
    }
  }

  /**
   * Checks that two points have the same dimension.
   *
   * @throws IllegalArgumentException naming both lengths
   */
  protected static void checkPoints(double[] u, double[] v) {
    if (u.length != v.length) {
      throw new IllegalArgumentException(
          "Points must have the same dimension, got " + u.length + " and " + v.length);
    }
  }
}
