package org.kernelnet.apps;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.kernelnet.apps.cli.Environment;

/**
 * The outcome of one in-process launcher run: exit status and everything printed. Shared with
 * kernelnet-tests through this module's test-jar.
 */
public record CommandRun(int status, String out, String err) {
  /** Runs {@code kernelnet args} with the given environment variables and home folder. */
  public static CommandRun of(Map<String, String> env, Path home, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Kernelnet.execute(
        args, new PrintWriter(out, true), new PrintWriter(err, true), new Environment(env, home));
    return new CommandRun(status, out.toString(), err.toString());
  }

  /** Runs with no environment variables. */
  public static CommandRun of(Path home, String... args) {
    return of(Map.of(), home, args);
  }
}
