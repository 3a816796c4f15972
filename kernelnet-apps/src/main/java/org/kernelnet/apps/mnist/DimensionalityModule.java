package org.kernelnet.apps.mnist;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;

/**
 * Wires {@code mnist dimensionality}: its {@link DimensionalityConfig} and {@link
 * DimensionalityApp}; the registry, data directory, terminal and device come from {@link
 * org.kernelnet.apps.inject.CoreModule}.
 */
public final class DimensionalityModule extends AbstractModule {
  private final DimensionalityConfig config;

  /** @param config the validated configuration */
  public DimensionalityModule(DimensionalityConfig config) {
    this.config = requireNonNull(config, "config is null");
  }

  @Override
  protected void configure() {
    binder().requireExplicitBindings();
    bind(DimensionalityConfig.class).toInstance(config);
    bind(DimensionalityApp.class);
  }
}
