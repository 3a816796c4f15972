package org.kernelnet.apps.cifar.probe;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;

/**
 * Wires the {@code cifar probe} application: its {@link ProbeConfig} and {@code ProbeApp}. The
 * {@code KernelnetRegistry}, {@code DataDirectory}, {@code Terminal} and DJL {@code Device} come
 * from {@link org.kernelnet.apps.inject.CoreModule}.
 */
public final class ProbeModule extends AbstractModule {
  private final ProbeConfig config;

  /** @param config the validated configuration */
  public ProbeModule(ProbeConfig config) {
    this.config = requireNonNull(config, "config is null");
  }

  @Override
  protected void configure() {
    binder().requireExplicitBindings();
    bind(ProbeConfig.class).toInstance(config);
    bind(ProbeApp.class);
  }
}
