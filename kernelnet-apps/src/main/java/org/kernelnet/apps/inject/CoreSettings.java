package org.kernelnet.apps.inject;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;
import org.kernelnet.apps.cli.DeviceChoice;
import org.kernelnet.apps.cli.Environment;

/**
 * The parsed options {@link CoreModule} builds the shared services from.
 *
 * @param plugins the {@code --plugins} folder, if given (else {@code KERNELNET_PLUGINS} is used)
 * @param dataDir the {@code --data-dir} folder, if given (else see {@code DataDirectory.resolve})
 * @param device the {@code --device} choice of a training command; absent for commands that never
 *     compute, whose injector then has no {@code Device} binding and never loads the engine
 * @param environment the environment variables and home folder
 */
public record CoreSettings(
    Optional<Path> plugins,
    Optional<Path> dataDir,
    Optional<DeviceChoice> device,
    Environment environment) {

  /** Validates the record. */
  public CoreSettings {
    requireNonNull(plugins, "plugins is null");
    requireNonNull(dataDir, "dataDir is null");
    requireNonNull(device, "device is null");
    requireNonNull(environment, "environment is null");
  }
}
