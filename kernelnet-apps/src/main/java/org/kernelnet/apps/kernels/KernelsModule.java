package org.kernelnet.apps.kernels;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;

/**
 * Wires the {@code kernels} application: its {@link KernelsConfig} and the reporter that format
 * selects. Everything else ({@code KernelnetRegistry}, {@code PluginClassLoader}, {@code Terminal})
 * comes from {@link org.kernelnet.apps.inject.CoreModule}.
 */
public final class KernelsModule extends AbstractModule {
  private final KernelsConfig config;

  /** @param config the parsed configuration */
  public KernelsModule(KernelsConfig config) {
    this.config = requireNonNull(config, "config is null");
  }

  @Override
  protected void configure() {
    binder().requireExplicitBindings();
    bind(KernelsConfig.class).toInstance(config);
    bind(KernelsApp.class);
    switch (config.format()) {
      case TEXT -> {
        bind(TextListingReporter.class);
        bind(ListingReporter.class).to(TextListingReporter.class);
      }
      case JSON -> {
        bind(JsonListingReporter.class);
        bind(ListingReporter.class).to(JsonListingReporter.class);
      }
      default -> throw new AssertionError(config.format());
    }
  }
}
