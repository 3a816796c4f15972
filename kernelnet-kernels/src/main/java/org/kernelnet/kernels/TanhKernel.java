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
import org.kernelnet.api.Scalars;

/**
 * The sigmoid kernel {@code K(u, v) = tanh(s * u . v + c)} (Eq. 12; the MovieLens KernelNet of section
 * 3.5 uses {@code s = 1, c = 0}). Symmetric but not positive semi-definite: for {@code s = 1, c = 0}
 * the points 1 and 2 of {@code R^1} give the Gram determinant {@code tanh(1) tanh(4) - tanh(2)^2},
 * about {@code -0.168 < 0}, and for {@code c < 0} a small u has {@code K(u, u) < 0}. It works well regardless.
 */
public final class TanhKernel extends AbstractKernel {
  /** The registered name. */
  public static final String NAME = "tanh";

  private final double scale;
  private final double offset;

  /**
   * @param scale the factor s of the dot product, {@code > 0}
   * @param offset the constant c, finite
   */
  public TanhKernel(double scale, double offset) {
    super(NAME,
        Config.builder()
            .put("scale", Checks.positive("scale", scale))
            .put("offset", Checks.finite("offset", offset))
            .build(),
        EnumSet.of(KernelProperty.SYMMETRIC));
    this.scale = scale;
    this.offset = offset;
  }

  /** {@code tanh(s u v^T + c)}: {@code [n, d] x [m, d] -> [n, m]}. */
  @Override
  public NDArray gram(NDArray u, NDArray v) {
    checkLocations(u, v);
    NDArray dot = u.matMul(v.transpose());
    return dot.mul(Scalars.like(dot, scale)).add(offset).tanh();
  }

  @Override
  public double evaluate(double[] u, double[] v) {
    checkPoints(u, v);
    return Math.tanh(scale * Vectors.dot(u, v) + offset);
  }

  /** Builds {@link TanhKernel} from {@code scale} and {@code offset}. */
  public static final class Factory implements KernelFactory {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String description() {
      return "sigmoid K(u,v) = tanh(scale u.v + offset) (Eq. 12); not positive semi-definite";
    }

    @Override
    public List<ConfigKey> configKeys() {
      return List.of(
          ConfigKey.ofDouble("scale", 1.0, Range.positive(), "the factor s of u.v"),
          ConfigKey.ofDouble("offset", 0.0, Range.finite(), "the constant c"));
    }

    @Override
    public TanhKernel create(Config config) {
      return new TanhKernel(config.getDouble("scale"), config.getDouble("offset"));
    }
  }
}
