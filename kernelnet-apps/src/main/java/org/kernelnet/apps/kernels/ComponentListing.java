package org.kernelnet.apps.kernels;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kernelnet.api.ComponentFactory;
import org.kernelnet.api.ConfigKey;
import org.kernelnet.api.Kernel;
import org.kernelnet.api.KernelProperty;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.api.PluginSource;
import org.kernelnet.api.Registered;
import org.kernelnet.apps.inject.ConfiguredPlugins;

/**
 * What {@code kernelnet kernels} shows: every kernel and regulariser with its settings, its default
 * instance and where it came from, plus the plugins and the plugin folder.
 *
 * @param pluginFolder the plugins of the run, with their folder if one is configured
 * @param plugins every plugin that contributed, in discovery order
 * @param kernels the kernels, sorted by name
 * @param regularizers the regularisers, sorted by name
 */
record ComponentListing(
    ConfiguredPlugins pluginFolder,
    List<PluginSource> plugins,
    List<Entry> kernels,
    List<Entry> regularizers) {

  /**
   * One kernel or regulariser.
   *
   * @param name the registered name
   * @param description the factory's one-line description
   * @param settings the accepted settings
   * @param defaultSpec the specification of the instance built with every default, if it can be built
   * @param defaultProblem why no default instance could be built (e.g. a required setting), if so
   * @param properties the default kernel's properties; empty for regularisers and when there is no
   *     default instance
   * @param source the plugin and jar or folder it came from
   */
  record Entry(
      String name,
      String description,
      List<ConfigKey> settings,
      Optional<String> defaultSpec,
      Optional<String> defaultProblem,
      Optional<Set<KernelProperty>> properties,
      PluginSource source) {}

  static ComponentListing of(KernelnetRegistry registry, ConfiguredPlugins folder) {
    List<Entry> kernels = registry.kernels().stream()
        .map(r -> entry(r, () -> {
          Kernel k = registry.kernel(r.name());
          return new Instance(k.spec(), Optional.of(k.properties()));
        }))
        .toList();
    List<Entry> regularizers = registry.regularizers().stream()
        .map(r -> entry(r, () -> new Instance(registry.regularizer(r.name()).spec(), Optional.empty())))
        .toList();
    return new ComponentListing(folder, registry.plugins(), kernels, regularizers);
  }

  private record Instance(String spec, Optional<Set<KernelProperty>> properties) {}

  private interface InstanceMaker {
    Instance make();
  }

  private static Entry entry(Registered<? extends ComponentFactory<?>> registered, InstanceMaker maker) {
    ComponentFactory<?> factory = registered.factory();
    Optional<Instance> instance;
    Optional<String> problem;
    try {
      instance = Optional.of(maker.make());
      problem = Optional.empty();
    } catch (IllegalArgumentException e) {
      instance = Optional.empty();
      problem = Optional.of(e.getMessage());
    } catch (RuntimeException e) {
      instance = Optional.empty();
      problem = Optional.of("building the default instance failed: " + e);
    }
    return new Entry(
        registered.name(),
        factory.description(),
        List.copyOf(factory.configKeys()),
        instance.map(Instance::spec),
        problem,
        instance.flatMap(Instance::properties),
        registered.source());
  }
}
