package org.kernelnet.apps.inject;

import static java.util.Objects.requireNonNull;

import ai.djl.Device;
import ai.djl.engine.Engine;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Arrays;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.apps.cli.DeviceChoice;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.data.DataDirectory;
import org.kernelnet.apps.data.DownloadLog;
import org.kernelnet.apps.data.Downloader;
import org.kernelnet.apps.data.Fetcher;
import org.kernelnet.apps.report.ProgressLog;

/**
 * The services every application shares, each built once: the immutable {@link KernelnetRegistry}
 * (built-in kernels plus the plugin folder's), the {@link DataDirectory}, the {@link Terminal}, and,
 * for commands that chose a {@link DeviceChoice}, the DJL {@link Device}.
 *
 * <p>Bindings are explicit ({@code requireExplicitBindings}); in {@code Stage.PRODUCTION} they are
 * created when the injector is, so a broken plugin or an unavailable GPU fails before any work
 * starts.
 */
public final class CoreModule extends AbstractModule {
  private final CoreSettings settings;
  private final Terminal terminal;
  private final ConfiguredPlugins plugins;

  /**
   * @param settings the parsed common options
   * @param terminal where output goes
   * @param plugins the plugins the registry is made of (owned and closed by the caller)
   */
  public CoreModule(CoreSettings settings, Terminal terminal, ConfiguredPlugins plugins) {
    this.settings = requireNonNull(settings, "settings is null");
    this.terminal = requireNonNull(terminal, "terminal is null");
    this.plugins = requireNonNull(plugins, "plugins is null");
  }

  @Override
  protected void configure() {
    binder().requireExplicitBindings();
    bind(CoreSettings.class).toInstance(settings);
    bind(Terminal.class).toInstance(terminal);
    bind(ConfiguredPlugins.class).toInstance(plugins);
    settings.device().ifPresent(choice ->
        bind(Device.class)
            .toProvider((com.google.inject.Provider<Device>) () -> resolve(choice, Engine.getInstance()))
            .in(Scopes.SINGLETON));
  }

  @Provides
  @Singleton
  KernelnetRegistry registry(ConfiguredPlugins plugins) {
    return plugins.registry();
  }

  @Provides
  @Singleton
  DataDirectory dataDirectory(CoreSettings settings) {
    return DataDirectory.resolve(
        settings.dataDir(), settings.environment().variables(), settings.environment().userHome());
  }

  /**
   * Fetches a missing data file from its official source over HTTPS, verifying the published
   * checksums, with what, from where and to where, and then progress, on the terminal.
   */
  @Provides
  @Singleton
  Downloader downloader(Terminal terminal) {
    return new Downloader(Fetcher.standard(),
        new DownloadLog(new ProgressLog(terminal.err(), Duration.ofSeconds(2))));
  }

  /** Resolves a device choice against the devices {@code engine} reports. */
  static Device resolve(DeviceChoice choice, Engine engine) {
    return choice.select(
        Arrays.asList(engine.getDevices()), engine.getEngineName() + " " + engine.getVersion());
  }
}
