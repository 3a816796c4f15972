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
 * The polynomial kernel {@code K(u, v) = (u . v + c)^p} (section 3.1, p = 2 in the paper). Its feature
 * space has dimension {@code C(d + p, p)}, e.g. {@code (d+1)(d+2)/2} for p = 2 and c > 0.
 *
 * <p>Positive semi-definite: {@code u . v} and the constant {@code c >= 0} are PSD kernels, so is
 * their sum, and so is an integer power of a PSD kernel (Schur product theorem).
 */
public final class PolynomialKernel extends AbstractKernel {
  /** The registered name. */
  public static final String NAME = "poly";

  private final int degree;
  private final double offset;

  /**
   * @param degree the power p, an integer {@code >= 1}
   * @param offset the constant c, {@code >= 0}
   */
  public PolynomialKernel(int degree, double offset) {
    super(NAME,
        Config.builder()
            .put("degree", Checks.atLeast("degree", degree, 1))
            .put("offset", Checks.nonNegative("offset", offset))
            .build(),
        EnumSet.of(KernelProperty.SYMMETRIC, KernelProperty.POSITIVE_SEMI_DEFINITE));
    this.degree = degree;
    this.offset = offset;
  }

  /** {@code (u v^T + c)^p}: {@code [n, d] x [m, d] -> [n, m]}. */
  @Override
  public NDArray gram(NDArray u, NDArray v) {
    checkLocations(u, v);
    NDArray shifted = u.matMul(v.transpose()).add(offset);
    return degree == 1 ? shifted : shifted.pow(Scalars.like(shifted, degree));
  }

  @Override
  public double evaluate(double[] u, double[] v) {
    checkPoints(u, v);
    return Math.pow(Vectors.dot(u, v) + offset, degree);
  }

  /** Builds {@link PolynomialKernel} from {@code degree} and {@code offset}. */
  public static final class Factory implements KernelFactory {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String description() {
      return "polynomial K(u,v) = (u.v + offset)^degree (section 3.1)";
    }

    @Override
    public List<ConfigKey> configKeys() {
      return List.of(
          ConfigKey.ofInt("degree", 2, Range.atLeast(1), "the power p"),
          ConfigKey.ofDouble("offset", 1.0, Range.nonNegative(), "the constant c added to u.v"));
    }

    @Override
    public PolynomialKernel create(Config config) {
      return new PolynomialKernel(config.getInt("degree"), config.getDouble("offset"));
    }
  }
}
