package org.kernelnet.apps.movielens;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import jakarta.inject.Singleton;
import org.kernelnet.apps.data.Downloader;

/**
 * Wires the {@code recommend} application: its {@link RecommendConfig} and an offline {@link
 * Downloader} (the ratings the model was trained on must already be in the data directory).
 */
public final class RecommendModule extends AbstractModule {
  private final RecommendConfig config;

  /** @param config the validated configuration */
  public RecommendModule(RecommendConfig config) {
    this.config = requireNonNull(config, "config is null");
  }

  @Override
  protected void configure() {
    binder().requireExplicitBindings();
    bind(RecommendConfig.class).toInstance(config);
    bind(RecommendApp.class);
  }

  @Provides
  @Singleton
  Downloader downloader() {
    return Downloader.offline();
  }
}
