package org.kernelnet.apps.movielens;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;

/**
 * Wires {@code movielens generate}: its {@link GenerateConfig} and {@link GenerateApp}; the data
 * directory and terminal come from {@link org.kernelnet.apps.inject.CoreModule}.
 */
public final class GenerateModule extends AbstractModule {
  private final GenerateConfig config;

  /** @param config the validated configuration */
  public GenerateModule(GenerateConfig config) {
    this.config = requireNonNull(config, "config is null");
  }

  @Override
  protected void configure() {
    binder().requireExplicitBindings();
    bind(GenerateConfig.class).toInstance(config);
    bind(GenerateApp.class);
  }
}
