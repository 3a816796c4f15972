package org.kernelnet.apps;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.kernelnet.api.KernelnetApi;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code kernelnet --version}: the kernelnet version and plugin API version, the DJL version, and
 * the PyTorch version and devices the engine reports (loading the engine to ask it).
 */
public final class VersionProvider implements IVersionProvider {
  private static final String PYTORCH = "PyTorch";

  @Override
  public String[] getVersion() {
    return new String[] {
        "kernelnet " + kernelnetVersion() + " (plugin API " + KernelnetApi.VERSION + ")",
        "DJL " + Engine.getDjlVersion(),
        pytorch(),
        "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"
    };
  }

  /** The version of this build, from the filtered {@code version.properties}. */
  public static String kernelnetVersion() {
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("version.properties is missing from the kernelnet-apps build");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("kernelnet.version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException("reading version.properties", e);
    }
  }

  private static String pytorch() {
    try {
      Engine engine = Engine.getEngine(PYTORCH);
      return PYTORCH + " " + engine.getVersion() + " (devices: "
          + java.util.Arrays.toString(engine.getDevices()) + ")";
    } catch (RuntimeException e) {
      return PYTORCH + ": not available (" + e.getMessage() + ")";
    }
  }
}
