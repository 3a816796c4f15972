package org.kernelnet.apps.mnist;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;

/**
 * Wires {@code mnist benchmark}: its {@link BenchmarkConfig} and {@link BenchmarkApp}; the
 * registry, data directory, terminal and device come from {@link
 * org.kernelnet.apps.inject.CoreModule}.
 */
public final class BenchmarkModule extends AbstractModule {
  private final BenchmarkConfig config;

  /** @param config the validated configuration */
  public BenchmarkModule(BenchmarkConfig config) {
    this.config = requireNonNull(config, "config is null");
  }

  @Override
  protected void configure() {
    binder().requireExplicitBindings();
    bind(BenchmarkConfig.class).toInstance(config);
    bind(BenchmarkApp.class);
  }
}
