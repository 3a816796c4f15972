package org.kernelnet.apps.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Options every kernelnet application command takes (a picocli mixin): where plugins and data are.
 * Training commands add {@link DeviceOption}; {@code --verbose} is a global option of the top
 * command, inherited by every subcommand.
 */
public final class CommonOptions {
  /** The environment variable naming the plugin folder when {@code --plugins} is not given. */
  public static final String PLUGINS_ENV_VAR = "KERNELNET_PLUGINS";

  @Option(
      names = "--plugins",
      paramLabel = "DIR",
      description = "Folder of plugin jars to load besides the built-in kernels (default: $"
          + PLUGINS_ENV_VAR + ", else none).")
  private Path plugins;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Data folder (default: $KERNELNET_DATA_DIR, else ~/.kernelnet/data).")
  private Path dataDir;

  /** The {@code --plugins} value, if given. */
  public Optional<Path> plugins() {
    return Optional.ofNullable(plugins);
  }

  /** The {@code --data-dir} value, if given. */
  public Optional<Path> dataDir() {
    return Optional.ofNullable(dataDir);
  }
}
