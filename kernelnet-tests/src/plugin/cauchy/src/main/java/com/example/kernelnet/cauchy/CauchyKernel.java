package com.example.kernelnet.cauchy;

import ai.djl.ndarray.NDArray;
import java.util.EnumSet;
import java.util.List;
import org.kernelnet.api.AbstractKernel;
import org.kernelnet.api.Config;
import org.kernelnet.api.ConfigKey;
import org.kernelnet.api.KernelFactory;
import org.kernelnet.api.KernelProperty;
import org.kernelnet.api.Scalars;

/**
 * The Cauchy kernel {@code K(u, v) = 1 / (1 + gamma ||u - v||^2)}, gamma > 0: a heavy-tailed
 * alternative to the RBF kernel. It is symmetric and positive semi-definite: {@code t -> 1 / (1 +
 * gamma t)} is completely monotone in {@code t = ||u - v||^2}, so by Schoenberg's theorem every Gram
 * matrix is PSD. A third-party kernel written against kernelnet-api alone.
 */
public final class CauchyKernel extends AbstractKernel {
  /** The registered name. */
  public static final String NAME = "cauchy";

  private final double gamma;

  /** @param gamma the inverse squared scale, {@code > 0} */
  public CauchyKernel(double gamma) {
    super(NAME, Config.builder().put("gamma", checkGamma(gamma)).build(),
        EnumSet.of(KernelProperty.SYMMETRIC, KernelProperty.POSITIVE_SEMI_DEFINITE));
    this.gamma = gamma;
  }

  private static double checkGamma(double gamma) {
    if (!(gamma > 0) || Double.isInfinite(gamma)) {
      throw new IllegalArgumentException("gamma must be in (0, inf), got " + gamma);
    }
    return gamma;
  }

  /**
   * {@code 1 / (1 + gamma D2)} with {@code D2[i][j] = |u_i|^2 + |v_j|^2 - 2 u_i . v_j}, clamped at 0:
   * {@code [n, d] x [m, d] -> [n, m]}. Constants enter through {@link Scalars#like}, never as {@code
   * NDArray.mul(Number)}, so autograd's copies of them outlive the forward pass.
   */
  @Override
  public NDArray gram(NDArray u, NDArray v) {
    checkLocations(u, v);
    NDArray uu = u.square().sum(new int[] {1}, true);
    NDArray vv = v.square().sum(new int[] {1}, true).transpose();
    NDArray uv = u.matMul(v.transpose());
    NDArray d2 = uu.add(vv).sub(uv.add(uv)).maximum(Scalars.like(uv, 0));
    NDArray denominator = d2.mul(Scalars.like(d2, gamma)).add(1);
    return denominator.onesLike().div(denominator);
  }

  @Override
  public double evaluate(double[] u, double[] v) {
    checkPoints(u, v);
    double d2 = 0;
    for (int i = 0; i < u.length; i++) {
      double d = u[i] - v[i];
      d2 += d * d;
    }
    return 1 / (1 + gamma * d2);
  }

  /** Builds {@link CauchyKernel} from {@code gamma}. */
  public static final class Factory implements KernelFactory {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String description() {
      return "Cauchy K(u,v) = 1/(1 + gamma ||u-v||^2)";
    }

    @Override
    public List<ConfigKey> configKeys() {
      return List.of(ConfigKey.ofDouble(
          "gamma", 1.0, ConfigKey.Range.positive(), "inverse squared scale"));
    }

    @Override
    public CauchyKernel create(Config config) {
      return new CauchyKernel(config.getDouble("gamma"));
    }
  }
}
