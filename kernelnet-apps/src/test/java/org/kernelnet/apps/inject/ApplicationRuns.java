package org.kernelnet.apps.inject;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kernelnet.apps.cli.DeviceChoice;
import org.kernelnet.apps.cli.Environment;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.report.RunFolder;

/**
 * Runs an application in-process as its command would, on the CPU and into a new run folder, for
 * tests that build the {@link ApplicationModule} themselves (e.g. with a binding replaced).
 */
public final class ApplicationRuns {
  private ApplicationRuns() {}

  /**
   * @param home the home folder of the environment (no variables set)
   * @param dataDir the {@code --data-dir}
   * @param output the run folder, created by the run
   * @param command the command's words, e.g. {@code mnist grid-prior}
   * @return what the run printed on standard error
   */
  public static String intoFolder(Path home, Path dataDir, Path output, String command,
      ApplicationModule<?> application) throws Exception {
    StringWriter err = new StringWriter();
    ApplicationRunner.run(
        new CoreSettings(Optional.empty(), Optional.of(dataDir), Optional.of(DeviceChoice.CPU),
            new Environment(Map.of(), home)),
        new RunFolder.Request(Optional.of(output), home.resolve("results"), RunFolder.Mode.NEW,
            false, command, List.of(), List.of()),
        new Terminal(new PrintWriter(new StringWriter()), new PrintWriter(err)),
        application, application.application());
    return err.toString();
  }
}
