package org.kernelnet.apps.mnist;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;

/**
 * Wires {@code mnist predict-params}: its {@link PredictParamsConfig} and {@link PredictParamsApp}; the
 * registry, data directory, terminal and device come from {@link
 * org.kernelnet.apps.inject.CoreModule}.
 */
public final class PredictParamsModule extends AbstractModule {
  private final PredictParamsConfig config;

  /** @param config the validated configuration */
  public PredictParamsModule(PredictParamsConfig config) {
    this.config = requireNonNull(config, "config is null");
  }

  @Override
  protected void configure() {
    binder().requireExplicitBindings();
    bind(PredictParamsConfig.class).toInstance(config);
    bind(PredictParamsApp.class);
  }
}
