package org.kernelnet.apps.cli;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;

/**
 * Where a command writes: results to {@code out}, warnings and errors to {@code err}. Bound in the
 * injector so that applications never touch {@code System.out} directly.
 *
 * @param out standard output, for results
 * @param err standard error, for warnings and errors
 */
public record Terminal(PrintWriter out, PrintWriter err) {
  /** Validates the record. */
  public Terminal {
    requireNonNull(out, "out is null");
    requireNonNull(err, "err is null");
  }

  /** Prints {@code kernelnet: warning: message} on {@code err}. */
  public void warn(String message) {
    err.println("kernelnet: warning: " + message);
    err.flush();
  }
}
