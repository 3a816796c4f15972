package org.kernelnet.api;

import static java.util.Objects.requireNonNull;

/**
 * The version of this SPI. A plugin records the version it was compiled against with {@link
 * BuiltForApi @BuiltForApi(KernelnetApi.VERSION)}; because the value is a compile-time constant, the
 * compiler copies it into the plugin's class file.
 *
 * <p>Versions are {@code MAJOR.MINOR}. A host runs a plugin built for version {@code p} when both have
 * the same major version and the host's minor version is at least {@code p}'s (minor versions only
 * add default methods).
 */
public final class KernelnetApi {
  /** The SPI version of this jar. */
  public static final String VERSION = "1.0";

  private KernelnetApi() {}

  /**
   * Whether a host of version {@code hostVersion} can run a plugin built for {@code pluginVersion}.
   *
   * @throws IllegalArgumentException if either version is not of the form {@code MAJOR.MINOR}
   */
  public static boolean isCompatible(String hostVersion, String pluginVersion) {
    int[] host = parse(hostVersion);
    int[] plugin = parse(pluginVersion);
    return host[0] == plugin[0] && host[1] >= plugin[1];
  }

  private static int[] parse(String version) {
    requireNonNull(version, "version is null");
    String[] parts = version.split("\\.", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "API version must be MAJOR.MINOR, e.g. 1.0, got '" + version + "'");
    }
    try {
      int major = Integer.parseInt(parts[0]);
      int minor = Integer.parseInt(parts[1]);
      if (major < 0 || minor < 0) {
        throw new NumberFormatException();
      }
      return new int[] {major, minor};
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "API version must be MAJOR.MINOR with non-negative integers, got '" + version + "'", e);
    }
  }
}
