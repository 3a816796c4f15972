package org.kernelnet.apps.movielens;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;

/**
 * Wires the {@code recommend} application: its {@link RecommendConfig}; everything else comes from
 * {@link org.kernelnet.apps.inject.CoreModule}.
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

}
