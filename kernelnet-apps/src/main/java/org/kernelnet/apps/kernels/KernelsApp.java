package org.kernelnet.apps.kernels;

import jakarta.inject.Inject;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.apps.inject.Application;
import org.kernelnet.apps.inject.ConfiguredPlugins;

/** Lists the registry's kernels and regularisers through the configured {@link ListingReporter}. */
final class KernelsApp implements Application {
  private final KernelnetRegistry registry;
  private final ConfiguredPlugins plugins;
  private final ListingReporter reporter;

  @Inject
  KernelsApp(KernelnetRegistry registry, ConfiguredPlugins plugins, ListingReporter reporter) {
    this.registry = registry;
    this.plugins = plugins;
    this.reporter = reporter;
  }

  @Override
  public void run() {
    reporter.report(ComponentListing.of(registry, plugins));
  }
}
