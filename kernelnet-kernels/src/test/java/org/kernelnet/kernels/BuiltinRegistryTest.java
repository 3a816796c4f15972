package org.kernelnet.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kernelnet.api.Kernel;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.api.Registered;
import org.kernelnet.kernels.RadialKernel.Profile;

/** The built-ins as seen through {@link KernelnetRegistry}: names, defaults and configuration errors. */
class BuiltinRegistryTest {
  private final KernelnetRegistry registry = KernelnetRegistry.load(getClass().getClassLoader());

  @Test
  void registersEveryBuiltinKernelAndRegularizer() {
    assertThat(registry.kernels()).extracting(Registered::name)
        .containsExactly("dot", "hat", "hat-sq", "poly", "radial", "rbf", "sqexp", "tanh");
    assertThat(registry.regularizers()).extracting(Registered::name)
        .containsExactly("kernel-linear", "kernel-overlap", "l2");
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    assertThat(registry.kernel("poly")).isEqualTo(new PolynomialKernel(2, 1));
    assertThat(registry.kernel("radial"))
        .isEqualTo(new RadialKernel(1, 1, DistanceMeasure.EUCLIDEAN, Profile.GAUSSIAN));
    assertThat(registry.kernel("hat")).isEqualTo(new HatKernel(1, DistanceMeasure.EUCLIDEAN));
    assertThat(registry.kernel("hat-sq")).isEqualTo(new SquaredHatKernel());
    assertThat(registry.kernel("tanh")).isEqualTo(new TanhKernel(1, 0));
    assertThat(registry.kernel("sqexp")).isEqualTo(new SquaredExponentialKernel(1));
  }

  @Test
  void specsParseToEqualKernelsAndBack() {
    Kernel k = registry.kernel("radial:profile=inverse-multiquadric,distance=sqeuclidean,length=2.5");
    assertThat(k).isEqualTo(
        new RadialKernel(1, 2.5, DistanceMeasure.SQUARED_EUCLIDEAN, Profile.INVERSE_MULTIQUADRIC));
    assertThat(k.spec())
        .isEqualTo("radial:scale=1.0,length=2.5,distance=sqeuclidean,profile=inverse-multiquadric");
    assertThat(registry.kernel(k.spec())).isEqualTo(k);
    assertThat(registry.kernel("poly:degree=3,offset=0.5").spec()).isEqualTo("poly:degree=3,offset=0.5");
    assertThat(registry.kernel("hat:a=2,distance=sqeuclidean"))
        .isEqualTo(new HatKernel(2, DistanceMeasure.SQUARED_EUCLIDEAN));
    assertThat(registry.kernel("tanh:scale=0.5,offset=-0.1")).isEqualTo(new TanhKernel(0.5, -0.1));
  }

  @Test
  void outOfRangeValuesAreRejectedByTheRegistry() {
    assertThatThrownBy(() -> registry.kernel("poly:degree=0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid configuration of kernel 'poly': 'degree' must be in [1, inf), got 0");
    assertThatThrownBy(() -> registry.kernel("poly:degree=2.5"))
        .hasMessage("Invalid configuration of kernel 'poly': 'degree' must be an integer, got '2.5'");
    assertThatThrownBy(() -> registry.kernel("poly:offset=-1"))
        .hasMessageContaining("'offset' must be in [0, inf), got -1.0");
    assertThatThrownBy(() -> registry.kernel("sqexp:length=0"))
        .hasMessageContaining("'length' must be in (0, inf), got 0.0");
    assertThatThrownBy(() -> registry.kernel("tanh:offset=NaN"))
        .hasMessageContaining("'offset' must be in (-inf, inf), got NaN");
    assertThatThrownBy(() -> registry.kernel("hat:a=-2"))
        .hasMessageContaining("'a' must be in (0, inf), got -2.0");
  }

  @Test
  void unknownChoicesListTheAcceptedOnes() {
    assertThatThrownBy(() -> registry.kernel("radial:distance=manhattan,profile=cauchy"))
        .hasMessage("Invalid configuration of kernel 'radial': "
            + "'distance' must be one of [euclidean, sqeuclidean], got 'manhattan'; "
            + "'profile' must be one of [gaussian, exponential, inverse-multiquadric], got 'cauchy'");
  }

  @Test
  void unknownKeysListTheAcceptedOnes() {
    assertThatThrownBy(() -> registry.kernel("poly:gamma=1"))
        .hasMessage("Invalid configuration of kernel 'poly': unknown setting 'gamma'; accepted: degree, offset");
    assertThatThrownBy(() -> registry.kernel("hat-sq:a=2"))
        .hasMessage("Invalid configuration of kernel 'hat-sq': unknown setting 'a'; accepted: none");
  }

  @Test
  void regularizersNeedLambda() {
    assertThat(registry.regularizer("kernel-overlap:lambda=0.013"))
        .isEqualTo(new KernelOverlapRegularizer(0.013));
    assertThat(registry.regularizer("l2:lambda=60").spec()).isEqualTo("l2:lambda=60.0");
    assertThat(registry.regularizer("kernel-linear:lambda=0")).isEqualTo(new KernelLinearRegularizer(0));
    assertThatThrownBy(() -> registry.regularizer("l2"))
        .hasMessageStartingWith("Invalid configuration of regularizer 'l2': missing required setting lambda");
    assertThatThrownBy(() -> registry.regularizer("kernel-linear:lambda=-0.1"))
        .hasMessageContaining("'lambda' must be in [0, inf), got -0.1");
  }
}
