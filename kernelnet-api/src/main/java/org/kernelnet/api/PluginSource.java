package org.kernelnet.api;

import static java.util.Objects.requireNonNull;

import java.net.URL;
import java.security.CodeSource;

/**
 * Where a plugin came from, for listings and error messages.
 *
 * @param pluginName the plugin's {@link KernelnetPlugin#name()}
 * @param pluginClass the fully qualified class name of the plugin root
 * @param location the jar or class folder the class was loaded from, or {@code unknown}
 */
public record PluginSource(String pluginName, String pluginClass, String location) {
  /** Validates the record. */
  public PluginSource {
    requireNonNull(pluginName, "pluginName is null");
    requireNonNull(pluginClass, "pluginClass is null");
    requireNonNull(location, "location is null");
  }

  /** The source of a loaded plugin instance, its location taken from its class's code source. */
  public static PluginSource of(KernelnetPlugin plugin) {
    requireNonNull(plugin, "plugin is null");
    return new PluginSource(plugin.name(), plugin.getClass().getName(), locationOf(plugin.getClass()));
  }

  /** The jar or folder a class was loaded from, as a path when it is a file, else its URL. */
  public static String locationOf(Class<?> type) {
    CodeSource codeSource = type.getProtectionDomain().getCodeSource();
    URL url = codeSource == null ? null : codeSource.getLocation();
    if (url == null) {
      return "unknown";
    }
    if ("file".equals(url.getProtocol())) {
      try {
        return java.nio.file.Path.of(url.toURI()).toString();
      } catch (java.net.URISyntaxException | IllegalArgumentException e) {
        return url.toString();
      }
    }
    return url.toString();
  }

  @Override
  public String toString() {
    return pluginName + " (" + pluginClass + " in " + location + ")";
  }
}
