package org.kernelnet.api;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kernelnet.api.internal.Catalog;

/**
 * Every kernel and regulariser factory contributed by the plugins found, by name. Immutable and
 * built once, usually with {@link #load(ClassLoader)} at application start, then passed to whoever
 * needs it (there is no static instance).
 *
 * <p>Building fails fast with a {@link PluginLoadException} listing every problem: a broken {@code
 * META-INF/services} entry (with the jar holding it), a plugin built for an incompatible API version
 * (both versions and the jar), a plugin whose methods threw, or two contributions with one name (both
 * classes and both jars). Nothing is ever silently shadowed.
 */
public final class KernelnetRegistry implements KernelResolver {
  private static final String SERVICE_FILE = "META-INF/services/" + KernelnetPlugin.class.getName();
  private static final Pattern PROVIDER_IN_MESSAGE = Pattern.compile("Provider (\\S+)|(\\S+) not a subtype");

  private final List<PluginSource> plugins;
  private final Catalog<Kernel, KernelFactory> kernels;
  private final Catalog<SparsityRegularizer, RegularizerFactory> regularizers;

  private KernelnetRegistry(
      List<PluginSource> plugins,
      Catalog<Kernel, KernelFactory> kernels,
      Catalog<SparsityRegularizer, RegularizerFactory> regularizers) {
    this.plugins = List.copyOf(plugins);
    this.kernels = kernels;
    this.regularizers = regularizers;
  }

  /**
   * Finds every {@link KernelnetPlugin} visible to {@code classLoader} with {@link ServiceLoader}.
   *
   * @throws PluginLoadException listing every problem found
   */
  public static KernelnetRegistry load(ClassLoader classLoader) {
    return builder().discover(classLoader).build();
  }

  /**
   * Finds the plugins visible to {@code host} (the built-in kernels, when they are on its class
   * path) and those of every plugin in {@code folder}, each through its own isolated loader.
   *
   * @throws PluginLoadException listing every problem found, e.g. two versions of one plugin
   */
  public static KernelnetRegistry load(ClassLoader host, PluginFolder folder) {
    requireNonNull(folder, "folder is null");
    Builder builder = builder().discover(host);
    folder.plugins().forEach(plugin -> builder.discover(plugin.classLoader()));
    return builder.build();
  }

  /** A builder for registries assembled in code (tests, embedding applications). */
  public static Builder builder() {
    return new Builder();
  }

  /** The plugins that contributed, in discovery order. */
  public List<PluginSource> plugins() {
    return plugins;
  }

  /** The kernel factories, sorted by name. */
  public List<Registered<KernelFactory>> kernels() {
    return kernels.entries();
  }

  /** The regulariser factories, sorted by name. */
  public List<Registered<RegularizerFactory>> regularizers() {
    return regularizers.entries();
  }

  /**
   * The kernel factory named {@code name}.
   *
   * @throws IllegalArgumentException listing the available kernels if there is none
   */
  public Registered<KernelFactory> kernelFactory(String name) {
    return kernels.get(requireNonNull(name, "name is null"));
  }

  /**
   * The regulariser factory named {@code name}.
   *
   * @throws IllegalArgumentException listing the available regularisers if there is none
   */
  public Registered<RegularizerFactory> regularizerFactory(String name) {
    return regularizers.get(requireNonNull(name, "name is null"));
  }

  /**
   * Builds a kernel from a specification such as {@code rbf} or {@code rbf:gamma=0.5}.
   *
   * @throws IllegalArgumentException for an unknown name (listing the available ones), an unknown or
   *     malformed setting (listing the accepted ones) or a value out of range
   */
  @Override
  public Kernel kernel(String spec) {
    return kernels.create(requireNonNull(spec, "spec is null"));
  }

  /**
   * Builds a regulariser from a specification such as {@code kernel-overlap:lambda=0.013}.
   *
   * @throws IllegalArgumentException as {@link #kernel(String)} does
   */
  public SparsityRegularizer regularizer(String spec) {
    return regularizers.create(requireNonNull(spec, "spec is null"));
  }

  /** Assembles a registry from plugin instances; {@link #build()} reports every problem at once. */
  public static final class Builder {
    private final List<String> problems = new ArrayList<>();
    private final List<PluginSource> plugins = new ArrayList<>();
    private final Catalog.Collector<Kernel, KernelFactory> kernels = new Catalog.Collector<>("kernel");
    private final Catalog.Collector<SparsityRegularizer, RegularizerFactory> regularizers =
        new Catalog.Collector<>("regularizer");

    private Builder() {}

    /**
     * Adds a plugin's contributions after checking its {@link BuiltForApi} version. Problems are
     * recorded and reported by {@link #build()}.
     */
    public Builder add(KernelnetPlugin plugin) {
      requireNonNull(plugin, "plugin is null");
      PluginSource source;
      try {
        source = PluginSource.of(plugin);
      } catch (RuntimeException e) {
        problems.add("plugin " + plugin.getClass().getName() + " in "
            + PluginSource.locationOf(plugin.getClass()) + " failed in name(): " + e);
        return this;
      }
      for (PluginSource earlier : plugins) {
        if (earlier.pluginClass().equals(source.pluginClass())) {
          problems.add("plugin " + source.pluginClass() + " is found twice, in "
              + earlier.location() + " and in " + source.location() + " (two versions of one"
              + " plugin?): keep one");
          return this;
        }
      }
      BuiltForApi builtFor = plugin.getClass().getAnnotation(BuiltForApi.class);
      if (builtFor == null) {
        problems.add("plugin " + source + " does not declare the kernelnet API version it was built"
            + " for; annotate its class with @BuiltForApi(KernelnetApi.VERSION)");
        return this;
      }
      boolean compatible;
      try {
        compatible = KernelnetApi.isCompatible(KernelnetApi.VERSION, builtFor.value());
      } catch (IllegalArgumentException e) {
        problems.add("plugin " + source + " declares a malformed API version: " + e.getMessage());
        return this;
      }
      if (!compatible) {
        problems.add("plugin " + source + " was built for kernelnet API " + builtFor.value()
            + " but this is kernelnet API " + KernelnetApi.VERSION
            + " (a plugin needs the same major version and a minor version no newer than the host's)");
        return this;
      }
      List<KernelFactory> kernelFactories;
      List<RegularizerFactory> regularizerFactories;
      try {
        kernelFactories = List.copyOf(plugin.kernels());
        regularizerFactories = List.copyOf(plugin.regularizers());
      } catch (RuntimeException e) {
        problems.add("plugin " + source + " failed while listing its contributions: " + e);
        return this;
      }
      plugins.add(source);
      kernelFactories.forEach(f -> kernels.add(f, source, problems));
      regularizerFactories.forEach(f -> regularizers.add(f, source, problems));
      return this;
    }

    /**
     * Adds every {@link KernelnetPlugin} visible to {@code classLoader} through {@link
     * ServiceLoader}; a broken service entry is recorded with the jar listing it.
     */
    public Builder discover(ClassLoader classLoader) {
      requireNonNull(classLoader, "classLoader is null");
      Iterator<KernelnetPlugin> it =
          ServiceLoader.load(KernelnetPlugin.class, classLoader).iterator();
      // The lazy iterator skips a failing entry after reporting it; the bound guards against a
      // provider implementation that keeps failing on the same entry.
      for (int attempts = 0; attempts < 100_000; attempts++) {
        try {
          if (!it.hasNext()) {
            break;
          }
          add(it.next());
        } catch (ServiceConfigurationError e) {
          problems.add(describe(e, classLoader));
        }
      }
      return this;
    }

    /**
     * The registry.
     *
     * @throws PluginLoadException listing every problem recorded
     */
    public KernelnetRegistry build() {
      if (!problems.isEmpty()) {
        throw new PluginLoadException(problems);
      }
      return new KernelnetRegistry(plugins, kernels.build(), regularizers.build());
    }
  }

  /** Explains a broken service entry, naming the jar(s) whose service file lists the provider. */
  private static String describe(ServiceConfigurationError error, ClassLoader classLoader) {
    String message = error.getMessage();
    Throwable cause = error.getCause();
    String detail = message + (cause == null || message.contains(String.valueOf(cause.getMessage()))
        ? "" : " (caused by " + cause + ")");
    Matcher m = PROVIDER_IN_MESSAGE.matcher(message == null ? "" : message);
    if (m.find()) {
      String provider = m.group(1) != null ? m.group(1) : m.group(2);
      List<String> where = serviceFilesListing(provider, classLoader);
      if (!where.isEmpty()) {
        return "broken service entry '" + provider + "' in " + String.join(" and ", where) + ": " + detail;
      }
    }
    return "broken service entry: " + detail;
  }

  private static List<String> serviceFilesListing(String provider, ClassLoader classLoader) {
    List<String> found = new ArrayList<>();
    try {
      Enumeration<URL> files = classLoader.getResources(SERVICE_FILE);
      while (files.hasMoreElements()) {
        URL url = files.nextElement();
        try (InputStream in = url.openStream();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
          boolean lists = reader.lines()
              .map(line -> line.replaceFirst("#.*", "").trim())
              .anyMatch(provider::equals);
          if (lists) {
            found.add(url.toString());
          }
        }
      }
    } catch (IOException e) {
      found.add("(service files unreadable: " + e + ")");
    }
    return found;
  }
}
