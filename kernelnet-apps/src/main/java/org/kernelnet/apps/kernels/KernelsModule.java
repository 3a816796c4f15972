package org.kernelnet.apps.kernels;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import jakarta.inject.Provider;

/**
 * The module of the {@code kernels} application: the {@link ListingReporter} its {@link
 * KernelsConfig} asks for. Everything else ({@code KernelnetRegistry}, {@code PluginClassLoader},
 * {@code Terminal}) comes from {@link org.kernelnet.apps.inject.CoreModule}.
 */
public final class KernelsModule extends AbstractModule {
  @Override
  protected void configure() {
    binder().requireExplicitBindings();
    bind(TextListingReporter.class);
    bind(JsonListingReporter.class);
  }

  @Provides
  ListingReporter reporter(KernelsConfig config, Provider<TextListingReporter> text,
      Provider<JsonListingReporter> json) {
    return switch (config.format()) {
      case TEXT -> text.get();
      case JSON -> json.get();
    };
  }
}
