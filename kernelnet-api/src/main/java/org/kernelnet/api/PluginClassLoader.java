package org.kernelnet.api;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of one plugin, as Trino isolates its plugins: the plugin's own jars, the JDK
 * (the platform class loader, asked first), and from the host only the packages every plugin
 * shares with it, the kernelnet API ({@code org.kernelnet.api}) and DJL ({@code ai.djl}). Nothing
 * else of the host's class path is visible, and no other plugin: two plugins may bundle different
 * versions of one library, and two versions of one plugin load as two distinct classes (which the
 * registry then reports). Resources follow the same rule, so {@link java.util.ServiceLoader} over
 * this loader finds the plugin's own {@code META-INF/services} entries only.
 */
public final class PluginClassLoader extends URLClassLoader {
  /** The packages (as class-name prefixes) loaded from the host. */
  public static final List<String> SHARED_PACKAGES = List.of("org.kernelnet.api.", "ai.djl.");

  static {
    ClassLoader.registerAsParallelCapable();
  }

  private final ClassLoader host;

  /**
   * @param name the loader's name, for stack traces and messages
   * @param jars the plugin's jars
   * @param host the loader the shared packages come from (the one that sees kernelnet's API)
   */
  public PluginClassLoader(String name, List<Path> jars, ClassLoader host) {
    super(requireNonNull(name, "name is null"), urls(jars), ClassLoader.getPlatformClassLoader());
    this.host = requireNonNull(host, "host is null");
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (isShared(name)) {
      return host.loadClass(name);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> type = findLoadedClass(name);
      if (type == null) {
        try {
          type = getParent().loadClass(name);
        } catch (ClassNotFoundException notInTheJdk) {
          type = findClass(name);
        }
      }
      if (resolve) {
        resolveClass(type);
      }
      return type;
    }
  }

  @Override
  public URL getResource(String name) {
    return isSharedResource(name) ? host.getResource(name) : super.getResource(name);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    return isSharedResource(name) ? host.getResources(name) : super.getResources(name);
  }

  private static boolean isShared(String className) {
    return SHARED_PACKAGES.stream().anyMatch(className::startsWith);
  }

  private static boolean isSharedResource(String path) {
    return SHARED_PACKAGES.stream().anyMatch(p -> path.startsWith(p.replace('.', '/')));
  }

  private static URL[] urls(List<Path> jars) {
    return requireNonNull(jars, "jars is null").stream().map(jar -> {
      try {
        return jar.toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("plugin jar path " + jar + " is not a valid URL", e);
      }
    }).toArray(URL[]::new);
  }
}
