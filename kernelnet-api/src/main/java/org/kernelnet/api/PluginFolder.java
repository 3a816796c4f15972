package org.kernelnet.api;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A folder of plugins, each loaded in isolation by its own {@link PluginClassLoader}: every {@code
 * *.jar} directly inside the folder is one plugin, and every sub-folder is one plugin made of the
 * {@code *.jar} files directly inside it (a plugin with libraries of its own). Give it to {@link
 * KernelnetRegistry#load(ClassLoader, PluginFolder)}; closing it closes the jars.
 *
 * <pre>{@code
 * ClassLoader host = MyApp.class.getClassLoader();
 * try (PluginFolder plugins = PluginFolder.open(Path.of("plugins"), host)) {
 *   KernelnetRegistry registry = KernelnetRegistry.load(host, plugins);
 *   ...
 * }
 * }</pre>
 *
 * <p>A missing folder and unreadable jars are errors (a {@link PluginLoadException} listing them
 * all); an empty folder, a sub-folder without jars and a plugin without a {@code
 * META-INF/services/org.kernelnet.api.KernelnetPlugin} entry are {@link #warnings() warnings}.
 */
public final class PluginFolder implements AutoCloseable {
  static final String SERVICE_FILE = "META-INF/services/" + KernelnetPlugin.class.getName();

  private final Path root;
  private final List<Plugin> plugins;
  private final List<String> warnings;

  /**
   * One plugin of the folder.
   *
   * @param location the jar, or the sub-folder holding the plugin's jars
   * @param jars its jars, sorted by path
   * @param classLoader the loader its classes come from
   */
  public record Plugin(Path location, List<Path> jars, PluginClassLoader classLoader) {
    public Plugin {
      requireNonNull(location, "location is null");
      jars = List.copyOf(jars);
      requireNonNull(classLoader, "classLoader is null");
    }
  }

  private PluginFolder(Path root, List<Plugin> plugins, List<String> warnings) {
    this.root = root;
    this.plugins = List.copyOf(plugins);
    this.warnings = List.copyOf(warnings);
  }

  /**
   * Scans {@code dir} and opens one class loader per plugin.
   *
   * @param host the loader the plugins share the kernelnet API and DJL with
   * @throws PluginLoadException if the folder does not exist or is not a folder, or naming every
   *     jar that cannot be read
   */
  public static PluginFolder open(Path dir, ClassLoader host) {
    Path root = requireNonNull(dir, "dir is null").toAbsolutePath().normalize();
    requireNonNull(host, "host is null");
    String where = "plugin folder " + root;
    if (!Files.isDirectory(root)) {
      throw new PluginLoadException(List.of(
          where + (Files.exists(root) ? " is not a folder" : " does not exist")));
    }
    List<String> problems = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<Path> locations = jarsAndFolders(root);
    if (locations.isEmpty()) {
      warnings.add(where + " holds no .jar files and no folders; only the built-in kernels are"
          + " available");
    }
    List<Path> locationsFound = new ArrayList<>();
    List<List<Path>> jarsFound = new ArrayList<>();
    for (Path location : locations) {
      List<Path> jars = Files.isDirectory(location)
          ? jarsAndFolders(location).stream().filter(Files::isRegularFile).toList()
          : List.of(location);
      if (jars.isEmpty()) {
        warnings.add("plugin folder " + location + " holds no .jar files; it contributes nothing");
        continue;
      }
      boolean services = false;
      for (Path jar : jars) {
        try (JarFile file = new JarFile(jar.toFile())) {
          services |= file.getEntry(SERVICE_FILE) != null;
        } catch (IOException e) {
          problems.add("plugin jar " + jar + " cannot be read as a jar: " + e.getMessage());
        }
      }
      if (!services) {
        warnings.add("plugin " + location + " has no " + SERVICE_FILE + "; it contributes nothing");
      }
      locationsFound.add(location);
      jarsFound.add(jars);
    }
    if (!problems.isEmpty()) {
      throw new PluginLoadException(problems);
    }
    List<Plugin> plugins = new ArrayList<>();
    for (int i = 0; i < locationsFound.size(); i++) {
      Path location = locationsFound.get(i);
      plugins.add(new Plugin(location, jarsFound.get(i), new PluginClassLoader(
          "kernelnet-plugin " + location.getFileName(), jarsFound.get(i), host)));
    }
    return new PluginFolder(root, plugins, warnings);
  }

  /** The absolute folder. */
  public Path root() {
    return root;
  }

  /** The plugins, in name order of their jars and sub-folders. */
  public List<Plugin> plugins() {
    return plugins;
  }

  /** Things worth telling the user that do not stop the program. */
  public List<String> warnings() {
    return warnings;
  }

  /** Closes every plugin's jars. */
  @Override
  public void close() {
    List<String> failures = new ArrayList<>();
    for (Plugin plugin : plugins) {
      try {
        plugin.classLoader().close();
      } catch (IOException e) {
        failures.add(plugin.location() + ": " + e.getMessage());
      }
    }
    if (!failures.isEmpty()) {
      throw new UncheckedIOException(new IOException("closing plugin jars failed: " + failures));
    }
  }

  @Override
  public String toString() {
    return root + " (" + plugins.size() + (plugins.size() == 1 ? " plugin)" : " plugins)");
  }

  /** The {@code *.jar} files and the folders directly inside {@code dir}, sorted. */
  private static List<Path> jarsAndFolders(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.filter(p -> Files.isDirectory(p)
              || Files.isRegularFile(p) && p.getFileName().toString().endsWith(".jar"))
          .sorted().toList();
    } catch (IOException e) {
      throw new PluginLoadException(List.of("plugin folder " + dir + " cannot be listed: "
          + e.getMessage()));
    }
  }
}
