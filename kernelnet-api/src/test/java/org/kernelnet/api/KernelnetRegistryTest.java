package org.kernelnet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class KernelnetRegistryTest {
  private static final String TEST_CLASSES = PluginSource.locationOf(KernelnetRegistryTest.class);

  @Test
  void buildsKernelsAndRegularizersFromSpecs() {
    KernelnetRegistry registry = KernelnetRegistry.builder().add(new TestComponents.GoodPlugin()).build();

    Kernel kernel = registry.kernel("sdot:scale=2.5");
    assertThat(kernel.name()).isEqualTo("sdot");
    assertThat(kernel.config().getDouble("scale")).isEqualTo(2.5);
    assertThat(kernel.spec()).isEqualTo("sdot:scale=2.5");
    assertThat(kernel).hasToString("sdot(scale=2.5)");
    assertThat(registry.kernel(kernel.spec())).isEqualTo(kernel).hasSameHashCodeAs(kernel);
    assertThat(registry.kernel("sdot")).isNotEqualTo(kernel);
    assertThat(kernel.evaluate(new double[] {1, 2}, new double[] {3, 4})).isEqualTo(27.5);

    SparsityRegularizer regularizer = registry.regularizer("ksum: weight = 0.5");
    assertThat(regularizer.spec()).isEqualTo("ksum:weight=0.5");

    assertThat(registry.kernels()).extracting(Registered::name).containsExactly("sdot");
    assertThat(registry.kernelFactory("sdot").source().pluginClass())
        .isEqualTo(TestComponents.GoodPlugin.class.getName());
    assertThat(registry.kernelFactory("sdot").source().location()).isEqualTo(TEST_CLASSES);
    assertThat(registry.plugins()).extracting(PluginSource::pluginName).containsExactly("GoodPlugin");
  }

  @Test
  void unknownNameListsWhatExists() {
    KernelnetRegistry registry = KernelnetRegistry.builder().add(new TestComponents.GoodPlugin()).build();
    assertThatThrownBy(() -> registry.kernel("rbff:gamma=1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown kernel 'rbff'; available: sdot");
    assertThatThrownBy(() -> registry.regularizer("l3"))
        .hasMessage("Unknown regularizer 'l3'; available: ksum");
  }

  @Test
  void invalidSettingsAreReportedTogetherWithTheAcceptedKeys() {
    KernelnetRegistry registry = KernelnetRegistry.builder().add(new TestComponents.GoodPlugin()).build();
    assertThatThrownBy(() -> registry.kernel("sdot:scale=-1,gamma=2,mode=c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid configuration of kernel 'sdot'")
        .hasMessageContaining("unknown setting 'gamma'; accepted: scale, mode")
        .hasMessageContaining("'scale' must be in (0, inf), got -1.0")
        .hasMessageContaining("'mode' must be one of [a, b], got 'c'");
    assertThatThrownBy(() -> registry.kernel("sdot:scale=abc"))
        .hasMessageContaining("'scale' must be a number, got 'abc'");
    assertThatThrownBy(() -> registry.kernel("sdot:scale"))
        .hasMessageContaining("Malformed setting 'scale' in 'sdot:scale'; expected key=value");
    assertThatThrownBy(() -> registry.regularizer("ksum"))
        .hasMessageContaining("missing required setting weight");
  }

  @Test
  void duplicateNamesNameBothProvidersAndLocations() {
    assertThatThrownBy(
            () -> KernelnetRegistry.builder()
                .add(new TestComponents.GoodPlugin())
                .add(new TestComponents.SameNamePlugin())
                .build())
        .isInstanceOf(PluginLoadException.class)
        .hasMessageContaining("Kernel 'sdot' is already registered: ")
        .hasMessageContaining("from " + TEST_CLASSES + " and ");
  }

  @Test
  void versionProblemsNameBothVersionsAndTheLocation() {
    PluginLoadException e = (PluginLoadException) catchAll(
        KernelnetRegistry.builder()
            .add(new TestComponents.UndeclaredPlugin())
            .add(new TestComponents.FuturePlugin())
            .add(new TestComponents.MalformedVersionPlugin())
            .add(new TestComponents.GoodPlugin()));
    assertThat(e.problems()).hasSize(3);
    assertThat(e.problems().get(0))
        .contains(TestComponents.UndeclaredPlugin.class.getName(), TEST_CLASSES,
            "@BuiltForApi(KernelnetApi.VERSION)");
    assertThat(e.problems().get(1))
        .contains("built for kernelnet API 2.0 but this is kernelnet API " + KernelnetApi.VERSION, TEST_CLASSES);
    assertThat(e.problems().get(2)).contains("malformed API version", "'1.x'");
    assertThat(e.getMessage()).contains("(3 problems)");
  }

  @Test
  void failingAndBadlyNamedPluginsAreReported() {
    PluginLoadException e = (PluginLoadException) catchAll(
        KernelnetRegistry.builder()
            .add(new TestComponents.ThrowingPlugin())
            .add(new TestComponents.BadNamePlugin()));
    assertThat(e.problems()).hasSize(2);
    assertThat(e.problems().get(0)).contains("failed while listing its contributions", "boom");
    assertThat(e.problems().get(1)).contains("invalid name 'Bad Name'");
  }

  @Test
  void aFactoryThatFailsIsReportedWithTheKernelSpecAndPlugin() {
    KernelnetRegistry registry =
        KernelnetRegistry.builder().add(new TestComponents.FailingFactoryPlugin()).build();

    assertThatThrownBy(() -> registry.kernel("fragile:scale=2"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("kernel 'fragile' of plugin fragile-plugin ("
            + TestComponents.FailingFactoryPlugin.class.getName() + " in " + TEST_CLASSES)
        .hasMessageContaining("failed to build from 'fragile:scale=2'")
        .hasMessageContaining("boom");
  }

  @Test
  void classpathWithoutPluginsGivesAnEmptyRegistry() {
    KernelnetRegistry registry = KernelnetRegistry.load(getClass().getClassLoader());
    assertThat(registry.kernels()).isEmpty();
    assertThat(registry.regularizers()).isEmpty();
    assertThatThrownBy(() -> registry.kernel("rbf")).hasMessage("Unknown kernel 'rbf'; available: none (the built-in kernels and regularizers"
        + " are in org.kernelnet:kernelnet-kernels: is it on the class path?)");
  }

  @Test
  void registryListsAreImmutable() {
    KernelnetRegistry registry = KernelnetRegistry.builder().add(new TestComponents.GoodPlugin()).build();
    List<Registered<KernelFactory>> kernels = registry.kernels();
    assertThatThrownBy(() -> kernels.add(null)).isInstanceOf(UnsupportedOperationException.class);
  }

  private static RuntimeException catchAll(KernelnetRegistry.Builder builder) {
    try {
      builder.build();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("expected the build to fail");
  }
}
