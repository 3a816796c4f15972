package org.kernelnet.apps.mnist;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;

/**
 * Wires {@code mnist grid-prior}: its {@link GridPriorConfig} and {@link GridPriorApp}; the
 * registry, data directory, terminal and device come from {@link
 * org.kernelnet.apps.inject.CoreModule}.
 */
public final class GridPriorModule extends AbstractModule {
  private final GridPriorConfig config;

  /** @param config the validated configuration */
  public GridPriorModule(GridPriorConfig config) {
    this.config = requireNonNull(config, "config is null");
  }

  @Override
  protected void configure() {
    binder().requireExplicitBindings();
    bind(GridPriorConfig.class).toInstance(config);
    bind(GridPriorApp.class);
  }
}
