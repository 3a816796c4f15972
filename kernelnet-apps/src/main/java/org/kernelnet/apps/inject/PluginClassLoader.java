package org.kernelnet.apps.inject;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The class loader plugins are discovered through: the application's class path plus, when a
 * {@link PluginFolder} is configured, every jar in it (a child {@link URLClassLoader}, so plugin
 * classes see kernelnet and DJL from the class path). Closing it closes the jars.
 */
public final class PluginClassLoader implements AutoCloseable {
  private final Optional<PluginFolder> folder;
  private final ClassLoader classLoader;
  private final URLClassLoader owned;

  private PluginClassLoader(Optional<PluginFolder> folder, ClassLoader classLoader, URLClassLoader owned) {
    this.folder = folder;
    this.classLoader = classLoader;
    this.owned = owned;
  }

  /**
   * Opens the loader.
   *
   * @param folder the plugin folder, if any
   * @param parent the loader that sees the application's class path
   */
  public static PluginClassLoader open(Optional<PluginFolder> folder, ClassLoader parent) {
    requireNonNull(folder, "folder is null");
    requireNonNull(parent, "parent is null");
    if (folder.isEmpty()) {
      return new PluginClassLoader(folder, parent, null);
    }
    URL[] urls = folder.get().jars().stream().map(PluginClassLoader::url).toArray(URL[]::new);
    URLClassLoader loader = new URLClassLoader("kernelnet-plugins", urls, parent);
    return new PluginClassLoader(folder, loader, loader);
  }

  /** The plugin folder, if one is configured. */
  public Optional<PluginFolder> folder() {
    return folder;
  }

  /** The loader to give {@code KernelnetRegistry.load}. */
  public ClassLoader classLoader() {
    return classLoader;
  }

  @Override
  public void close() {
    if (owned != null) {
      try {
        owned.close();
      } catch (IOException e) {
        throw new UncheckedIOException("closing the plugin jars of " + folder.get(), e);
      }
    }
  }

  private static URL url(Path jar) {
    try {
      return jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("plugin jar path " + jar + " is not a valid URL", e);
    }
  }
}
