package org.kernelnet.apps.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.apps.cli.ConfigurationException;
import org.kernelnet.apps.cli.DeviceChoice;
import org.kernelnet.apps.cli.Environment;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.data.DataDirectory;

class CoreModuleTest {
  @TempDir Path home;
  private final Terminal terminal =
      new Terminal(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));

  private Injector injector(Optional<DeviceChoice> device, Optional<Path> dataDir) {
    CoreSettings settings = new CoreSettings(
        Optional.empty(), dataDir, device, new Environment(Map.of(), home));
    ConfiguredPlugins plugins = ConfiguredPlugins.open(Optional.empty(), settings.environment(),
        getClass().getClassLoader());
    return Guice.createInjector(Stage.PRODUCTION, new CoreModule(settings, terminal, plugins));
  }

  @Test
  void providesOneRegistryAndTheDataDirectoryFromTheOption() {
    Injector injector = injector(Optional.empty(), Optional.of(home.resolve("data")));

    KernelnetRegistry registry = injector.getInstance(KernelnetRegistry.class);
    assertThat(injector.getInstance(KernelnetRegistry.class)).isSameAs(registry);
    assertThat(registry.kernels()).extracting(r -> r.name()).containsExactly("dot", "hat", "hat-sq", "poly", "radial", "rbf", "sqexp", "tanh");
    DataDirectory data = injector.getInstance(DataDirectory.class);
    assertThat(data.root()).isEqualTo(home.resolve("data"));
    assertThat(data.origin()).isEqualTo("--data-dir");
  }

  @Test
  void commandsWithoutADeviceChoiceHaveNoDeviceBinding() {
    Injector injector = injector(Optional.empty(), Optional.empty());

    assertThatThrownBy(() -> injector.getInstance(Device.class))
        .isInstanceOf(com.google.inject.ConfigurationException.class)
        .hasMessageContaining("Explicit bindings are required");
  }

  @Test
  void deviceIsResolvedOnceThroughTheEngine() {
    Injector cpu = injector(Optional.of(DeviceChoice.CPU), Optional.empty());
    Injector auto = injector(Optional.of(DeviceChoice.AUTO), Optional.empty());

    assertThat(cpu.getInstance(Device.class)).isEqualTo(Device.cpu());
    Device chosen = auto.getInstance(Device.class);
    assertThat(auto.getInstance(Device.class)).isSameAs(chosen);
    assertThat(Arrays.asList(Engine.getInstance().getDevices())).contains(chosen);
    assertThat(chosen.isGpu()).isEqualTo(Engine.getInstance().getGpuCount() > 0);
  }

  @Test
  void gpuWithoutGpuFailsBeforeTheApplicationRuns() {
    assumeTrue(Engine.getInstance().getGpuCount() == 0, "this machine has a GPU");
    CoreSettings settings = new CoreSettings(
        Optional.empty(), Optional.empty(), Optional.of(DeviceChoice.GPU), new Environment(Map.of(), home));
    boolean[] ran = {false};

    assertThatThrownBy(() -> ApplicationRunner.run(settings, terminal, new com.google.inject.AbstractModule() {
      @Override
      protected void configure() {
        bind(Application.class).toInstance(() -> ran[0] = true);
      }
    }, Application.class))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("--device gpu: the DJL engine PyTorch")
        .hasMessageContaining("sees no GPU");
    assertThat(ran[0]).isFalse();
  }
}
