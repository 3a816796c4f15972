package org.kernelnet.kernels;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import java.util.EnumSet;
import java.util.List;
import org.kernelnet.api.AbstractKernel;
import org.kernelnet.api.Config;
import org.kernelnet.api.ConfigKey;
import org.kernelnet.api.KernelFactory;
import org.kernelnet.api.KernelProperty;

/**
 * The finite-support kernel {@code K(u, v) = max(0, 1 - ||u - v||^2)} that the authors' published
 * MovieLens code uses for the sparse FC layers (section 3.5): {@link HatKernel} with {@code a = 1} on
 * the squared Euclidean distance, kept under its own name so the paper's setting is one word. Exactly
 * 0 once {@code ||u - v|| >= 1}. Not positive semi-definite (see {@link HatKernel}).
 */
public final class SquaredHatKernel extends AbstractKernel {
  /** The registered name. */
  public static final String NAME = "hat-sq";

  public SquaredHatKernel() {
    super(NAME, Config.empty(), EnumSet.of(KernelProperty.SYMMETRIC, KernelProperty.FINITE_SUPPORT));
  }

  /** {@code max(0, 1 - D2)}: {@code [n, d] x [m, d] -> [n, m]}. */
  @Override
  public NDArray gram(NDArray u, NDArray v) {
    checkLocations(u, v);
    return Activation.relu(Distances.affineOfSquared(u, v, -1, 1));
  }

  @Override
  public double evaluate(double[] u, double[] v) {
    checkPoints(u, v);
    return Math.max(0, 1 - Vectors.squaredDistance(u, v));
  }

  /** Builds {@link SquaredHatKernel}; takes no settings. */
  public static final class Factory implements KernelFactory {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String description() {
      return "finite-support K(u,v) = max(0, 1 - ||u-v||^2), as in the authors' MovieLens code (section 3.5)";
    }

    @Override
    public List<ConfigKey> configKeys() {
      return List.of();
    }

    @Override
    public SquaredHatKernel create(Config config) {
      return new SquaredHatKernel();
    }
  }
}
