package org.kernelnet.apps.movielens;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;

/**
 * Wires {@code movielens benchmark}: its {@link MovieLensBenchmarkConfig} and {@link
 * MovieLensBenchmarkApp}; the registry, data directory, downloader, terminal and device come from
 * {@link org.kernelnet.apps.inject.CoreModule}.
 */
public final class MovieLensBenchmarkModule extends AbstractModule {
  private final MovieLensBenchmarkConfig config;

  /** @param config the validated configuration */
  public MovieLensBenchmarkModule(MovieLensBenchmarkConfig config) {
    this.config = requireNonNull(config, "config is null");
  }

  @Override
  protected void configure() {
    binder().requireExplicitBindings();
    bind(MovieLensBenchmarkConfig.class).toInstance(config);
    bind(MovieLensBenchmarkApp.class);
  }
}
