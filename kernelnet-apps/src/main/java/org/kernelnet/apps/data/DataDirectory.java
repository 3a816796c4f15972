package org.kernelnet.apps.data;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The one folder kernelnet reads data sets from, laid out like the project's shared data folder
 * ({@code movielens/ml-100k/u.data}, {@code mnist/train-images-idx3-ubyte.gz}, {@code pretrained/...}).
 *
 * <p>Chosen, first match wins: the {@code --data-dir} option, the environment variable {@value
 * #ENV_VAR}, the system property {@value #PROPERTY}, else {@code ~/.kernelnet/data}.
 */
public final class DataDirectory {
  /** The environment variable naming the data directory. */
  public static final String ENV_VAR = "KERNELNET_DATA_DIR";
  /** The system property naming the data directory (set by the build for tests). */
  public static final String PROPERTY = "kernelnet.data.dir";

  private final Path root;
  private final String origin;

  private DataDirectory(Path root, String origin) {
    this.root = root.toAbsolutePath().normalize();
    this.origin = origin;
  }

  /** A data directory at an explicit path. */
  public static DataDirectory of(Path root) {
    return new DataDirectory(requireNonNull(root, "root is null"), "given explicitly");
  }

  /**
   * Resolves the data directory from the option, the environment and the system properties.
   *
   * @param option the {@code --data-dir} value, if given
   * @param env the process environment
   * @param userHome the user's home folder
   */
  public static DataDirectory resolve(Optional<Path> option, Map<String, String> env, Path userHome) {
    if (option.isPresent()) {
      return new DataDirectory(option.get(), "--data-dir");
    }
    String fromEnv = env.get(ENV_VAR);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return new DataDirectory(Path.of(fromEnv), "environment variable " + ENV_VAR);
    }
    String fromProperty = System.getProperty(PROPERTY);
    if (fromProperty != null && !fromProperty.isBlank()) {
      return new DataDirectory(Path.of(fromProperty), "system property " + PROPERTY);
    }
    return new DataDirectory(userHome.resolve(".kernelnet").resolve("data"), "default");
  }

  /** Resolves from the real environment and {@code user.home}. */
  public static DataDirectory resolve(Optional<Path> option) {
    return resolve(option, System.getenv(), Path.of(System.getProperty("user.home")));
  }

  /** The absolute root folder. */
  public Path root() {
    return root;
  }

  /** How the root was chosen, e.g. {@code environment variable KERNELNET_DATA_DIR}. */
  public String origin() {
    return origin;
  }

  /** The path of a file inside the data directory, which may not exist. */
  public Path path(String relative) {
    Path resolved = root.resolve(relative).normalize();
    if (!resolved.startsWith(root)) {
      throw new IllegalArgumentException("'" + relative + "' points outside the data directory " + root);
    }
    return resolved;
  }

  /** The first of {@code candidates} (relative paths) that exists, if any. */
  public Optional<Path> find(String... candidates) {
    for (String candidate : candidates) {
      Path p = path(candidate);
      if (Files.isRegularFile(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * The message for a file that is missing and cannot be downloaded: which file, where it is
   * expected, and how to provide it.
   */
  public String missingMessage(String relative, String howToGetIt) {
    return "Data file " + relative + " not found: expected at " + path(relative) + " (data directory "
        + root + ", from " + origin + "; set it with --data-dir or " + ENV_VAR + "). " + howToGetIt;
  }

  @Override
  public String toString() {
    return root + " (" + origin + ")";
  }
}
