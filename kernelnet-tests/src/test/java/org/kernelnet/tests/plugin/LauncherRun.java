package org.kernelnet.tests.plugin;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.kernelnet.apps.Kernelnet;
import org.kernelnet.apps.cli.Environment;

/** One in-process run of the launcher's picocli entry point: exit status and captured output. */
record LauncherRun(int status, String out, String err) {
  static LauncherRun of(Path home, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Kernelnet.execute(
        args, new PrintWriter(out, true), new PrintWriter(err, true), new Environment(Map.of(), home));
    return new LauncherRun(status, out.toString(), err.toString());
  }
}
