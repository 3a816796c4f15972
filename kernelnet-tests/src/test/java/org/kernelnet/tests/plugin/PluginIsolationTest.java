package org.kernelnet.tests.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kernelnet.tests.plugin.PluginJarBuilder.CAUCHY_PACKAGE;
import static org.kernelnet.tests.plugin.PluginJarBuilder.CAUCHY_PLUGIN_CLASS;

import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.api.Kernel;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.api.PluginFolder;
import org.kernelnet.api.PluginLoadException;
import org.kernelnet.api.PluginSource;
import org.kernelnet.apps.CommandRun;

/**
 * Plugins of a {@link PluginFolder} load in isolation: each jar (or sub-folder of jars) has its own
 * class loader that shares only the kernelnet API and DJL with the host, and two versions of one
 * plugin are reported with both jars instead of one shadowing the other.
 */
class PluginIsolationTest {
  private static final ClassLoader HOST = PluginIsolationTest.class.getClassLoader();
  @TempDir Path dir;

  @Test
  void aPluginSeesTheApiAndDjlOfTheHostAndNothingElseOfIt() throws Exception {
    PluginJarBuilder.cauchyJar(dir);
    try (PluginFolder folder = PluginFolder.open(dir, HOST)) {
      ClassLoader loader = folder.plugins().get(0).classLoader();
      assertThat(loader.loadClass(Kernel.class.getName())).isSameAs(Kernel.class);
      assertThat(loader.loadClass(NDArray.class.getName())).isSameAs(NDArray.class);
      assertThat(loader.loadClass(String.class.getName())).isSameAs(String.class);
      // the built-in kernels, the blocks, the launcher and the test classes are the host's own
      for (String hidden : List.of("org.kernelnet.kernels.RbfKernel",
          "org.kernelnet.djl.nn.KernelLayer", "org.kernelnet.apps.Kernelnet",
          PluginIsolationTest.class.getName())) {
        assertThatThrownBy(() -> loader.loadClass(hidden)).as(hidden)
            .isInstanceOf(ClassNotFoundException.class);
      }
      assertThat(Collections.list(
          loader.getResources("META-INF/services/org.kernelnet.api.KernelnetPlugin"))).hasSize(1);
    }
  }

  @Test
  void theRegistryHasTheHostsPluginsAndEachFolderPluginFromItsOwnLoader() throws IOException {
    Path cauchy = PluginJarBuilder.cauchyJar(dir);
    PluginJarBuilder.cauchy().replace(CAUCHY_PACKAGE, CAUCHY_PACKAGE + "twin")
        .replace("\"cauchy\"", "\"cauchy-twin\"").replace("cauchy-example", "cauchy-twin")
        .replace("\"kernel-log\"", "\"kernel-log-twin\"")
        .build(dir.resolve("twin.jar"));
    try (PluginFolder folder = PluginFolder.open(dir, HOST)) {
      KernelnetRegistry registry = KernelnetRegistry.load(HOST, folder);

      assertThat(registry.plugins()).extracting(PluginSource::pluginName)
          .containsExactly("kernelnet-builtin", "cauchy-example", "cauchy-twin");
      Kernel first = registry.kernel("cauchy");
      Kernel twin = registry.kernel("cauchy-twin");
      assertThat(first.getClass().getClassLoader()).isSameAs(folder.plugins().get(0).classLoader());
      assertThat(twin.getClass().getClassLoader()).isSameAs(folder.plugins().get(1).classLoader())
          .isNotSameAs(first.getClass().getClassLoader());
      assertThat(registry.kernelFactory("cauchy").source().location()).isEqualTo(cauchy.toString());
    }
  }

  @Test
  void twoVersionsOfOnePluginAreReportedWithBothJars() throws IOException {
    Path old = PluginJarBuilder.cauchy().build(dir.resolve("cauchy-1.0.jar"));
    Path current = PluginJarBuilder.cauchy()
        .replace("\"Cauchy K(u,v)", "\"Cauchy (1.1) K(u,v)").build(dir.resolve("cauchy-1.1.jar"));
    try (PluginFolder folder = PluginFolder.open(dir, HOST)) {
      assertThatThrownBy(() -> KernelnetRegistry.load(HOST, folder))
          .isInstanceOf(PluginLoadException.class)
          .hasMessageContaining("plugin " + CAUCHY_PLUGIN_CLASS + " is found twice, in " + old
              + " and in " + current + " (two versions of one plugin?): keep one");
    }
    CommandRun kernels = CommandRun.of(dir, "kernels", "--plugins", dir.toString());
    assertThat(kernels.status()).isEqualTo(2);
    assertThat(kernels.err()).contains(old.toString()).contains(current.toString());
  }

  @Test
  void aSubFolderIsOnePluginWhoseJarsShareOneLoader() throws IOException {
    Path plugin = Files.createDirectory(dir.resolve("cauchy-with-lib"));
    PluginJarBuilder.cauchyJar(plugin);
    PluginJarBuilder.cauchy().replace(CAUCHY_PACKAGE, CAUCHY_PACKAGE + "lib")
        .serviceEntries().build(plugin.resolve("lib.jar"));
    try (PluginFolder folder = PluginFolder.open(dir, HOST)) {
      assertThat(folder.plugins()).hasSize(1);
      PluginFolder.Plugin only = folder.plugins().get(0);
      assertThat(only.location()).isEqualTo(plugin);
      assertThat(only.jars()).containsExactly(plugin.resolve("cauchy.jar"),
          plugin.resolve("lib.jar"));
      Class<?> kernel = only.classLoader().loadClass(CAUCHY_PACKAGE + ".CauchyKernel");
      Class<?> library = only.classLoader().loadClass(CAUCHY_PACKAGE + "lib.CauchyKernel");
      assertThat(library.getClassLoader()).isSameAs(kernel.getClassLoader());
      assertThat(KernelnetRegistry.load(HOST, folder).kernel("cauchy").getClass())
          .isSameAs(kernel);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aMissingFolderIsReported() {
    assertThatThrownBy(() -> PluginFolder.open(dir.resolve("none"), HOST))
        .isInstanceOf(PluginLoadException.class)
        .hasMessageContaining("plugin folder " + dir.resolve("none") + " does not exist");
  }
}
