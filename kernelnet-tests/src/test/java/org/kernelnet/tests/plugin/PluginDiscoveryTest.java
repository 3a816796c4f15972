package org.kernelnet.tests.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;
import static org.kernelnet.tests.plugin.PluginJarBuilder.CAUCHY_FACTORY_CLASS;
import static org.kernelnet.tests.plugin.PluginJarBuilder.CAUCHY_PACKAGE;
import static org.kernelnet.tests.plugin.PluginJarBuilder.CAUCHY_PLUGIN_CLASS;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.api.Kernel;
import org.kernelnet.api.KernelFactory;
import org.kernelnet.api.KernelProperty;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.api.PluginLoadException;
import org.kernelnet.api.PluginSource;
import org.kernelnet.api.Registered;

/** A real plugin jar, built from {@code src/plugin/cauchy}, discovered by the registry. */
class PluginDiscoveryTest {
  @TempDir Path dir;

  @Test
  void pluginClassesAreNotOnTheTestClassPath() {
    assertThatThrownBy(() -> Class.forName(CAUCHY_PLUGIN_CLASS))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void cauchyJarIsFoundAndListedWithItsJarPath() throws IOException {
    Path jar = PluginJarBuilder.cauchyJar(dir);
    try (URLClassLoader loader = PluginJarBuilder.classLoader(jar)) {
      KernelnetRegistry registry = KernelnetRegistry.load(loader);

      assertThat(registry.kernels()).extracting(Registered::name).containsExactly(
          "cauchy", "dot", "hat", "hat-sq", "poly", "radial", "rbf", "sqexp", "tanh");
      Registered<KernelFactory> cauchy = registry.kernelFactory("cauchy");
      assertThat(cauchy.source())
          .isEqualTo(new PluginSource("cauchy-example", CAUCHY_PLUGIN_CLASS, jar.toString()));
      assertThat(cauchy.factory().getClass().getName()).isEqualTo(CAUCHY_FACTORY_CLASS);
      assertThat(cauchy.factory().getClass().getClassLoader()).isSameAs(loader);
      assertThat(registry.plugins()).extracting(PluginSource::pluginName)
          .containsExactlyInAnyOrder("kernelnet-builtin", "cauchy-example");
    }
  }

  @Test
  void cauchyComputesTheClosedFormGramMatrix() throws IOException {
    Path jar = PluginJarBuilder.cauchyJar(dir);
    try (URLClassLoader loader = PluginJarBuilder.classLoader(jar);
        NDManager manager = NDManager.newBaseManager()) {
      Kernel kernel = KernelnetRegistry.load(loader).kernel("cauchy:gamma=2");

      assertThat(kernel.spec()).isEqualTo("cauchy:gamma=2.0");
      assertThat(kernel.toString()).isEqualTo("cauchy(gamma=2.0)");
      assertThat(kernel.properties())
          .containsExactlyInAnyOrder(KernelProperty.SYMMETRIC, KernelProperty.POSITIVE_SEMI_DEFINITE);
      NDArray u = manager.create(new float[][] {{0, 0}, {1, 0}});
      NDArray v = manager.create(new float[][] {{0, 1}, {2, 0}, {1, 0}});
      NDArray gram = kernel.gram(u, v);

      // ||u-v||^2 = [[1, 4, 1], [2, 1, 0]], K = 1 / (1 + 2 ||u-v||^2)
      assertThat(gram.getShape().getShape()).containsExactly(2, 3);
      float[] expected = {1 / 3f, 1 / 9f, 1 / 3f, 1 / 5f, 1 / 3f, 1f};
      float[] actual = gram.toFloatArray();
      for (int i = 0; i < expected.length; i++) {
        assertThat(actual[i]).as("entry %d", i).isCloseTo(expected[i], within(1e-6f));
      }
      assertThat(kernel.evaluate(new double[] {1, 0}, new double[] {0, 1})).isCloseTo(0.2, within(1e-15));
      assertThat(KernelnetRegistry.load(loader).kernel("cauchy").spec()).isEqualTo("cauchy:gamma=1.0");
    }
  }

  @Test
  void invalidGammaIsRejectedWithTheRange() throws IOException {
    Path jar = PluginJarBuilder.cauchyJar(dir);
    try (URLClassLoader loader = PluginJarBuilder.classLoader(jar)) {
      KernelnetRegistry registry = KernelnetRegistry.load(loader);

      assertThatThrownBy(() -> registry.kernel("cauchy:gamma=0"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'gamma' must be in (0, inf), got 0.0");
    }
  }

  @Test
  void twoJarsWithTheSameKernelNameFailNamingBothClassesAndJars() throws IOException {
    Path first = PluginJarBuilder.cauchyJar(dir);
    Path second = PluginJarBuilder.cauchy()
        .replace(CAUCHY_PACKAGE, CAUCHY_PACKAGE + "twin")
        .replace("\"kernel-log\"", "\"kernel-log-twin\"")
        .build(dir.resolve("cauchy-twin.jar"));
    try (URLClassLoader loader = PluginJarBuilder.classLoader(first, second)) {
      PluginLoadException error =
          catchThrowableOfType(() -> KernelnetRegistry.load(loader), PluginLoadException.class);

      assertThat(error).isNotNull();
      assertThat(error.problems()).singleElement().asString()
          .startsWith("Kernel 'cauchy' is already registered: ")
          .contains(CAUCHY_FACTORY_CLASS + " from " + first)
          .contains(CAUCHY_PACKAGE + "twin.CauchyKernel$Factory from " + second);
    }
  }

  @Test
  void brokenServiceEntryNamesTheJar() throws IOException {
    String missing = CAUCHY_PACKAGE + ".MissingPlugin";
    Path jar = PluginJarBuilder.cauchy().serviceEntries(missing).build(dir.resolve("broken.jar"));
    try (URLClassLoader loader = PluginJarBuilder.classLoader(jar)) {
      PluginLoadException error =
          catchThrowableOfType(() -> KernelnetRegistry.load(loader), PluginLoadException.class);

      assertThat(error).isNotNull();
      assertThat(error.problems()).singleElement().asString()
          .startsWith("broken service entry '" + missing + "' in jar:file:" + jar + "!/META-INF/services/")
          .contains("not found");
    }
  }

  @Test
  void apiVersionMismatchNamesBothVersionsAndTheJar() throws IOException {
    Path jar = PluginJarBuilder.cauchy()
        .replace("@BuiltForApi(KernelnetApi.VERSION)", "@BuiltForApi(\"2.0\")")
        .build(dir.resolve("cauchy-api2.jar"));
    try (URLClassLoader loader = PluginJarBuilder.classLoader(jar)) {
      PluginLoadException error =
          catchThrowableOfType(() -> KernelnetRegistry.load(loader), PluginLoadException.class);

      assertThat(error).isNotNull();
      assertThat(error.problems()).singleElement().asString()
          .contains("plugin cauchy-example (" + CAUCHY_PLUGIN_CLASS + " in " + jar + ")")
          .contains("was built for kernelnet API 2.0 but this is kernelnet API 1.0");
    }
  }

  @Test
  void aReplacementThatMatchesNothingFailsTheBuild() {
    assertThatThrownBy(() -> PluginJarBuilder.cauchy()
        .replace("@BuiltForApi(\"9.9\")", "x")
        .build(dir.resolve("never.jar")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("replacement target '@BuiltForApi(\"9.9\")' occurs nowhere");
  }

  @Test
  void compileErrorsAreReported() {
    assertThatThrownBy(() -> PluginJarBuilder.cauchy()
        .replace("return 1 / (1 + gamma * d2);", "return undefinedVariable;")
        .build(dir.resolve("never.jar")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("compiling the plugin failed")
        .hasMessageContaining("undefinedVariable");
    assertThat(List.of(dir.toFile().list())).doesNotContain("never.jar");
  }
}
