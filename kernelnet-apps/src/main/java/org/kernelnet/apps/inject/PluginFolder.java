package org.kernelnet.apps.inject;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.kernelnet.api.KernelnetPlugin;
import org.kernelnet.apps.cli.CommonOptions;
import org.kernelnet.apps.cli.ConfigurationException;
import org.kernelnet.apps.cli.Environment;

/**
 * A folder of plugin jars, chosen by {@code --plugins} or else the environment variable {@value
 * CommonOptions#PLUGINS_ENV_VAR}. Every {@code *.jar} directly inside it is put on the plugin class
 * path, in name order.
 *
 * <p>A folder that does not exist, is not a folder, or holds an unreadable jar is a configuration
 * error (all such problems reported together); a folder without jars and a jar without a {@code
 * META-INF/services/org.kernelnet.api.KernelnetPlugin} entry are {@link #warnings() warnings}.
 */
public final class PluginFolder {
  static final String SERVICE_FILE = "META-INF/services/" + KernelnetPlugin.class.getName();

  private final Path root;
  private final String origin;
  private final List<Path> jars;
  private final List<String> warnings;

  private PluginFolder(Path root, String origin, List<Path> jars, List<String> warnings) {
    this.root = root;
    this.origin = origin;
    this.jars = List.copyOf(jars);
    this.warnings = List.copyOf(warnings);
  }

  /**
   * The plugin folder named by the option or else the environment, if either names one.
   *
   * @throws ConfigurationException if the folder is missing, not a folder, or holds unreadable jars
   */
  public static Optional<PluginFolder> resolve(Optional<Path> option, Environment environment) {
    requireNonNull(option, "option is null");
    requireNonNull(environment, "environment is null");
    if (option.isPresent()) {
      return Optional.of(scan(option.get(), "--plugins"));
    }
    return environment.get(CommonOptions.PLUGINS_ENV_VAR)
        .map(dir -> scan(Path.of(dir), "environment variable " + CommonOptions.PLUGINS_ENV_VAR));
  }

  /**
   * Lists the jars of a folder.
   *
   * @param dir the folder
   * @param origin how it was chosen, for messages, e.g. {@code --plugins}
   * @throws ConfigurationException as {@link #resolve} does
   */
  public static PluginFolder scan(Path dir, String origin) {
    Path root = requireNonNull(dir, "dir is null").toAbsolutePath().normalize();
    requireNonNull(origin, "origin is null");
    String where = "plugin folder " + root + " (from " + origin + ")";
    if (!Files.exists(root)) {
      throw new ConfigurationException(where + " does not exist");
    }
    if (!Files.isDirectory(root)) {
      throw new ConfigurationException(where + " is not a folder");
    }
    List<Path> jars;
    try (Stream<Path> entries = Files.list(root)) {
      jars = entries
          .filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new ConfigurationException(where + " cannot be listed: " + e.getMessage());
    }
    List<String> problems = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    if (jars.isEmpty()) {
      warnings.add(where + " holds no .jar files; only the built-in kernels are available");
    }
    for (Path jar : jars) {
      try (JarFile file = new JarFile(jar.toFile())) {
        if (file.getEntry(SERVICE_FILE) == null) {
          warnings.add("plugin jar " + jar + " has no " + SERVICE_FILE + "; it contributes nothing");
        }
      } catch (IOException e) {
        problems.add("plugin jar " + jar + " cannot be read as a jar: " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
    return new PluginFolder(root, origin, jars, warnings);
  }

  /** The absolute folder. */
  public Path root() {
    return root;
  }

  /** How the folder was chosen, e.g. {@code --plugins}. */
  public String origin() {
    return origin;
  }

  /** The jars in the folder, sorted by path. */
  public List<Path> jars() {
    return jars;
  }

  /** Things worth telling the user that do not stop the program. */
  public List<String> warnings() {
    return warnings;
  }

  @Override
  public String toString() {
    return root + " (from " + origin + ", " + jars.size() + (jars.size() == 1 ? " jar)" : " jars)");
  }
}
