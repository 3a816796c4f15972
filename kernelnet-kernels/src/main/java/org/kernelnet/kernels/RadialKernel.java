package org.kernelnet.kernels;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;
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
 * The general radial kernel {@code K(u, v) = a * psi(D(u, v) / l)} (Eq. 5) with scale {@code a > 0},
 * length {@code l > 0}, a {@link DistanceMeasure distance} D and a {@link Profile profile} psi:
 * {@code exp(-r^2)} (gaussian), {@code exp(-r)} (exponential) or {@code 1 / sqrt(1 + r^2)}
 * (inverse multiquadric).
 *
 * <p>When it is positive semi-definite (the scale {@code a > 0} never matters):
 *
 * <ul>
 *   <li><b>Euclidean distance, every profile: PSD.</b> By Schoenberg's theorem {@code psi(||x|| / l)}
 *       is positive definite on every {@code R^d} iff {@code t -> psi(sqrt(t))} is completely
 *       monotone on {@code [0, inf)}. That function is {@code exp(-t)}, {@code exp(-sqrt(t))} (a
 *       completely monotone function of the Bernstein function sqrt) and {@code (1 + t)^(-1/2)}: all
 *       completely monotone. These are the RBF, Laplacian and inverse-multiquadric kernels.
 *   <li><b>Squared Euclidean distance, exponential: PSD</b>, since {@code exp(-||u - v||^2 / l)} is
 *       the RBF kernel with {@code gamma = 1 / l}.
 *   <li><b>Squared Euclidean distance, gaussian or inverse multiquadric: not PSD.</b> Restricted to
 *       points on a line, {@code K = phi(x_i - x_j)} with {@code phi(x) = exp(-x^4 / l^2)} or {@code
 *       (1 + x^4 / l^2)^(-1/2)}, so {@code phi''(0) = 0}. A continuous positive definite phi is the
 *       Fourier transform of a finite measure mu (Bochner) with {@code -phi''(0) = integral w^2
 *       dmu(w)}; {@code phi''(0) = 0} would force mu onto {0} and phi to be constant, which it is not.
 *       Concretely, points 0, 0.5, 1 with coefficients (1, -2, 1) give the quadratic form {@code 6 -
 *       8 phi(0.5) + 2 phi(1)}, about -0.78 (gaussian) and -0.35 (inverse multiquadric) for {@code l =
 *       1}.
 * </ul>
 *
 * <p>Where the profile only needs {@code r^2} and D is Euclidean, {@code r^2 = ||u - v||^2 / l^2} is
 * used directly (no square root, exact at coinciding points).
 */
public final class RadialKernel extends AbstractKernel {
  /** The registered name. */
  public static final String NAME = "radial";

  /** The profile psi of a {@link RadialKernel}, selected in a specification by its {@link #specName()}. */
  public enum Profile {
    /** {@code psi(r) = exp(-r^2)}. */
    GAUSSIAN("gaussian"),
    /** {@code psi(r) = exp(-r)}. */
    EXPONENTIAL("exponential"),
    /** {@code psi(r) = 1 / sqrt(1 + r^2)}. */
    INVERSE_MULTIQUADRIC("inverse-multiquadric");

    private final String specName;

    Profile(String specName) {
      this.specName = specName;
    }

    /** The name used in specifications, e.g. {@code inverse-multiquadric}. */
    public String specName() {
      return specName;
    }

    /** Every {@link #specName()}, in declaration order. */
    public static List<String> specNames() {
      return Arrays.stream(values()).map(Profile::specName).toList();
    }

    /**
     * The profile named {@code specName}.
     *
     * @throws IllegalArgumentException naming the bad value and the accepted ones
     */
    public static Profile fromSpecName(String specName) {
      requireNonNull(specName, "specName is null");
      for (Profile p : values()) {
        if (p.specName.equals(specName)) {
          return p;
        }
      }
      throw new IllegalArgumentException(
          "profile must be one of " + specNames() + ", got '" + specName + "'");
    }

    /** {@code psi(r)} in double precision. */
    public double apply(double r) {
      return switch (this) {
        case GAUSSIAN -> Math.exp(-r * r);
        case EXPONENTIAL -> Math.exp(-r);
        case INVERSE_MULTIQUADRIC -> 1 / Math.sqrt(1 + r * r);
      };
    }
  }

  private final double scale;
  private final double length;
  private final DistanceMeasure distance;
  private final Profile profile;

  /**
   * @param scale the factor a, {@code > 0}
   * @param length the length l the distance is divided by, {@code > 0}
   * @param distance the distance D
   * @param profile the profile psi
   */
  public RadialKernel(double scale, double length, DistanceMeasure distance, Profile profile) {
    super(NAME,
        Config.builder()
            .put("scale", Checks.positive("scale", scale))
            .put("length", Checks.positive("length", length))
            .put("distance", requireNonNull(distance, "distance is null").specName())
            .put("profile", requireNonNull(profile, "profile is null").specName())
            .build(),
        isPositiveSemiDefinite(distance, profile)
            ? EnumSet.of(KernelProperty.SYMMETRIC, KernelProperty.POSITIVE_SEMI_DEFINITE)
            : EnumSet.of(KernelProperty.SYMMETRIC));
    this.scale = scale;
    this.length = length;
    this.distance = distance;
    this.profile = profile;
  }

  /** Whether {@code a * psi(D / l)} is PSD for every point set; see the class javadoc for why. */
  private static boolean isPositiveSemiDefinite(DistanceMeasure distance, Profile profile) {
    return distance == DistanceMeasure.EUCLIDEAN || profile == Profile.EXPONENTIAL;
  }

  /** {@code a * psi(D / l)}: {@code [n, d] x [m, d] -> [n, m]}. */
  @Override
  public NDArray gram(NDArray u, NDArray v) {
    checkLocations(u, v);
    NDArray psi;
    if (profile == Profile.EXPONENTIAL) {
      NDArray d = distance.pairwise(u, v);
      psi = d.mul(Scalars.like(d, -1 / length)).exp();
    } else {
      NDArray d2 = Distances.squaredEuclidean(u, v);
      NDArray r2 = distance == DistanceMeasure.EUCLIDEAN
          ? d2.mul(Scalars.like(d2, 1 / (length * length)))
          : d2.mul(Scalars.like(d2, 1 / length)).square();
      psi = profile == Profile.GAUSSIAN
          ? r2.neg().exp()
          : r2.add(1).pow(Scalars.like(r2, -0.5));
    }
    return scale == 1 ? psi : psi.mul(Scalars.like(psi, scale));
  }

  @Override
  public double evaluate(double[] u, double[] v) {
    checkPoints(u, v);
    return scale * profile.apply(distance.between(u, v) / length);
  }

  /** Builds {@link RadialKernel} from {@code scale}, {@code length}, {@code distance} and {@code profile}. */
  public static final class Factory implements KernelFactory {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String description() {
      return "general radial K(u,v) = scale * psi(D(u,v) / length) (Eq. 5), psi(r) = exp(-r^2),"
          + " exp(-r) or 1/sqrt(1+r^2)";
    }

    @Override
    public List<ConfigKey> configKeys() {
      return List.of(
          ConfigKey.ofDouble("scale", 1.0, Range.positive(), "the factor a"),
          ConfigKey.ofDouble("length", 1.0, Range.positive(), "the length l the distance is divided by"),
          ConfigKey.ofChoice("distance", DistanceMeasure.EUCLIDEAN.specName(),
              DistanceMeasure.specNames(), "the distance D"),
          ConfigKey.ofChoice("profile", Profile.GAUSSIAN.specName(), Profile.specNames(),
              "the profile psi"));
    }

    @Override
    public RadialKernel create(Config config) {
      return new RadialKernel(
          config.getDouble("scale"),
          config.getDouble("length"),
          DistanceMeasure.fromSpecName(config.getString("distance")),
          Profile.fromSpecName(config.getString("profile")));
    }
  }
}
