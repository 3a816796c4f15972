package org.kernelnet.tests.contract;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;
import org.kernelnet.api.Kernel;
import org.kernelnet.api.KernelProperty;
import org.kernelnet.api.KernelnetRegistry;

/**
 * The contract every {@link Kernel}, built-in or plugin, must pass. Use it from a JUnit 5 test
 * factory:
 *
 * <pre>{@code
 * @TestFactory
 * List<DynamicTest> cauchyKernelPassesTheContract() {
 *   KernelnetRegistry registry = KernelnetRegistry.load(getClass().getClassLoader());
 *   return KernelContract.testsFor(registry.kernel("cauchy:gamma=2"), registry);
 * }
 * }</pre>
 *
 * <p>Each check is one dynamic test named {@code "<spec> <check>"}:
 *
 * <ul>
 *   <li>{@value #SHAPE}: {@code gram(u [n, d], v [m, d])} has shape {@code [n, m]} and u's data type,
 *       for d = 1, 2, 5;
 *   <li>{@value #VALUES_FLOAT32} and {@value #VALUES_FLOAT64}: {@code gram} agrees with {@link
 *       Kernel#evaluate} on fixed points (including coinciding ones) and random ones, within {@code
 *       1e-4 (1 + |K|)} in float32 and {@code 1e-10 (1 + |K|)} in float64 (the built-in kernels stay
 *       below 2e-6 and 5e-15);
 *   <li>{@value #SYMMETRY}, if {@link KernelProperty#SYMMETRIC} is claimed: {@code gram(u, v) =
 *       gram(v, u)^T} in float64, to {@code 1e-12 (1 + |K|)};
 *   <li>{@value #PSD}, if {@link KernelProperty#POSITIVE_SEMI_DEFINITE} is claimed: the smallest
 *       eigenvalue of {@code gram(U, U)} (float64, 40 random points, d = 1, 2, 5) is at least {@code
 *       -1e-9 n max|G|};
 *   <li>{@value #FINITE_SUPPORT}, if {@link KernelProperty#FINITE_SUPPORT} is claimed: pairs at
 *       distance {@code >= 1e3} give exactly 0 (so the support radius must be below 1e3), and {@code
 *       gram} is exactly 0 wherever {@code evaluate} is, in float32 and float64;
 *   <li>{@value #AUTOGRAD}: the gradients of {@code sum(R * gram(u, v))} with respect to u and v
 *       (float64, PyTorch autograd) agree with central finite differences of {@code evaluate} in
 *       double, within {@code 1e-6 (1 + |g|)}; the kernel must not be constant on the contract's points;
 *   <li>{@value #AUTOGRAD_FLOAT32}: the same in float32, within {@code 1e-3 (1 + |g|)};
 *   <li>{@value #COINCIDENT}: the same gradients, in float64 and float32, where some {@code u_i}
 *       equal some {@code v_j} exactly (every layer whose input and output locations coincide):
 *       finite, and equal to the central differences. A kernel of the distance {@code r =
 *       sqrt(d2)} computed naively has NaN gradients there ({@code d sqrt / d d2} is infinite at
 *       0); its central difference there is 0, by symmetry;
 *   <li>{@value #SUPPORT_EDGE}, if {@link KernelProperty#FINITE_SUPPORT} is claimed: along random
 *       directions the edge of the support is found by bisection on {@code evaluate}; gradients are
 *       finite on the edge, and finite and equal to the central differences at 0.1 % inside and
 *       outside it, in float64 and float32;
 *   <li>{@value #LARGE_DISTANCES}: pairs 10 to 10,000 apart: {@code gram} agrees with {@code
 *       evaluate} (tolerances as for the values) and the gradients are finite (no NaN from an
 *       underflowing exponential divided by another), in float32 and float64;
 *   <li>{@value #GARBAGE_COLLECTION}: the float32 gradients are the same when the garbage
 *       collector runs (then a 20 ms pause for the Cleaner, then fresh direct buffers full of NaN)
 *       between the forward and the backward pass, in each of 5 attempts. This catches {@code
 *       NDArray.mul(Number)} and its kind in {@code gram}: DJL frees the tensor it makes for the
 *       number while autograd still needs it (use {@link org.kernelnet.api.Scalars#like});
 *   <li>{@value #TRAINS}: a {@link org.kernelnet.djl.nn.KernelLayer} with the kernel (6 inputs, 5
 *       units, d = 2, locations {@code N(0, 0.5^2)}) under a squared loss: loss and every
 *       parameter's gradient finite, and one gradient step of length {@code 1e-3} lowers the loss;
 *   <li>{@value #ROUND_TRIP}, only with a registry that knows the kernel's name: {@code
 *       registry.kernel(kernel.spec())} equals the kernel and has the same properties.
 * </ul>
 *
 * <p>Random points are drawn with a fixed seed, row by row at coordinate scales 0.1, 0.3, 1 and 3, so
 * that both short-range and long-range behaviour (e.g. in and outside a finite support) are
 * exercised. A kernel whose {@code gram} throws {@link UnsupportedOperationException} for float64
 * input has its float64 checks ({@value #VALUES_FLOAT64}, {@value #AUTOGRAD}) reported as aborted
 * (skipped), not passed, and their float32 halves still run; every other check runs in float64 only
 * where stated.
 *
 * <p>This class is the test kit plugin authors depend on (artifact {@code org.kernelnet:kernelnet-tests},
 * test scope); {@link RegularizerContract} is its counterpart for sparsity regularisers.
 */
public final class KernelContract {
  static final String SHAPE = "shape";
  static final String VALUES_FLOAT32 = "values float32";
  static final String VALUES_FLOAT64 = "values float64";
  static final String SYMMETRY = "symmetry";
  static final String PSD = "positive semi-definite";
  static final String FINITE_SUPPORT = "finite support";
  static final String AUTOGRAD = "autograd";
  static final String AUTOGRAD_FLOAT32 = "autograd float32";
  static final String COINCIDENT = "gradient where locations coincide";
  static final String SUPPORT_EDGE = "gradient at the edge of the support";
  static final String LARGE_DISTANCES = "large distances";
  static final String TRAINS = "trains in a layer";
  static final String ROUND_TRIP = "spec round trip";
  static final String GARBAGE_COLLECTION = "gradient survives garbage collection";

  private static final double[] SCALES = {0.1, 0.3, 1, 3};
  private static final long SEED = 20180710L;
  /** Fixed points in d = 2; u and v share (0, 0) and (0.3, -0.7), so the set includes coinciding pairs. */
  private static final double[][] FIXED_U = {{0, 0}, {1, 0}, {0.3, -0.7}, {-1.5, 2}, {0.05, 0.05}};
  private static final double[][] FIXED_V = {{0, 0}, {0.3, -0.7}, {2, 1}, {-0.2, 0.1}};

  private KernelContract() {}

  /** The contract's checks for {@code kernel}, without the specification round trip. */
  public static List<DynamicTest> testsFor(Kernel kernel) {
    return tests(requireNonNull(kernel, "kernel is null"), null);
  }

  /**
   * The contract's checks for {@code kernel}, plus the specification round trip through {@code
   * registry} when the registry knows the kernel's name.
   */
  public static List<DynamicTest> testsFor(Kernel kernel, KernelnetRegistry registry) {
    return tests(requireNonNull(kernel, "kernel is null"), requireNonNull(registry, "registry is null"));
  }

  private static List<DynamicTest> tests(Kernel kernel, KernelnetRegistry registry) {
    String spec = kernel.spec();
    List<DynamicTest> tests = new ArrayList<>();
    tests.add(test(spec, SHAPE, () -> checkShapes(kernel)));
    tests.add(test(spec, VALUES_FLOAT32, () -> checkValues(kernel, DataType.FLOAT32)));
    tests.add(test(spec, VALUES_FLOAT64, () -> checkValues(kernel, DataType.FLOAT64)));
    if (kernel.has(KernelProperty.SYMMETRIC)) {
      tests.add(test(spec, SYMMETRY, () -> checkSymmetry(kernel)));
    }
    if (kernel.has(KernelProperty.POSITIVE_SEMI_DEFINITE)) {
      tests.add(test(spec, PSD, () -> checkPositiveSemiDefinite(kernel)));
    }
    if (kernel.has(KernelProperty.FINITE_SUPPORT)) {
      tests.add(test(spec, FINITE_SUPPORT, () -> checkFiniteSupport(kernel)));
    }
    tests.add(test(spec, AUTOGRAD, () -> checkAutograd(kernel, DataType.FLOAT64)));
    tests.add(test(spec, AUTOGRAD_FLOAT32, () -> checkAutograd(kernel, DataType.FLOAT32)));
    tests.add(test(spec, COINCIDENT, () -> checkCoincidentLocations(kernel)));
    if (kernel.has(KernelProperty.FINITE_SUPPORT)) {
      tests.add(test(spec, SUPPORT_EDGE, () -> checkSupportEdge(kernel)));
    }
    tests.add(test(spec, LARGE_DISTANCES, () -> checkLargeDistances(kernel)));
    tests.add(test(spec, TRAINS, () -> LayerStep.check(kernel)));
    tests.add(test(spec, GARBAGE_COLLECTION, () -> checkGradientSurvivesGarbageCollection(kernel)));
    if (registry != null && registry.kernels().stream().anyMatch(r -> r.name().equals(kernel.name()))) {
      tests.add(test(spec, ROUND_TRIP, () -> checkRoundTrip(kernel, registry)));
    }
    return List.copyOf(tests);
  }

  private static DynamicTest test(String spec, String check, Executable body) {
    return DynamicTest.dynamicTest(spec + " " + check, body);
  }

  private static void checkShapes(Kernel kernel) {
    Random random = new Random(SEED);
    for (int d : new int[] {1, 2, 5}) {
      try (NDManager manager = NDManager.newBaseManager()) {
        NDArray u = matrix(manager, points(random, 4, d), DataType.FLOAT32);
        NDArray v = matrix(manager, points(random, 3, d), DataType.FLOAT32);
        NDArray g = kernel.gram(u, v);
        assertThat(g.getShape()).as("%s: shape of gram([4, %d], [3, %d])", kernel.spec(), d, d)
            .isEqualTo(new Shape(4, 3));
        assertThat(g.getDataType()).as("%s: data type of gram of float32 locations", kernel.spec())
            .isEqualTo(DataType.FLOAT32);
      }
    }
  }

  private static void checkValues(Kernel kernel, DataType type) {
    if (type == DataType.FLOAT64) {
      assumeFloat64(kernel);
    }
    double tol = type == DataType.FLOAT32 ? 1e-4 : 1e-10;
    assertAgreesWithEvaluate(kernel, FIXED_U, FIXED_V, type, tol, "fixed points");
    Random random = new Random(SEED);
    for (int d : new int[] {1, 2, 5}) {
      assertAgreesWithEvaluate(kernel, points(random, 8, d), points(random, 6, d), type, tol,
          "random points in d = " + d);
    }
  }

  private static void assertAgreesWithEvaluate(
      Kernel kernel, double[][] u, double[][] v, DataType type, double tol, String what) {
    double[][] g = gram(kernel, u, v, type);
    for (int i = 0; i < u.length; i++) {
      for (int j = 0; j < v.length; j++) {
        double expected = kernel.evaluate(u[i], v[j]);
        assertThat(Double.isFinite(expected)).as("%s: evaluate is finite at %s", kernel.spec(), what).isTrue();
        if (Math.abs(g[i][j] - expected) > tol * (1 + Math.abs(expected))) {
          fail("%s: %s gram disagrees with evaluate on %s at (%d, %d): gram %s, evaluate %s"
                  + " (tolerance %s (1 + |K|)); u = %s, v = %s",
              kernel.spec(), type, what, i, j, g[i][j], expected, tol,
              Arrays.toString(u[i]), Arrays.toString(v[j]));
        }
      }
    }
  }

  private static void checkSymmetry(Kernel kernel) {
    Random random = new Random(SEED);
    for (int d : new int[] {1, 2, 5}) {
      double[][] u = points(random, 7, d);
      double[][] v = points(random, 5, d);
      double[][] uv = gram(kernel, u, v, DataType.FLOAT64);
      double[][] vu = gram(kernel, v, u, DataType.FLOAT64);
      for (int i = 0; i < u.length; i++) {
        for (int j = 0; j < v.length; j++) {
          if (Math.abs(uv[i][j] - vu[j][i]) > 1e-12 * (1 + Math.abs(uv[i][j]))) {
            fail("%s claims SYMMETRIC but gram(u, v)[%d][%d] = %s and gram(v, u)[%d][%d] = %s (d = %d)",
                kernel.spec(), i, j, uv[i][j], j, i, vu[j][i], d);
          }
        }
      }
    }
  }

  private static void checkPositiveSemiDefinite(Kernel kernel) {
    Random random = new Random(SEED);
    int n = 40;
    for (int d : new int[] {1, 2, 5}) {
      double[][] u = points(random, n, d);
      double[][] g = gram(kernel, u, u, DataType.FLOAT64);
      double max = 0;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < i; j++) {
          double mean = (g[i][j] + g[j][i]) / 2; // symmetric part: x^T G x only sees it
          g[i][j] = mean;
          g[j][i] = mean;
        }
        for (int j = 0; j < n; j++) {
          max = Math.max(max, Math.abs(g[i][j]));
        }
      }
      double smallest = SymmetricEigen.eigenvalues(g)[0];
      double tol = 1e-9 * n * Math.max(1, max);
      assertThat(smallest)
          .as("%s claims POSITIVE_SEMI_DEFINITE: smallest eigenvalue of gram(U, U) for %d random"
              + " points in d = %d (tolerance -%s)", kernel.spec(), n, d, tol)
          .isGreaterThanOrEqualTo(-tol);
    }
  }

  private static void checkFiniteSupport(Kernel kernel) {
    Random random = new Random(SEED);
    for (int d : new int[] {1, 2, 5}) {
      double[][] u = points(random, 5, d);
      for (double distance : new double[] {1e3, 1e4}) {
        double[][] far = new double[u.length][];
        for (int i = 0; i < u.length; i++) {
          double[] direction = unit(random, d);
          far[i] = new double[d];
          for (int k = 0; k < d; k++) {
            // rows of u have norm < 20 sqrt(d) (coordinates below 5 sigma = 15), so this is >= distance away
            far[i][k] = direction[k] * (distance + 20 * Math.sqrt(d));
          }
        }
        for (DataType type : new DataType[] {DataType.FLOAT32, DataType.FLOAT64}) {
          double[][] g = gram(kernel, u, far, type);
          for (int i = 0; i < u.length; i++) {
            for (int j = 0; j < far.length; j++) {
              assertThat(kernel.evaluate(u[i], far[j]))
                  .as("%s claims FINITE_SUPPORT: evaluate at distance >= %s", kernel.spec(), distance)
                  .isZero();
              assertThat(g[i][j])
                  .as("%s claims FINITE_SUPPORT: %s gram at distance >= %s", kernel.spec(), type, distance)
                  .isZero();
            }
          }
        }
      }
      double[][] a = points(random, 12, d);
      double[][] b = points(random, 12, d);
      for (DataType type : new DataType[] {DataType.FLOAT32, DataType.FLOAT64}) {
        double[][] g = gram(kernel, a, b, type);
        for (int i = 0; i < a.length; i++) {
          for (int j = 0; j < b.length; j++) {
            if (kernel.evaluate(a[i], b[j]) == 0 && g[i][j] != 0) {
              fail("%s claims FINITE_SUPPORT but its %s gram is %s where evaluate is exactly 0"
                      + " (d = %d, pair (%d, %d))", kernel.spec(), type, g[i][j], d, i, j);
            }
          }
        }
      }
    }
  }

  private static void checkAutograd(Kernel kernel, DataType type) {
    if (type == DataType.FLOAT64) {
      assumeFloat64(kernel);
    }
    Random random = new Random(SEED);
    double[][] u = points(random, 4, 3);
    double[][] v = points(random, 3, 3);
    double[][] r = weights(random, 4, 3);
    double[] numeric = numericGradient(kernel, u, v, r);
    assertGradientAgrees(kernel, u, v, r, numeric, type, "random points");
    double largest = 0;
    for (double g : numeric) {
      largest = Math.max(largest, Math.abs(g));
    }
    assertThat(largest)
        .as("%s: the gradient is 0 at all the contract's points, so the autograd check says nothing",
            kernel.spec())
        .isGreaterThan(1e-6);
  }

  private static void checkCoincidentLocations(Kernel kernel) {
    Random random = new Random(SEED + 2);
    for (int d : new int[] {1, 3}) {
      double[][] u = points(random, 4, d);
      double[][] v = {u[0].clone(), points(random, 1, d)[0], u[2].clone()};
      double[][] r = weights(random, 4, 3);
      double[] numeric = numericGradient(kernel, u, v, r);
      String what = "points where u[0] = v[0] and u[2] = v[2] (d = " + d + ")";
      for (DataType type : supportedTypes(kernel)) {
        assertGradientAgrees(kernel, u, v, r, numeric, type, what);
      }
    }
  }

  private static void checkSupportEdge(Kernel kernel) {
    Random random = new Random(SEED + 3);
    for (int d : new int[] {1, 2, 5}) {
      double[] centre = points(random, 1, d)[0];
      double[] direction = unit(random, d);
      if (kernel.evaluate(centre, centre) == 0) {
        continue; // no support around this centre to find the edge of
      }
      double inside = 0;
      double outside = 1e3; // the finite-support check holds the kernel to 0 from here on
      for (int i = 0; i < 200 && outside - inside > 1e-12 * outside; i++) {
        double middle = (inside + outside) / 2;
        if (kernel.evaluate(centre, along(centre, direction, middle)) == 0) {
          outside = middle;
        } else {
          inside = middle;
        }
      }
      double[][] u = {centre};
      double[][] onEdge = {along(centre, direction, outside), along(centre, direction, inside)};
      double[][] near = {along(centre, direction, outside * 0.999),
          along(centre, direction, outside * 1.001)};
      double[][] r = {{1, -0.5}};
      double[] numeric = numericGradient(kernel, u, near, r);
      for (DataType type : supportedTypes(kernel)) {
        assertGradientFinite(kernel, u, onEdge, r, type,
            "the edge of the support, at distance " + outside + " (d = " + d + ")");
        assertGradientAgrees(kernel, u, near, r, numeric, type,
            "0.1 % inside and outside the edge of the support at distance " + outside
                + " (d = " + d + ")");
      }
    }
  }

  private static void checkLargeDistances(Kernel kernel) {
    Random random = new Random(SEED + 4);
    for (int d : new int[] {1, 2, 5}) {
      double[][] u = points(random, 4, d);
      double[][] far = new double[4][];
      double[] distances = {10, 100, 1e3, 1e4};
      for (int j = 0; j < far.length; j++) {
        far[j] = along(u[j], unit(random, d), distances[j]);
      }
      double[][] r = weights(random, 4, 4);
      String what = "pairs 10 to 10,000 apart (d = " + d + ")";
      for (DataType type : supportedTypes(kernel)) {
        assertAgreesWithEvaluate(kernel, u, far, type, type == DataType.FLOAT32 ? 1e-4 : 1e-10, what);
        assertGradientFinite(kernel, u, far, r, type, what);
      }
    }
  }

  /** Fails unless autograd's gradient in {@code type} equals {@code numeric} (within its tolerance). */
  private static void assertGradientAgrees(Kernel kernel, double[][] u, double[][] v, double[][] r,
      double[] numeric, DataType type, String what) {
    double[] autograd = assertGradientFinite(kernel, u, v, r, type, what);
    double tol = type == DataType.FLOAT32 ? 1e-3 : 1e-6;
    for (int k = 0; k < numeric.length; k++) {
      if (!(Math.abs(autograd[k] - numeric[k]) <= tol * (1 + Math.abs(numeric[k])))) {
        fail("%s: %s autograd d sum(R * gram) / d %s = %s at %s, central finite difference of"
                + " evaluate = %s (tolerance %s (1 + |g|))", kernel.spec(), type,
            coordinate(k, u.length, u[0].length), autograd[k], what, numeric[k], tol);
      }
    }
  }

  /** Autograd's gradient in {@code type}, after failing unless every entry is finite. */
  private static double[] assertGradientFinite(Kernel kernel, double[][] u, double[][] v,
      double[][] r, DataType type, String what) {
    double[] autograd = gradient(kernel, u, v, r, type, false);
    for (int k = 0; k < autograd.length; k++) {
      if (!Double.isFinite(autograd[k])) {
        fail("%s: %s autograd d sum(R * gram) / d %s is %s at %s: gram's backward pass divides by"
                + " 0 or overflows there (e.g. sqrt of a squared distance of 0)", kernel.spec(),
            type, coordinate(k, u.length, u[0].length), autograd[k], what);
      }
    }
    return autograd;
  }

  /** Names entry {@code k} of a gradient laid out as u's rows, then v's. */
  private static String coordinate(int k, int uRows, int d) {
    return k < uRows * d ? "u[" + k / d + "][" + k % d + "]"
        : "v[" + (k - uRows * d) / d + "][" + (k - uRows * d) % d + "]";
  }

  /** Central finite differences of {@code sum(R * K(u_i, v_j))} in u's, then v's coordinates. */
  private static double[] numericGradient(Kernel kernel, double[][] u, double[][] v, double[][] r) {
    int d = u[0].length;
    double[] numeric = new double[(u.length + v.length) * d];
    double h = 1e-6;
    int k = 0;
    for (double[][] x : new double[][][] {u, v}) {
      for (double[] row : x) {
        for (int c = 0; c < d; c++, k++) {
          double saved = row[c];
          row[c] = saved + h;
          double plus = weightedSum(kernel, u, v, r);
          row[c] = saved - h;
          double minus = weightedSum(kernel, u, v, r);
          row[c] = saved;
          numeric[k] = (plus - minus) / (2 * h);
        }
      }
    }
    return numeric;
  }

  private static void checkGradientSurvivesGarbageCollection(Kernel kernel) {
    Random random = new Random(SEED + 1);
    double[][] u = points(random, 5, 2);
    double[][] v = points(random, 4, 2);
    double[][] r = points(random, 5, 4);
    double[] quiet = gradient(kernel, u, v, r, DataType.FLOAT32, false);
    for (int attempt = 0; attempt < 5; attempt++) {
      double[] disturbed = gradient(kernel, u, v, r, DataType.FLOAT32, true);
      for (int i = 0; i < quiet.length; i++) {
        if (!(Math.abs(disturbed[i] - quiet[i]) <= 1e-5 * (1 + Math.abs(quiet[i])))) {
          fail("%s: gradient entry %d is %s after a garbage collection between forward and backward,"
                  + " %s without: gram reads memory freed after the forward pass (use"
                  + " Scalars.like(array, value) instead of array.mul(value) and its kind)",
              kernel.spec(), i, disturbed[i], quiet[i]);
        }
      }
    }
  }

  /**
   * d sum(R * gram(u, v)) / d(u, v) computed in {@code type}, u's gradient then v's; with {@code
   * collectGarbage}, the collector runs and 4-byte direct buffers of NaN are allocated (to reuse
   * freed native memory) between the forward and the backward pass.
   */
  private static double[] gradient(Kernel kernel, double[][] u, double[][] v, double[][] r,
      DataType type, boolean collectGarbage) {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray un = matrix(manager, u, type);
      NDArray vn = matrix(manager, v, type);
      NDArray rn = matrix(manager, r, type);
      un.setRequiresGradient(true);
      vn.setRequiresGradient(true);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray loss = kernel.gram(un, vn).mul(rn).sum();
        if (collectGarbage) {
          RegularizerContract.disturbNativeMemory();
        }
        collector.backward(loss);
      } catch (EngineException e) {
        fail("%s: gram is not differentiable in u and v: %s", kernel.spec(), e.getMessage());
      }
      double[] gu = un.getGradient().toType(DataType.FLOAT64, false).toDoubleArray();
      double[] gv = vn.getGradient().toType(DataType.FLOAT64, false).toDoubleArray();
      double[] both = Arrays.copyOf(gu, gu.length + gv.length);
      System.arraycopy(gv, 0, both, gu.length, gv.length);
      return both;
    }
  }

  /** {@code sum_ij R_ij K(u_i, v_j)} by the closed form. */
  private static double weightedSum(Kernel kernel, double[][] u, double[][] v, double[][] r) {
    double s = 0;
    for (int i = 0; i < u.length; i++) {
      for (int j = 0; j < v.length; j++) {
        s += r[i][j] * kernel.evaluate(u[i], v[j]);
      }
    }
    return s;
  }

  private static void checkRoundTrip(Kernel kernel, KernelnetRegistry registry) {
    Kernel parsed = registry.kernel(kernel.spec());
    assertThat(parsed).as("registry.kernel(\"%s\")", kernel.spec()).isEqualTo(kernel);
    assertThat(parsed.spec()).isEqualTo(kernel.spec());
    assertThat(parsed.properties()).as("properties of registry.kernel(\"%s\")", kernel.spec())
        .isEqualTo(kernel.properties());
  }

  /** Aborts (skips) the calling check if {@code gram} rejects float64 input as unsupported. */
  private static void assumeFloat64(Kernel kernel) {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray x = manager.zeros(new Shape(1, 1), DataType.FLOAT64);
      kernel.gram(x, x);
    } catch (UnsupportedOperationException e) {
      Assumptions.abort(kernel.spec() + " does not support float64: " + e.getMessage());
    }
  }

  /** float32, and float64 unless {@code gram} rejects it as unsupported. */
  private static List<DataType> supportedTypes(Kernel kernel) {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray x = manager.zeros(new Shape(1, 1), DataType.FLOAT64);
      kernel.gram(x, x);
      return List.of(DataType.FLOAT32, DataType.FLOAT64);
    } catch (UnsupportedOperationException e) {
      return List.of(DataType.FLOAT32);
    }
  }

  /** {@code [n, m]} weights {@code R} of the gradient checks' {@code sum(R * gram)}, N(0, 1). */
  private static double[][] weights(Random random, int n, int m) {
    double[][] r = new double[n][m];
    for (double[] row : r) {
      for (int j = 0; j < m; j++) {
        row[j] = random.nextGaussian();
      }
    }
    return r;
  }

  /** {@code from + t direction}. */
  private static double[] along(double[] from, double[] direction, double t) {
    double[] x = new double[from.length];
    for (int k = 0; k < x.length; k++) {
      x[k] = from[k] + t * direction[k];
    }
    return x;
  }

  /** {@code n} random points in {@code R^d}; row i has coordinates N(0, s^2), s cycling through SCALES. */
  private static double[][] points(Random random, int n, int d) {
    double[][] p = new double[n][d];
    for (int i = 0; i < n; i++) {
      double scale = SCALES[i % SCALES.length];
      for (int k = 0; k < d; k++) {
        p[i][k] = scale * random.nextGaussian();
      }
    }
    return p;
  }

  private static double[] unit(Random random, int d) {
    double[] x = new double[d];
    double norm = 0;
    while (norm < 1e-3) {
      norm = 0;
      for (int k = 0; k < d; k++) {
        x[k] = random.nextGaussian();
        norm += x[k] * x[k];
      }
      norm = Math.sqrt(norm);
    }
    for (int k = 0; k < d; k++) {
      x[k] /= norm;
    }
    return x;
  }

  private static NDArray matrix(NDManager manager, double[][] values, DataType type) {
    int cols = values[0].length;
    double[] flat = new double[values.length * cols];
    for (int i = 0; i < values.length; i++) {
      System.arraycopy(values[i], 0, flat, i * cols, cols);
    }
    return manager.create(flat, new Shape(values.length, cols)).toType(type, false);
  }

  /** {@code kernel.gram(u, v)} computed in {@code type}, returned in double. */
  private static double[][] gram(Kernel kernel, double[][] u, double[][] v, DataType type) {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray g = kernel.gram(matrix(manager, u, type), matrix(manager, v, type));
      assertThat(g.getShape()).as("%s: shape of gram", kernel.spec()).isEqualTo(new Shape(u.length, v.length));
      double[] flat = g.toType(DataType.FLOAT64, false).toDoubleArray();
      double[][] out = new double[u.length][v.length];
      for (int i = 0; i < u.length; i++) {
        System.arraycopy(flat, i * v.length, out[i], 0, v.length);
      }
      return out;
    }
  }
}
