package org.kernelnet.tests.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kernelnet.api.AbstractKernel;
import org.kernelnet.api.Config;
import org.kernelnet.api.Kernel;
import org.kernelnet.api.KernelProperty;
import org.kernelnet.api.Scalars;
import org.kernelnet.api.KernelnetRegistry;
import org.opentest4j.TestAbortedException;

/**
 * The contract itself: deliberately wrong kernels fail exactly the check they violate, and a correct
 * one passes every check.
 */
class KernelContractTest {
  private static final Set<KernelProperty> SYM = EnumSet.of(KernelProperty.SYMMETRIC);

  @Test
  void aCorrectKernelPassesEveryCheck() throws Throwable {
    Kernel rbf = rbfLike("test-rbf", EnumSet.of(KernelProperty.SYMMETRIC, KernelProperty.POSITIVE_SEMI_DEFINITE),
        (u, v) -> rbfGram(u, v), KernelContractTest::rbf);
    List<DynamicTest> tests = KernelContract.testsFor(rbf);
    assertThat(tests).extracting(DynamicTest::getDisplayName).containsExactly(
        "test-rbf shape", "test-rbf values float32", "test-rbf values float64", "test-rbf symmetry",
        "test-rbf positive semi-definite", "test-rbf autograd", "test-rbf autograd float32",
        "test-rbf gradient where locations coincide", "test-rbf large distances",
        "test-rbf trains in a layer", "test-rbf gradient survives garbage collection");
    for (DynamicTest t : tests) {
      t.getExecutable().execute();
    }
  }

  @Test
  void gramThatDisagreesWithEvaluateFailsTheValueChecks() throws Throwable {
    // gram uses gamma = 1, the closed form gamma = 1.1
    Kernel wrong = rbfLike("wrong-values", SYM, (u, v) -> rbfGram(u, v),
        (a, b) -> Math.exp(-1.1 * squaredDistance(a, b)));
    assertFails(wrong, KernelContract.VALUES_FLOAT32, "gram disagrees with evaluate");
    assertFails(wrong, KernelContract.VALUES_FLOAT64, "gram disagrees with evaluate");
    run(wrong, KernelContract.SHAPE);
    run(wrong, KernelContract.SYMMETRY);
  }

  @Test
  void aNumberFreedBeforeBackwardFailsTheGarbageCollectionCheck() throws Throwable {
    // exp(-D2 * 1.5) with the constant passed as a Java number: DJL frees its tensor right away,
    // autograd reads it again in backward.
    Kernel leaky = rbfLike("number-in-gram", SYM, (u, v) -> rbfD2(u, v).mul(-1.5f).exp(),
        (a, b) -> Math.exp(-1.5 * squaredDistance(a, b)));
    assertFails(leaky, KernelContract.GARBAGE_COLLECTION, "after a garbage collection");
    run(leaky, KernelContract.VALUES_FLOAT32);
  }

  @Test
  void wrongShapeFailsTheShapeCheck() {
    Kernel wrong = rbfLike("wrong-shape", SYM, (u, v) -> rbfGram(u, v).transpose(), KernelContractTest::rbf);
    assertFails(wrong, KernelContract.SHAPE, "shape of gram");
  }

  @Test
  void falseSymmetryClaimFailsTheSymmetryCheck() {
    // K(u, v) = u . v + sum(u) is not symmetric
    Kernel wrong = rbfLike("asymmetric", SYM,
        (u, v) -> u.matMul(v.transpose()).add(u.sum(new int[] {1}, true)),
        (a, b) -> dot(a, b) + sum(a));
    assertFails(wrong, KernelContract.SYMMETRY, "claims SYMMETRIC");
  }

  @Test
  void falsePsdClaimFailsThePsdCheck() {
    // -exp(-||u - v||^2) has a negative trace
    Kernel negative = rbfLike("negative-rbf", EnumSet.of(KernelProperty.POSITIVE_SEMI_DEFINITE),
        (u, v) -> rbfGram(u, v).neg(), (a, b) -> -rbf(a, b));
    assertFails(negative, KernelContract.PSD, "smallest eigenvalue");
  }

  @ParameterizedTest
  @ValueSource(strings = {"gaussian", "inverse-multiquadric"})
  void falsePsdClaimForRadialProfilesOfSquaredDistanceIsCaught(String profile) {
    // the real radial kernels that must not claim PSD, made to claim it
    Kernel real = KernelnetRegistry.load(getClass().getClassLoader())
        .kernel("radial:distance=sqeuclidean,profile=" + profile);
    assertThat(real.has(KernelProperty.POSITIVE_SEMI_DEFINITE)).isFalse();
    Kernel claiming = rbfLike("claims-psd-" + profile, EnumSet.of(KernelProperty.POSITIVE_SEMI_DEFINITE),
        real::gram, real::evaluate);
    assertFails(claiming, KernelContract.PSD, "smallest eigenvalue");
  }

  @Test
  void falseFiniteSupportClaimFailsTheFiniteSupportCheck() {
    // never 0: the far pairs expose it
    Kernel leaky = rbfLike("leaky-hat", EnumSet.of(KernelProperty.FINITE_SUPPORT),
        (u, v) -> rbfD2(u, v).neg().add(1).maximum(1e-3f),
        (a, b) -> Math.max(1e-3, 1 - squaredDistance(a, b)));
    assertFails(leaky, KernelContract.FINITE_SUPPORT, "at distance >= 1000.0");
    // 0 far away, but gram's support (radius sqrt 1.3) is wider than evaluate's (radius 1)
    Kernel wideGram = rbfLike("wide-gram", EnumSet.of(KernelProperty.FINITE_SUPPORT),
        (u, v) -> rbfD2(u, v).neg().add(1.3).maximum(0f),
        (a, b) -> Math.max(0, 1 - squaredDistance(a, b)));
    assertFails(wideGram, KernelContract.FINITE_SUPPORT, "where evaluate is exactly 0");
  }

  @Test
  void wrongGradientFailsTheAutogradCheck() {
    // right values, but u is cut out of the autograd graph: d/du comes out 0
    Kernel halfDetached = rbfLike("half-detached", SYM,
        (u, v) -> rbfD2(u.stopGradient(), v).neg().exp(), KernelContractTest::rbf);
    run(halfDetached, KernelContract.VALUES_FLOAT64);
    assertFails(halfDetached, KernelContract.AUTOGRAD, "central finite difference");
  }

  @Test
  void aNaiveDistanceFailsOnlyWhereLocationsCoincide() {
    // exp(-sqrt(d2)): d sqrt / d d2 is infinite at d2 = 0, so the gradient is NaN there
    Kernel naive = rbfLike("naive-laplace", SYM, (u, v) -> rbfD2(u, v).sqrt().neg().exp(),
        (a, b) -> Math.exp(-Math.sqrt(squaredDistance(a, b))));
    run(naive, KernelContract.AUTOGRAD);
    run(naive, KernelContract.AUTOGRAD_FLOAT32);
    assertFails(naive, KernelContract.COINCIDENT, "is NaN at points where u[0] = v[0]");
  }

  @Test
  void anOverflowingGramFailsAtLargeDistances() {
    // 1 / exp(d2): values right (1 / inf = 0), but the backward pass divides inf by inf
    Kernel overflowing = rbfLike("overflowing-rbf", SYM,
        (u, v) -> rbfD2(u, v).exp().pow(Scalars.like(u, -1)), KernelContractTest::rbf);
    run(overflowing, KernelContract.AUTOGRAD);
    assertFails(overflowing, KernelContract.LARGE_DISTANCES, "pairs 10 to 10,000 apart");
  }

  @Test
  void aGradientThatIsNotFiniteAtTheEdgeOfTheSupportFailsTheEdgeCheck() {
    // sqrt(max(0, 1 - d2)): d sqrt / dx is infinite at 0, so the gradient is NaN from the edge out
    Kernel root = rbfLike("root-hat", EnumSet.of(KernelProperty.SYMMETRIC, KernelProperty.FINITE_SUPPORT),
        (u, v) -> rbfD2(u, v).neg().add(Scalars.like(u, 1)).maximum(Scalars.like(u, 0)).sqrt(),
        (a, b) -> Math.sqrt(Math.max(0, 1 - squaredDistance(a, b))));
    run(root, KernelContract.FINITE_SUPPORT);
    assertFails(root, KernelContract.SUPPORT_EDGE, "the edge of the support");
  }

  @Test
  void nonDifferentiableGramFailsTheAutogradCheck() {
    Kernel detached = rbfLike("detached", SYM, (u, v) -> rbfGram(u, v).stopGradient(),
        KernelContractTest::rbf);
    assertFails(detached, KernelContract.AUTOGRAD, "is not differentiable");
  }

  @Test
  void specThatDoesNotParseBackFailsTheRoundTrip() {
    // named like the built-in rbf, but a different class: the registry rebuilds an RbfKernel
    KernelnetRegistry registry = KernelnetRegistry.load(getClass().getClassLoader());
    Kernel impostor = new TestKernel("rbf", Config.builder().put("gamma", 1.0).build(), SYM,
        (u, v) -> rbfGram(u, v), KernelContractTest::rbf);
    List<DynamicTest> tests = KernelContract.testsFor(impostor, registry);
    assertThat(tests).extracting(DynamicTest::getDisplayName).contains("rbf:gamma=1.0 spec round trip");
    assertThatThrownBy(() -> find(tests, KernelContract.ROUND_TRIP).getExecutable().execute())
        .isInstanceOf(AssertionError.class).hasMessageContaining("registry.kernel(\"rbf:gamma=1.0\")");
  }

  @Test
  void roundTripIsOmittedForNamesTheRegistryDoesNotKnow() {
    KernelnetRegistry registry = KernelnetRegistry.load(getClass().getClassLoader());
    Kernel unknown = rbfLike("not-registered", SYM, (u, v) -> rbfGram(u, v), KernelContractTest::rbf);
    assertThat(KernelContract.testsFor(unknown, registry)).extracting(DynamicTest::getDisplayName)
        .noneMatch(n -> n.endsWith(KernelContract.ROUND_TRIP));
  }

  @Test
  void float64ChecksAreAbortedNotPassedForAFloat32OnlyKernel() {
    Kernel float32Only = rbfLike("float32-only", SYM, (u, v) -> {
      if (u.getDataType() != DataType.FLOAT32) {
        throw new UnsupportedOperationException("float32 only");
      }
      return rbfGram(u, v);
    }, KernelContractTest::rbf);
    assertThatThrownBy(() -> find(KernelContract.testsFor(float32Only), KernelContract.AUTOGRAD)
        .getExecutable().execute())
        .isInstanceOf(TestAbortedException.class).hasMessageContaining("does not support float64");
  }

  private static void run(Kernel kernel, String check) {
    try {
      find(KernelContract.testsFor(kernel), check).getExecutable().execute();
    } catch (Throwable t) {
      throw new AssertionError(kernel.spec() + " should pass '" + check + "'", t);
    }
  }

  private static void assertFails(Kernel kernel, String check, String messagePart) {
    assertThatThrownBy(() -> find(KernelContract.testsFor(kernel), check).getExecutable().execute())
        .as("%s must fail '%s'", kernel.spec(), check)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(messagePart);
  }

  private static DynamicTest find(List<DynamicTest> tests, String check) {
    return tests.stream().filter(t -> t.getDisplayName().endsWith(" " + check)).findFirst()
        .orElseThrow(() -> new AssertionError("no '" + check + "' check among " + tests));
  }

  private static Kernel rbfLike(String name, Set<KernelProperty> properties,
      BiFunction<NDArray, NDArray, NDArray> gram, BiFunction<double[], double[], Double> evaluate) {
    return new TestKernel(name, Config.empty(), properties, gram, evaluate);
  }

  private static NDArray rbfD2(NDArray u, NDArray v) {
    NDArray uu = u.square().sum(new int[] {1}, true);
    NDArray vv = v.square().sum(new int[] {1}, true).transpose();
    NDArray uv = u.matMul(v.transpose());
    return uu.add(vv).sub(uv.add(uv)).maximum(Scalars.like(uv, 0));
  }

  private static NDArray rbfGram(NDArray u, NDArray v) {
    return rbfD2(u, v).neg().exp();
  }

  private static double rbf(double[] a, double[] b) {
    return Math.exp(-squaredDistance(a, b));
  }

  private static double squaredDistance(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += (a[k] - b[k]) * (a[k] - b[k]);
    }
    return s;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += a[k] * b[k];
    }
    return s;
  }

  private static double sum(double[] a) {
    double s = 0;
    for (double x : a) {
      s += x;
    }
    return s;
  }

  /** A kernel assembled from lambdas, to feed the contract right and wrong behaviour. */
  private static final class TestKernel extends AbstractKernel {
    private final BiFunction<NDArray, NDArray, NDArray> gram;
    private final BiFunction<double[], double[], Double> evaluate;

    TestKernel(String name, Config config, Set<KernelProperty> properties,
        BiFunction<NDArray, NDArray, NDArray> gram, BiFunction<double[], double[], Double> evaluate) {
      super(name, config, properties);
      this.gram = gram;
      this.evaluate = evaluate;
    }

    @Override
    public NDArray gram(NDArray u, NDArray v) {
      checkLocations(u, v);
      return gram.apply(u, v);
    }

    @Override
    public double evaluate(double[] u, double[] v) {
      checkPoints(u, v);
      return evaluate.apply(u, v);
    }
  }
}
