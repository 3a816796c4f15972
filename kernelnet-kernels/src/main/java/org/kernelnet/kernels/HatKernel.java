package org.kernelnet.kernels;

import static java.util.Objects.requireNonNull;

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
 * The finite-support "hat" kernel {@code K(u, v) = max(0, 1 - a * D(u, v))} (Eq. 7): exactly 0 once
 * {@code D(u, v) >= 1 / a}, so a layer with it has an exactly sparse weight matrix.
 *
 * <p>Not claimed positive semi-definite: {@code max(0, 1 - ||x||)} is positive definite on {@code R^1}
 * only (Askey: {@code (1 - ||x||)_+^nu} needs {@code nu >= (d + 1) / 2} on {@code R^d}), and {@code
 * max(0, 1 - x^2)} is not positive definite even on {@code R^1} (its Fourier transform, proportional to
 * {@code (sin w - w cos w) / w^3}, changes sign).
 */
public final class HatKernel extends AbstractKernel {
  /** The registered name. */
  public static final String NAME = "hat";

  private final double a;
  private final DistanceMeasure distance;

  /**
   * @param a the inverse support radius, {@code > 0}
   * @param distance the distance D
   */
  public HatKernel(double a, DistanceMeasure distance) {
    super(NAME,
        Config.builder()
            .put("a", Checks.positive("a", a))
            .put("distance", requireNonNull(distance, "distance is null").specName())
            .build(),
        EnumSet.of(KernelProperty.SYMMETRIC, KernelProperty.FINITE_SUPPORT));
    this.a = a;
    this.distance = distance;
  }

  /** {@code max(0, 1 - a D)}: {@code [n, d] x [m, d] -> [n, m]}. */
  @Override
  public NDArray gram(NDArray u, NDArray v) {
    checkLocations(u, v);
    NDArray d = distance.pairwise(u, v);
    return Activation.relu(d.mul(Scalars.like(d, -a)).add(1));
  }

  @Override
  public double evaluate(double[] u, double[] v) {
    checkPoints(u, v);
    return Math.max(0, 1 - a * distance.between(u, v));
  }

  /** Builds {@link HatKernel} from {@code a} and {@code distance}. */
  public static final class Factory implements KernelFactory {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String description() {
      return "finite-support hat K(u,v) = max(0, 1 - a D(u,v)) (Eq. 7)";
    }

    @Override
    public List<ConfigKey> configKeys() {
      return List.of(
          ConfigKey.ofDouble("a", 1.0, Range.positive(), "inverse support radius: K = 0 once D >= 1/a"),
          ConfigKey.ofChoice("distance", DistanceMeasure.EUCLIDEAN.specName(),
              DistanceMeasure.specNames(), "the distance D"));
    }

    @Override
    public HatKernel create(Config config) {
      return new HatKernel(
          config.getDouble("a"), DistanceMeasure.fromSpecName(config.getString("distance")));
    }
  }
}
