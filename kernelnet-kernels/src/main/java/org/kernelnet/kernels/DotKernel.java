package org.kernelnet.kernels;

import ai.djl.ndarray.NDArray;
import java.util.EnumSet;
import java.util.List;
import org.kernelnet.api.AbstractKernel;
import org.kernelnet.api.Config;
import org.kernelnet.api.ConfigKey;
import org.kernelnet.api.KernelFactory;
import org.kernelnet.api.KernelProperty;

/**
 * The dot-product kernel {@code K(u, v) = u . v} (Eq. 3): with alpha = 1 a kernel layer computes
 * {@code x U V^T}, a dense layer with a linear bottleneck of width d.
 */
public final class DotKernel extends AbstractKernel {
  /** The registered name. */
  public static final String NAME = "dot";

  public DotKernel() {
    super(NAME, Config.empty(), EnumSet.of(KernelProperty.SYMMETRIC, KernelProperty.POSITIVE_SEMI_DEFINITE));
  }

  /** {@code u v^T}: {@code [n, d] x [m, d] -> [n, m]}. */
  @Override
  public NDArray gram(NDArray u, NDArray v) {
    checkLocations(u, v);
    return u.matMul(v.transpose());
  }

  @Override
  public double evaluate(double[] u, double[] v) {
    checkPoints(u, v);
    return Vectors.dot(u, v);
  }

  /** Builds {@link DotKernel}; takes no settings. */
  public static final class Factory implements KernelFactory {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String description() {
      return "dot product K(u,v) = u.v (Eq. 3): a rank-d factorisation W = U V^T";
    }

    @Override
    public List<ConfigKey> configKeys() {
      return List.of();
    }

    @Override
    public DotKernel create(Config config) {
      return new DotKernel();
    }
  }
}
