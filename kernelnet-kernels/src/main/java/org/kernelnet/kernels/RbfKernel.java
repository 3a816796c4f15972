package org.kernelnet.kernels;

import ai.djl.ndarray.NDArray;
import java.util.EnumSet;
import java.util.List;
import org.kernelnet.api.AbstractKernel;
import org.kernelnet.api.Config;
import org.kernelnet.api.ConfigKey;
import org.kernelnet.api.ConfigKey.Range;
import org.kernelnet.api.KernelFactory;
import org.kernelnet.api.KernelProperty;

/**
 * The Gaussian RBF kernel {@code K(u, v) = exp(-gamma ||u - v||^2)} (Eq. 6); its feature space is
 * infinite-dimensional, so a layer with it embeds its inputs more richly than the dot product at the
 * same d.
 */
public final class RbfKernel extends AbstractKernel {
  /** The registered name. */
  public static final String NAME = "rbf";

  private final double gamma;

  /** @param gamma the inverse squared width, {@code > 0} */
  public RbfKernel(double gamma) {
    super(NAME, Config.builder().put("gamma", Checks.positive("gamma", gamma)).build(),
        EnumSet.of(KernelProperty.SYMMETRIC, KernelProperty.POSITIVE_SEMI_DEFINITE));
    this.gamma = gamma;
  }

  /** {@code exp(-gamma D2)} with {@code D2 = ||u_i - v_j||^2}: {@code [n, d] x [m, d] -> [n, m]}. */
  @Override
  public NDArray gram(NDArray u, NDArray v) {
    checkLocations(u, v);
    return Distances.affineOfSquared(u, v, -gamma, 0).exp();
  }

  @Override
  public double evaluate(double[] u, double[] v) {
    checkPoints(u, v);
    return Math.exp(-gamma * Vectors.squaredDistance(u, v));
  }

  /** Builds {@link RbfKernel} from {@code gamma}. */
  public static final class Factory implements KernelFactory {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String description() {
      return "Gaussian RBF K(u,v) = exp(-gamma ||u-v||^2) (Eq. 6)";
    }

    @Override
    public List<ConfigKey> configKeys() {
      return List.of(ConfigKey.ofDouble("gamma", 1.0, Range.positive(), "inverse squared width"));
    }

    @Override
    public RbfKernel create(Config config) {
      return new RbfKernel(config.getDouble("gamma"));
    }
  }
}
