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
 * The squared-exponential kernel on coordinates {@code K(c_a, c_b) = exp(-||c_a - c_b||^2 / (2
 * l^2))} that Denil et al. (2013) use to predict weights from pixel coordinates; the RBF kernel with
 * {@code gamma = 1 / (2 l^2)}, parametrised by its length scale l. Positive semi-definite.
 */
public final class SquaredExponentialKernel extends AbstractKernel {
  /** The registered name. */
  public static final String NAME = "sqexp";

  private final double length;

  /** @param length the length scale l, {@code > 0} */
  public SquaredExponentialKernel(double length) {
    super(NAME, Config.builder().put("length", Checks.positive("length", length)).build(),
        EnumSet.of(KernelProperty.SYMMETRIC, KernelProperty.POSITIVE_SEMI_DEFINITE));
    this.length = length;
  }

  /** {@code exp(-D2 / (2 l^2))}: {@code [n, d] x [m, d] -> [n, m]}. */
  @Override
  public NDArray gram(NDArray u, NDArray v) {
    checkLocations(u, v);
    return Distances.affineOfSquared(u, v, -1 / (2 * length * length), 0).exp();
  }

  @Override
  public double evaluate(double[] u, double[] v) {
    checkPoints(u, v);
    return Math.exp(-Vectors.squaredDistance(u, v) / (2 * length * length));
  }

  /** Builds {@link SquaredExponentialKernel} from {@code length}. */
  public static final class Factory implements KernelFactory {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String description() {
      return "squared exponential K(a,b) = exp(-||a-b||^2 / (2 length^2)) (Denil et al. 2013)";
    }

    @Override
    public List<ConfigKey> configKeys() {
      return List.of(ConfigKey.ofDouble("length", 1.0, Range.positive(), "the length scale l"));
    }

    @Override
    public SquaredExponentialKernel create(Config config) {
      return new SquaredExponentialKernel(config.getDouble("length"));
    }
  }
}
