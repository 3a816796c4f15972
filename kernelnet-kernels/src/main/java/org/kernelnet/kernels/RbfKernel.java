package org.kernelnet.kernels;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
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
 * The Gaussian RBF kernel {@code K(u, v) = exp(-gamma ||u - v||^2)} (Eq. 6); its feature space is
 * infinite-dimensional, so a layer with it embeds its inputs more richly than the dot product at the
 * same d.
 *
 * <p>{@link #gram} computes half the exponent, {@code h = -gamma ||u_i - v_j||^2 / 2}, as one matrix
 * product of augmented locations ({@link Distances#affineOfSquared}), raises it to a floor {@code f / 2} and returns {@code exp(max(h, f / 2))^2}. PyTorch's
 * CPU {@code exp} is 10-40 times slower where its result underflows (measured on {@code [784,
 * 3200]}: 2 ms with every result normal, 24-30 ms where all are 0, 60-80 ms where all are subnormal),
 * and with the grid-prior network's gamma most entries do; the half exponent above the floor keeps
 * every {@code exp} normal, and the square rounds the small results, subnormal ones included, as
 * {@code exp} would. The floor {@code f} ({@code -104} in float32, {@code -746} in float64; other
 * types have none) lies below the last exponent whose {@code exp} is not 0 in that type, so the
 * values are unchanged; {@code max(h, f / 2) = h + relu(f / 2 - h)} is exactly h above the floor.
 * Forward this is six passes over the {@code [n, m]} matrix, against seven for {@code exp(-gamma
 * relu(|u|^2 + |v|^2 - 2 u.v))}. The expanded square rounds {@code gamma (|u|^2 + |v|^2)} as that
 * direct form does, so coinciding points may give {@code K} slightly above 1 (the direct form clamps
 * the squared distance at 0 instead; it is as far from the exact value elsewhere).
 */
public final class RbfKernel extends AbstractKernel {
  /** The registered name. */
  public static final String NAME = "rbf";

  /** Below {@code ln(2^-150)}, where float32's {@code exp} rounds to 0. */
  private static final double FLOAT32_FLOOR = -104;
  /** Below {@code ln(2^-1075)}, where float64's {@code exp} rounds to 0. */
  private static final double FLOAT64_FLOOR = -746;

  private final double gamma;

  /** @param gamma the inverse squared width, {@code > 0} */
  public RbfKernel(double gamma) {
    super(NAME, Config.builder().put("gamma", Checks.positive("gamma", gamma)).build(),
        EnumSet.of(KernelProperty.SYMMETRIC, KernelProperty.POSITIVE_SEMI_DEFINITE));
    this.gamma = gamma;
  }

  /**
   * {@code exp(-gamma ||u_i - v_j||^2)}: {@code [n, d] x [m, d] -> [n, m]}, computed as the class
   * description says.
   */
  @Override
  public NDArray gram(NDArray u, NDArray v) {
    checkLocations(u, v);
    NDArray h = Distances.affineOfSquared(u, v, -gamma / 2, 0);
    double floor = switch (u.getDataType()) {
      case FLOAT32 -> FLOAT32_FLOOR;
      case FLOAT64 -> FLOAT64_FLOOR;
      default -> Double.NEGATIVE_INFINITY;
    };
    if (Double.isFinite(floor)) {
      h = h.add(Activation.relu(Scalars.like(h, floor / 2).sub(h)));
    }
    return h.exp().square();
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
