package org.kernelnet.apps;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;
import java.util.Optional;
import org.kernelnet.apps.data.DataDirectory;

/**
 * The real data directory the build hands to tests: the system property {@value
 * DataDirectory#PROPERTY}, which the POM sets from {@code KERNELNET_DATA_DIR}. Maven runs each
 * module's tests in that module's folder, so a relative value is resolved against the folder Maven
 * was started from (system property {@value #INVOCATION_DIR}), where the user's shell meant it.
 */
public final class RealData {
  /** The system property holding the folder Maven was started from. */
  public static final String INVOCATION_DIR = "kernelnet.invocation.dir";

  private RealData() {}

  /**
   * The data directory, resolved.
   *
   * @param property the value of {@value DataDirectory#PROPERTY}, or null; blank or an uninterpolated
   *     {@code ${env.KERNELNET_DATA_DIR}} (the variable was not set) mean none
   * @param invocationDir the folder Maven was started from, or null (then the JVM's own folder)
   */
  static Optional<Path> resolve(String property, String invocationDir) {
    if (property == null || property.isBlank() || property.startsWith("${")) {
      return Optional.empty();
    }
    Path base = Path.of(invocationDir == null || invocationDir.isBlank() ? "" : invocationDir);
    return Optional.of(base.resolve(property).toAbsolutePath().normalize());
  }

  /** The real data directory; skips the calling test (an assumption) when none is set. */
  public static Path path() {
    Optional<Path> dir = resolve(
        System.getProperty(DataDirectory.PROPERTY), System.getProperty(INVOCATION_DIR));
    assumeThat(dir).as("system property " + DataDirectory.PROPERTY + " (from KERNELNET_DATA_DIR)")
        .isPresent();
    return dir.orElseThrow();
  }

  /** {@link #path()} as a {@link DataDirectory}. */
  public static DataDirectory directory() {
    return DataDirectory.of(path());
  }
}
