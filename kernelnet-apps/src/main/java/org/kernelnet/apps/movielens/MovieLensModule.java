package org.kernelnet.apps.movielens;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;

/**
 * Wires the {@code movielens} application: its {@link MovieLensConfig}. The registry, data
 * directory, downloader (which fetches a missing ratings file from GroupLens and verifies the
 * published checksums), terminal and device come from {@link org.kernelnet.apps.inject.CoreModule}.
 */
public final class MovieLensModule extends AbstractModule {
  private final MovieLensConfig config;

  /** @param config the validated configuration */
  public MovieLensModule(MovieLensConfig config) {
    this.config = requireNonNull(config, "config is null");
  }

  @Override
  protected void configure() {
    binder().requireExplicitBindings();
    bind(MovieLensConfig.class).toInstance(config);
    bind(MovieLensApp.class);
  }

}
