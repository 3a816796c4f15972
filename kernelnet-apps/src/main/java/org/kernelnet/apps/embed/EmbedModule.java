package org.kernelnet.apps.embed;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import jakarta.inject.Singleton;
import org.kernelnet.api.Kernel;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.apps.cli.ConfigurationException;

/**
 * Wires {@code kernelnet embed mnist}: its {@link EmbedConfig}, the embedding layer's {@link Kernel}
 * (resolved from the registry, so plugin kernels work; a bad specification is a configuration
 * error), the plots and {@link EmbedApp}. The registry, data directory, device and terminal come
 * from {@link org.kernelnet.apps.inject.CoreModule}, the run folder's {@code ResultsWriter} from
 * {@link org.kernelnet.apps.inject.ApplicationRunner}.
 */
public final class EmbedModule extends AbstractModule {
  private final EmbedConfig config;

  /** @param config the validated configuration */
  public EmbedModule(EmbedConfig config) {
    this.config = requireNonNull(config, "config is null");
  }

  @Override
  protected void configure() {
    binder().requireExplicitBindings();
    bind(EmbedConfig.class).toInstance(config);
    bind(MapPlots.class);
    bind(EmbedApp.class);
  }

  @Provides
  @Singleton
  Kernel kernel(KernelnetRegistry registry) {
    try {
      return registry.kernel(config.kernel());
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("--kernel " + config.kernel() + ": " + e.getMessage());
    }
  }
}
