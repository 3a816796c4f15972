package org.kernelnet.apps.movielens;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import jakarta.inject.Singleton;
import org.kernelnet.apps.data.Downloader;
import org.kernelnet.apps.data.Fetcher;
import org.kernelnet.apps.data.ProgressListener;

/**
 * Wires the {@code movielens} application: its {@link MovieLensConfig} and a {@link Downloader}
 * that fetches a missing ratings file from GroupLens (verified against the published checksums).
 * The registry, data directory, terminal and device come from {@link
 * org.kernelnet.apps.inject.CoreModule}.
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

  @Provides
  @Singleton
  Downloader downloader() {
    return new Downloader(Fetcher.standard(), ProgressListener.NONE);
  }
}
