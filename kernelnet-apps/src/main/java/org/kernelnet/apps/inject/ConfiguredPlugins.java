package org.kernelnet.apps.inject;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.api.PluginFolder;
import org.kernelnet.apps.cli.CommonOptions;
import org.kernelnet.apps.cli.ConfigurationException;
import org.kernelnet.apps.cli.Environment;

/**
 * The plugins of one launcher run: those on the application's class path (the built-ins) and, when
 * {@code --plugins} or else the environment variable {@value CommonOptions#PLUGINS_ENV_VAR} names a
 * folder, the isolated plugins of that {@link PluginFolder}. Closing it closes the plugins' jars.
 */
public final class ConfiguredPlugins implements AutoCloseable {
  private final Optional<PluginFolder> folder;
  private final String origin;
  private final ClassLoader host;

  private ConfiguredPlugins(Optional<PluginFolder> folder, String origin, ClassLoader host) {
    this.folder = folder;
    this.origin = origin;
    this.host = host;
  }

  /**
   * Opens the plugin folder named by the option or else the environment, if either names one.
   *
   * @param host the loader that sees the application's class path
   * @throws ConfigurationException if the folder is missing or not a folder
   * @throws org.kernelnet.api.PluginLoadException naming every jar that cannot be read
   */
  public static ConfiguredPlugins open(Optional<Path> option, Environment environment,
      ClassLoader host) {
    requireNonNull(option, "option is null");
    requireNonNull(environment, "environment is null");
    requireNonNull(host, "host is null");
    Optional<Path> dir = option.or(() -> environment.get(CommonOptions.PLUGINS_ENV_VAR).map(Path::of));
    if (dir.isEmpty()) {
      return new ConfiguredPlugins(Optional.empty(), null, host);
    }
    String origin = option.isPresent() ? "--plugins"
        : "environment variable " + CommonOptions.PLUGINS_ENV_VAR;
    Path root = dir.get().toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new ConfigurationException("plugin folder " + root + " (from " + origin + ") "
          + (Files.exists(root) ? "is not a folder" : "does not exist"));
    }
    return new ConfiguredPlugins(Optional.of(PluginFolder.open(root, host)), origin, host);
  }

  /** The plugin folder, if one is configured. */
  public Optional<PluginFolder> folder() {
    return folder;
  }

  /** How the folder was chosen, e.g. {@code --plugins}; empty without a folder. */
  public Optional<String> origin() {
    return Optional.ofNullable(origin);
  }

  /**
   * The registry of the class path's plugins and the folder's.
   *
   * @throws org.kernelnet.api.PluginLoadException listing every problem found
   */
  public KernelnetRegistry registry() {
    return folder.map(f -> KernelnetRegistry.load(host, f))
        .orElseGet(() -> KernelnetRegistry.load(host));
  }

  @Override
  public void close() {
    folder.ifPresent(PluginFolder::close);
  }

  @Override
  public String toString() {
    return folder.map(f -> {
      int n = f.plugins().size();
      return f.root() + " (from " + origin + ", " + n + (n == 1 ? " plugin)" : " plugins)");
    }).orElse("no plugin folder");
  }
}
